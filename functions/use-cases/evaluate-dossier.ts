import { SYSTEM_ACTOR } from '../domain/caller';
import { applyDueLegalEffects } from './legal-effects';
import { withOptimisticRetry } from './optimistic-retry';
import { decideClocks } from '../domain/clocks';
import { companyRecipients } from '../domain/company';
import { isClosed } from '../domain/dossier';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';

/** The longest a single wait may last inside one execution (a Standard execution lives a year). */
export const MAX_WAIT_SECONDS = 300 * 24 * 3600;

export type Evaluation =
  | { dossierId: string; action: 'wait'; waitingFor: string; waitSeconds: number; wakeAt: string }
  | { dossierId: string; action: 'end'; status: string };

/**
 * The workflow's re-entrant step: reads the stored dossier and decides what its execution does
 * next. Timers only wake the execution; every legal effect is decided here on stored facts,
 * so a replayed, early or late wake-up changes nothing it should not.
 * Input: dossier id. Output: wait (seconds until the next legal instant) or end.
 * Steps: load → apply the legal effects due (the same function every command uses) → store the
 * reminders due (journal and mail) → answer when to wake next.
 */
export const evaluateDossier = async (deps: Dependencies, dossierId: string): Promise<Evaluation> => {
  // a concurrent change (the candidate acting at the same instant) only means: decide again
  return withOptimisticRetry(() => evaluateOnce(deps, dossierId));
};

const evaluateOnce = async (deps: Dependencies, dossierId: string): Promise<Evaluation> => {
  const loaded = await deps.dossiers.get(dossierId);
  const stored = loaded ? await applyDueLegalEffects(deps, loaded) : null;
  if (!stored || isClosed(stored.dossier.status)) {
    return { dossierId, action: 'end', status: stored?.dossier.status ?? 'missing' };
  }
  const now = deps.clock.now();
  const decision = decideClocks(stored.dossier, now, deps.calendar);
  const company = await deps.companies.get(stored.dossier.companyId);
  const to = company ? companyRecipients(company) : [];
  const about = aboutDossier(stored.dossier);

  if (decision.reminders.length) {
    const keys = decision.reminders.flatMap((r) => r.keys);
    const dossier = { ...stored.dossier, remindersSent: [...(stored.dossier.remindersSent ?? []), ...keys] };
    await commitDossier(
      deps,
      stored,
      dossier,
      decision.reminders.map((r) => ({
        type: 'reminder_sent',
        actor: SYSTEM_ACTOR,
        data: { clock: r.clock.kind, dueAt: r.clock.dueAt.toISOString(), daysLeft: r.daysLeft },
      })),
      {
        outbox: decision.reminders.map((r) =>
          outboxMessage(
            `reminder:${dossierId}:${r.keys.join(',')}`,
            'deadline_reminder',
            // a decision deadline is ANS's to meet: remind the instructors, not the company
            r.clock.remind === 'ans' ? [deps.ansMailbox] : to,
            {
              ...about,
              kind: r.clock.kind,
              dueAt: r.clock.dueAt.toISOString(),
              daysLeft: r.daysLeft,
            },
            now.toISOString(),
            dossierId,
          ),
        ),
      },
    );
  }

  if (!decision.nextWakeAt) {
    // no clock runs in this status: wait for the next signal, within one execution's life
    return { dossierId, action: 'wait', waitingFor: stored.dossier.status, waitSeconds: MAX_WAIT_SECONDS, wakeAt: '' };
  }
  const seconds = Math.ceil((decision.nextWakeAt.getTime() - now.getTime()) / 1000);
  return {
    dossierId,
    action: 'wait',
    waitingFor: stored.dossier.status,
    waitSeconds: Math.min(Math.max(seconds, 1), MAX_WAIT_SECONDS),
    wakeAt: decision.nextWakeAt.toISOString(),
  };
};
