import { useEffect, useRef, type ReactNode } from 'react';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';

/**
 * A page: its title in the tab and in the h1, which takes focus on arrival so that a screen reader
 * announces the new page (a single-page application otherwise changes silently).
 */
export const Page = ({
  title,
  children,
  trail,
}: {
  title: string;
  children: ReactNode;
  trail?: { label: string; href: string }[];
}) => {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Certification téléconsultation (ANS)`;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      {trail && (
        <Breadcrumb
          currentPageLabel={title}
          segments={trail.map((t) => ({ label: t.label, linkProps: { href: t.href } }))}
        />
      )}
      <h1 ref={heading} tabIndex={-1} className="fr-mt-2w">
        {title}
      </h1>
      {children}
    </>
  );
};

export const Loading = () => (
  <p role="status" aria-live="polite">
    Chargement…
  </p>
);
