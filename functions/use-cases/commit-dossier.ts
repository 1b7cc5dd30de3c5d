import type { DocumentJob } from '../domain/document-job';
import type { Dependencies } from '../container';
import { isClosed, productKeyChange, withDeadlines, type Dossier } from '../domain/dossier';
import { certificateClockName } from '../domain/certificate';
import { publicCandidature, publicListingChange } from '../domain/public-candidature';
import { appendEvents, GENESIS, type JournalEvent } from '../domain/journal';
import { stampJobsFor } from '../domain/trusted-timestamps';
import { webhookBatchOf } from '../domain/webhooks';
import { signatureEvidenceJobs } from '../domain/convention-signature';
import { issuedActJobs } from '../domain/issued-acts';
import type { RuleChange, EventDraft, MailIntent } from '../domain/rule-change';
import { companyMail, outboxMessage, aboutDossier } from '../domain/outbox';
import { notifyWorkflow } from './notify-workflow';
import type { Message } from '../domain/message';
import type { Certificate } from '../domain/certificate';
import type { OutboxMessage } from '../domain/outbox';
import type { DossierChange, StoredDossier } from '../domain/ports';
import type { Upload } from '../domain/upload';

/**
 * The one way a use case stores a dossier.
 * Input: the stored dossier read (or null for a new one), the new state, journal event drafts,
 * extras (mail, uploads, messages, certificates). Output: the stored dossier with its new version.
 * Steps: chain the journal events onto the head → let the caller quote them (receipt hash) →
 * derive the product-key change → write everything in one transaction guarded by the version.
 */

export type { EventDraft };

/**
 * Stores a dossier's new state with its journal events, mail, uploads and messages in one
 * transaction, guarded by the version that was read (`stored`, or none for a new dossier).
 * The product key ("one open candidature per product") follows the dossier automatically.
 */
export const commitDossier = async (
  deps: Dependencies,
  stored: StoredDossier | null,
  dossier: Dossier,
  events: EventDraft[],
  extras: {
    outbox?: OutboxMessage[];
    uploads?: Upload[];
    messages?: Message[];
    certificates?: Certificate[];
    /** documents rendered once the change is stored */
    documents?: DocumentJob[];
    /** malware scans awaited and settled */
    scanChecks?: DossierChange['scanChecks'];
    /** the read's journal request these events record (settled in the same transaction) */
    settlesRequest?: string;
    /** last touch to the dossier once its journal events (and their hashes) are known */
    withJournal?: (events: JournalEvent[], dossier: Dossier) => Dossier;
    /** mail that must quote the journal (e.g. the receipt's hash) */
    outboxFor?: (events: JournalEvent[], dossier: Dossier) => OutboxMessage[];
  } = {},
): Promise<StoredDossier> => {
  const at = deps.clock.now().toISOString();
  const journal = appendEvents(
    stored?.journalHead ?? GENESIS,
    events.map((e) => ({ dossierId: dossier.id, at, ...e })),
  );
  const { withJournal, outboxFor, ...rest } = extras;
  // the clocks shown are derived from the stored facts: computed here, so no change stores stale ones
  const final = withDeadlines(withJournal ? withJournal(journal.events, dossier) : dossier, deps.calendar);
  if (outboxFor) rest.outbox = [...(rest.outbox ?? []), ...outboxFor(journal.events, final)];
  const productKey = productKeyChange(stored?.dossier ?? null, final);
  const publicListing = await publicListingOf(deps, stored?.dossier ?? null, final);
  const stamps = stampJobsFor(journal.events, at);
  // what the company's webhooks hear of, written with the change: never lost, in the journal's order
  const webhookEvents = webhookBatchOf(stored?.dossier ?? null, final, journal.events, rest.certificates, at);
  // a convention signed in this change: its evidence file is rendered and sealed with the others
  // and the notified acts (the complete file's receipt, a decision) theirs
  const evidence = [...signatureEvidenceJobs(journal.events, at), ...issuedActJobs(final, journal.events, at)];
  if (evidence.length) rest.documents = [...(rest.documents ?? []), ...evidence];
  const change = {
    dossier: final,
    ...journal,
    ...rest,
    ...(stamps.length ? { stamps } : {}),
    ...(webhookEvents ? { webhookEvents } : {}),
    ...(productKey ? { productKey } : {}),
    ...(publicListing ? { publicListing } : {}),
  };
  const saved = await (stored ? deps.dossiers.update(stored.version, change) : deps.dossiers.create(change));
  // a renewal candidature that ends without a certificate: the certificate it renews decides at
  // once whether it ends too (R.1470-11; a lost wake-up is found by the reconciler)
  if (final.renewalOf && stored && !isClosed(stored.dossier.status) && isClosed(final.status) && !final.certificate)
    await deps.longClocks.schedule(certificateClockName(final.renewalOf), deps.clock.now(), final.renewalOf);
  return saved;
};

