import { createHash } from 'node:crypto';
import { companyRecipients, type Company } from './company';
import { renderMail, type AboutDossier, type MailDataByTemplate, type MailTemplate } from './mail-templates';

/**
 * A mail waiting to be sent. It is written in the same transaction as the state change that
 * causes it, with an id derived from that cause, so a replayed task writes the same id and
 * the conditional put makes the replay a no-op: nothing is mailed twice.
 */
export interface OutboxMessage {
  id: string;
  to: string[];
  template: MailTemplate;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
  dossierId?: string;
  /** an account to open before the mail goes out (company registration) */
  invite?: { email: string; firstName: string; lastName: string; ensId: string };
  /** an account to disable and remove from its company before the mail goes out (a replaced representative) */
  revoke?: { email: string; ensId: string };
}

export const outboxMessage = <T extends MailTemplate>(
  cause: string,
  template: T,
  to: string[],
  data: MailDataByTemplate[T],
  at: string,
  dossierId?: string,
): OutboxMessage => {
  const id = createHash('sha256')
    .update(`${cause}|${template}|${[...to].sort().join(',')}`)
    .digest('hex')
    .slice(0, 32);
  return { id, to, template, ...renderMail(template, data), createdAt: at, ...(dossierId ? { dossierId } : {}) };
};

/** What every dossier mail names: the product, its version and the dossier. */
export const aboutDossier = (dossier: {
  id: string;
  reference?: string;
  product: { name: string; version: string };
}): AboutDossier => ({
  productName: dossier.product.name,
  productVersion: dossier.product.version,
  dossierId: dossier.id,
  ...(dossier.reference ? { reference: dossier.reference } : {}),
});

/** The mail to a company's contact and legal representative about one of its dossiers, if the company is known. */
export const companyMail = <T extends MailTemplate>(
  company: Company | null,
  dossier: { id: string; product: { name: string; version: string } },
  cause: string,
  template: T,
  at: string,
  data: Omit<MailDataByTemplate[T], keyof AboutDossier>,
  /** also to ANS's mailbox (a copy for the instructors) */
  copyTo: string[] = [],
): OutboxMessage[] =>
  company
    ? [
        outboxMessage(
          cause,
          template,
          [...companyRecipients(company), ...copyTo],
          { ...aboutDossier(dossier), ...data } as MailDataByTemplate[T],
          at,
          dossier.id,
        ),
      ]
    : [];
