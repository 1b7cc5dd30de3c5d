import { useEffect, useRef, type ReactNode } from 'react';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';

/** A full load keeps the browser's own start (the skip links first); later pages move the focus. */
let navigated = false;

/**
 * A page: its title in the tab and in the h1, which takes focus when the person arrives from
 * another page of the portal, so that a screen reader announces it (a single-page application
 * otherwise changes silently).
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
    if (navigated) heading.current?.focus();
    navigated = true;
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