/**
 * Stores what a dossier rule decided (`RuleChange`): its mails addressed (the company's
 * contact and legal representative, ANS's mailbox), its journal, uploads and documents in one
 * transaction; then wakes the workflow when the rule says a clock changed.
 */
export const commitChange = async (
  deps: Dependencies,
  stored: StoredDossier | null,
  change: RuleChange,
  extras: { certificates?: Certificate[]; messages?: Message[] } = {},
): Promise<StoredDossier> => {
  const { afterJournal } = change;
  const company = [change.mails ?? [], afterJournal ? [{ to: 'company' }] : []].flat().some((m) => m.to === 'company')
    ? await deps.companies.get(change.dossier.companyId)
    : null;
  // a notified act's mail tells the company when it is deemed received if not opened (API.md [1.2])
  const issued = change.events.find((e) => e.type === 'notification_issued')?.data?.deemedReceivedAt;
  const notice = (intents: MailIntent[]) =>
    issued === undefined
      ? intents
      : intents.map((m) => (m.to === 'company' ? { ...m, data: { ...m.data, deemedReceivedAt: issued } } : m));
  const address = (intents: MailIntent[], dossier: Dossier) => addressMails(deps, company, dossier, notice(intents));
  let afterMails: MailIntent[] = [];
  const saved = await commitDossier(deps, stored, change.dossier, change.events, {
    ...extras,
    outbox: address(change.mails ?? [], change.dossier),
    ...(change.uploads?.length ? { uploads: change.uploads } : {}),
    ...(change.documents?.length ? { documents: change.documents } : {}),
    ...(afterJournal
      ? {
          withJournal: (journal, dossier) => {
            const after = afterJournal(journal, dossier);
            afterMails = after.mails ?? [];
            return after.dossier;
          },
          outboxFor: (_journal, dossier) => address(afterMails, dossier),
        }
      : {}),
  });
  if (change.wake) await notifyWorkflow(deps, change.dossier.id, change.wake);
  return saved;
};

/** The public list follows the dossier (guide §4.1): put or removed in the same transaction. */
const publicListingOf = async (deps: Dependencies, before: Dossier | null, after: Dossier) => {
  const change = publicListingChange(before, after);
  if (change === 'remove') return { remove: true as const };
  if (change !== 'put') return undefined;
  const company = await deps.companies.get(after.companyId);
  return { put: publicCandidature(after, company?.name ?? '') };
};

/** A rule's mail intents as outbox messages; a company mail for an unknown company is dropped. */
const addressMails = (
  deps: Dependencies,
  company: Awaited<ReturnType<Dependencies['companies']['get']>>,
  dossier: Dossier,
  intents: MailIntent[],
): OutboxMessage[] => {
  const at = deps.clock.now().toISOString();
  return intents.flatMap((mail) =>
    mail.to === 'ans'
      ? [
          outboxMessage(
            mail.cause,
            mail.template,
            [deps.ansMailbox],
            { ...aboutDossier(dossier), ...mail.data } as never,
            at,
            dossier.id,
          ),
        ]
      : companyMail(
          company,
          dossier,
          mail.cause,
          mail.template,
          at,
          mail.data as never,
          mail.copyToAns ? [deps.ansMailbox] : [],
        ),
  );
};
