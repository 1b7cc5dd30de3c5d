import { SYSTEM_ACTOR } from '../domain/caller';
import { decideInactivity, isClosed, transition } from '../domain/dossier';
import { appendEvents } from '../domain/journal';
import { outboxMessage } from '../domain/outbox';
import { companyRecipients } from '../domain/company';
import type { Dependencies } from '../container';

/** The longest a single wait may last inside one execution (a Standard execution lives a year). */
const MAX_WAIT_SECONDS = 300 * 24 * 3600;

export type Evaluation =
  | { dossierId: string; action: 'wait'; waitingFor: string; waitSeconds: number; wakeAt: string }
  | { dossierId: string; action: 'end'; status: string };

/**
 * The workflow's re-entrant step: reads the stored dossier and decides what its execution does
 * next. Timers only wake the execution; every legal effect is decided here on stored facts,
 * so a replayed or early wake-up changes nothing.
 * Input: dossier id. Output: wait (with the seconds until the next legal instant) or end.
 * Steps: load → decide the clock → store the effect (journal + mail) when one is due → answer.
 */
export const evaluateDossier = async (deps: Dependencies, dossierId: string): Promise<Evaluation> => {
  const stored = await deps.dossiers.get(dossierId);
  if (!stored || isClosed(stored.dossier.status)) {
    return { dossierId, action: 'end', status: stored?.dossier.status ?? 'missing' };
  }
  const verdict = decideInactivity(stored.dossier, deps.clock, deps.calendar);
  if (verdict.action === 'abandon') {
    const dossier = transition(stored.dossier, 'abandoned', deps.clock);
    const at = dossier.updatedAt;
    const { events, head } = appendEvents(stored.journalHead, [
      {
        dossierId,
        type: 'dossier_abandoned',
        at,
        actor: SYSTEM_ACTOR,
        data: { reason: 'inactivity', legalBasis: 'Guide de dépôt ANS §5.2' },
      },
    ]);
    const company = await deps.companies.get(stored.dossier.companyId);
    const outbox = company
      ? [
          outboxMessage(
            `dossier:${dossierId}:abandoned`,
            'dossier_abandoned_inactivity',
            companyRecipients(company),
            {
              productName: dossier.product.name,
              productVersion: dossier.product.version,
              dossierId,
            },
            at,
            dossierId,
          ),
        ]
      : [];
    await deps.dossiers.update(stored.version, { dossier, events, head, outbox });
    return { dossierId, action: 'end', status: dossier.status };
  }
  if (verdict.action === 'wait') {
    const seconds = Math.ceil((verdict.until.getTime() - deps.clock.now().getTime()) / 1000) + 1;
    return {
      dossierId,
      action: 'wait',
      waitingFor: 'candidate',
      waitSeconds: Math.min(Math.max(seconds, 1), MAX_WAIT_SECONDS),
      wakeAt: verdict.until.toISOString(),
    };
  }
  // no clock of this issue runs in the current status: wait for the next signal, a year at most
  return { dossierId, action: 'wait', waitingFor: stored.dossier.status, waitSeconds: MAX_WAIT_SECONDS, wakeAt: '' };
};
