import { SYSTEM_ACTOR } from '../domain/caller';
import type { UndeliverableContact } from '../domain/dossier-model';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { withOptimisticRetry } from './optimistic-retry';

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
    const roleOf = (email: string): UndeliverableContact['role'] | null => {
      const address = email.toLowerCase();
      if (address === deps.ansMailbox.toLowerCase()) return null; // our own mailbox: an operations matter
      if (company?.contact.email.toLowerCase() === address) return 'contact';
      if (company?.legalRepresentative.email.toLowerCase() === address) return 'legal_representative';
      return 'other';
    };
    const known = stored.dossier.undeliverable ?? [];
    const fresh = [...new Set(feedback.recipients.map(roleOf))]
      .filter((role): role is UndeliverableContact['role'] => role !== null)
      .map((role) => ({ role, kind: feedback.kind, at: feedback.at }))
      .filter((u) => !known.some((k) => k.role === u.role && k.kind === u.kind && k.at === u.at));
    if (!fresh.length) return [];
    await commitDossier(
      deps,
      stored,
      { ...stored.dossier, undeliverable: [...known, ...fresh] },
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
