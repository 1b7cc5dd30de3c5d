import { useEffect, useState } from 'react';

/**
 * « Sommaire » (DSFR summary): a link to each titled section of the page, so that a long dossier
 * page is crossed in a few Tab stops (issue 25: 57 to reach the convention). It reads the sections
 * the page rendered (`section[id]` with its `h2`), so it cannot drift from them; `watch` re-reads
 * them when the page's data change.
 */
export const PageSummary = ({ watch }: { watch: unknown }) => {
  const [links, setLinks] = useState<{ id: string; title: string }[]>([]);
  useEffect(() => {
    const sections = [...document.querySelectorAll<HTMLElement>('main section[id]')].filter(
      (s) => s.id !== 'next-step' && s.querySelector(':scope > h2'),
    );
    setLinks(sections.map((s) => ({ id: s.id, title: s.querySelector(':scope > h2')!.textContent ?? s.id })));
  }, [watch]);
  if (links.length < 3) return null;
  return (
    <nav className="fr-summary fr-mb-4w" role="navigation" aria-labelledby="page-summary-title">
      <p className="fr-summary__title" id="page-summary-title">
        Sommaire
      </p>
      <ol className="fr-summary__list">
        {links.map((l) => (
          <li key={l.id}>
            <a className="fr-summary__link" href={`#${l.id}`}>
              {l.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
};
