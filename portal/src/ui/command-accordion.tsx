import type { ReactNode } from 'react';
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { CommandForm } from './command-form';

/** One command of a list of them (a certificate's life, say): a DSFR accordion holding its form. */
export const CommandAccordion = ({
  label,
  defaultExpanded,
  ...form
}: {
  /** the accordion's title: the act, as ANS or the company names it */
  label: string;
  defaultExpanded?: boolean;
  submit: string;
  busy: boolean;
  onSubmit: () => unknown;
  children: ReactNode;
}) => (
  <Accordion label={label} {...(defaultExpanded ? { defaultExpanded } : {})}>
    <CommandForm {...form} />
  </Accordion>
);
