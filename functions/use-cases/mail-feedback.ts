import { SYSTEM_ACTOR } from '../domain/caller';
import type { UndeliverableContact } from '../domain/dossier-model';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { withOptimisticRetry } from './optimistic-retry';
import type { Dossier } from '../domain/dossier-model';
import { isUnreachable, withoutDeemedReceipt } from '../domain/notifications';

/**
 * A company none of whose contacts can be reached by mail cannot be deemed to have received what
 * it was sent (API.md [1.2]): the receipts not yet known wait for ANS to record another means.
 */
const withUndeliverable = (dossier: Dossier, undeliverable: UndeliverableContact[]): Dossier =>
  isUnreachable(undeliverable)
    ? { ...dossier, undeliverable, notifications: withoutDeemedReceipt(dossier.notifications) }
    : { ...dossier, undeliverable };

export interface MailFeedback {
  kind: UndeliverableContact['kind'];
  recipients: string[];
  /** the dossier the mail was about (SES message tag), when it was about one */
  dossierId?: string;
  at: string;
}

/**
 * SES says mail could not be delivered (a permanent bounce) or was reported as spam (a complaint).
 * Input: the feedback. Output: the roles marked undeliverable on the dossier.
 * Steps: load the dossier and its company → which of the company's people bounced (by role) →
 * record them on the dossier with a journal event and tell the instructors (not the address that
 * bounced) → idempotent: SNS may deliver the same feedback twice; a role already marked for the
 * same kind and instant changes nothing.
 */
export const recordMailFeedback = async (
  deps: Dependencies,
  feedback: MailFeedback,
): Promise<UndeliverableContact[]> => {
  if (!feedback.dossierId) return [];
  return withOptimisticRetry(async () => {
    const stored = await deps.dossiers.get(feedback.dossierId!);
    if (!stored) return [];
    const company = await deps.companies.get(stored.dossier.companyId);
    // one address may be both the contact and the legal representative: it stands for both
    const rolesOf = (email: string): UndeliverableContact['role'][] => {
      const address = email.toLowerCase();
      if (address === deps.ansMailbox.toLowerCase()) return []; // our own mailbox: an operations matter
      const roles: UndeliverableContact['role'][] = [];
      if (company?.contact.email.toLowerCase() === address) roles.push('contact');
      if (company?.legalRepresentative.email.toLowerCase() === address) roles.push('legal_representative');
      return roles.length ? roles : ['other'];
    };
    const known = stored.dossier.undeliverable ?? [];
    const fresh = [...new Set(feedback.recipients.flatMap(rolesOf))]
      .map((role) => ({ role, kind: feedback.kind, at: feedback.at }))
      .filter((u) => !known.some((k) => k.role === u.role && k.kind === u.kind && k.at === u.at));
    if (!fresh.length) return [];
    await commitDossier(
      deps,
      stored,
      withUndeliverable(stored.dossier, [...known, ...fresh]),
      fresh.map((u) => ({ type: 'mail_undeliverable', actor: SYSTEM_ACTOR, data: { role: u.role, kind: u.kind } })),
      {
        outbox: fresh.map((u) =>
          outboxMessage(
            `undeliverable:${stored.dossier.id}:${u.role}:${u.kind}:${u.at}`,
            'mail_undeliverable',
            [deps.ansMailbox],
            { ...aboutDossier(stored.dossier), role: u.role, kind: u.kind, at: u.at },
            deps.clock.now().toISOString(),
            stored.dossier.id,
          ),
        ),
      },
    );
    return fresh;
  });
};
