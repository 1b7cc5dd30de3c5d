import type { ReactNode } from 'react';

/** A titled part of a page: its heading names it for assistive technologies (`aria-labelledby`);
 * its id is the anchor the page's summary links to. */
export const Section = ({ id, title, children }: { id: string; title: ReactNode; children?: ReactNode }) => (
  <section id={id} aria-labelledby={`${id}-title`} className="fr-mb-4w">
    <h2 id={`${id}-title`} className="fr-h4">
      {title}
    </h2>
    {children}
  </section>
);
