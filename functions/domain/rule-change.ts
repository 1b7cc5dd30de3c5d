import type { Actor, JournalEvent } from './journal';
import type { AboutDossier, MailDataByTemplate, MailTemplate } from './mail-templates';
import type { DocumentJob } from './document-job';
import type { Dossier } from './dossier-model';
import type { Upload } from './upload';

/**
 * What a dossier rule decides, before anything is stored: the dossier's next state, the journal
 * events that explain it, the mails it causes, the uploads and documents it touches, and whether
 * the dossier's workflow must wake (a clock started, stopped or moved closer). The use case only
 * stores it (`commitChange`) — the rule itself is a pure function of the dossier, its input, the
 * instant and the calendar policy.
 */
export interface RuleChange {
  dossier: Dossier;
  events: EventDraft[];
  mails?: MailIntent[];
  uploads?: Upload[];
  documents?: DocumentJob[];
  /** the event the workflow is woken with; absent when no clock changed */
  wake?: string;
  /**
   * The last touch once the journal events are chained: a receipt quotes its own event's seq
   * and hash (a certain date of receipt), on the dossier and in the mail.
   */
  afterJournal?: (journal: JournalEvent[], dossier: Dossier) => { dossier: Dossier; mails?: MailIntent[] };
}

export interface EventDraft {
  type: string;
  actor: Actor;
  data?: Record<string, unknown>;
}

/**
 * A mail a rule causes, addressed by who must read it rather than by address: the company's
 * contact and legal representative, or ANS's mailbox, or both. The use case resolves the
 * addresses and renders the mail into the outbox in the rule's transaction.
 */
export interface MailIntent {
  /** the cause, unique per mail: a replayed command writes the same outbox id */
  cause: string;
  template: MailTemplate;
  to: 'company' | 'ans';
  /** the company's mail copied to ANS's mailbox */
  copyToAns?: boolean;
  /** the template's data beyond what names the dossier */
  data: Record<string, unknown>;
}

type Data<T extends MailTemplate> = Omit<MailDataByTemplate[T], keyof AboutDossier>;

/** A mail to the company about its dossier (typed by template). */
export const mailToCompany = <T extends MailTemplate>(
  cause: string,
  template: T,
  data: Data<T>,
  options: { copyToAns?: boolean } = {},
): MailIntent => ({ cause, template, to: 'company', data: data as Record<string, unknown>, ...options });

/** A mail to ANS's mailbox about a dossier (typed by template). */
export const mailToAns = <T extends MailTemplate>(cause: string, template: T, data: Data<T>): MailIntent => ({
  cause,
  template,
  to: 'ans',
  data: data as Record<string, unknown>,
});
