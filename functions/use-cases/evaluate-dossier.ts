import { SYSTEM_ACTOR } from '../domain/caller';
import { applyDueLegalEffects } from './legal-effects';
import { withOptimisticRetry } from './optimistic-retry';
import { decideClocks } from '../domain/clocks';
import { companyRecipients } from '../domain/company';
import { isClosed } from '../domain/dossier';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import {
  executionName,
  handOverAt,
  MAX_WAIT_SECONDS,
  mustHandOver,
  type ExecutionContext,
} from '../domain/workflow-generations';

export { MAX_WAIT_SECONDS };

/** What Evaluate passes on to the next state, and back to itself on the next wake-up. */
interface Carried {
  dossierId: string;
  generation: number;
  cycle: number;
}

export type Evaluation = Carried &
  (
    | {
        action: 'wait';
        waitingFor: string;
        waitSeconds: number;
        wakeAt: string;
        /** the dossier's version this wait was decided on: a change since then wakes it at once */
        version: number;
      }
    | { action: 'handOver'; successor: string }
    | { action: 'end'; status: string }
  );

/**
 * The workflow's re-entrant step: reads the stored dossier and decides what its execution does
 * next. Timers only wake the execution; every legal effect is decided here on stored facts,
 * so a replayed, early or late wake-up changes nothing it should not.
 * Input: dossier id, the execution's generation, wake-ups so far and start instant.
 * Output: wait (seconds until the next legal instant, never past the execution's hand-over),
 * hand over to the next generation, or end.
 * Steps: a later generation keeps the clocks → end; load → apply the legal effects due (the same
 * function every command uses) → closed → end; old or long execution → hand over; store the
 * reminders due (journal and mail) → answer when to wake next.
 */
export const evaluateDossier = async (
  deps: Dependencies,
  dossierId: string,
  execution: ExecutionContext = { generation: 1, cycle: 0 },
): Promise<Evaluation> => {
  // a concurrent change (the candidate acting at the same instant) only means: decide again
  return withOptimisticRetry(() => evaluateOnce(deps, dossierId, execution));
};

const evaluateOnce = async (
  deps: Dependencies,
  dossierId: string,
  execution: ExecutionContext,
): Promise<Evaluation> => {
  const carried = { dossierId, generation: execution.generation, cycle: execution.cycle + 1 };
  const kept = await deps.workflowState.get(dossierId);
  if (kept && kept.generation > execution.generation) return { ...carried, action: 'end', status: 'superseded' };
  const loaded = await deps.dossiers.get(dossierId);
  const stored = loaded ? await applyDueLegalEffects(deps, loaded) : null;
  if (!stored || isClosed(stored.dossier.status)) {
    await deps.workflowState.forget(dossierId);
    return { ...carried, action: 'end', status: stored?.dossier.status ?? 'missing' };
  }
  const now = deps.clock.now();
  if (mustHandOver(execution, now)) {
    const generation = execution.generation + 1;
    // expected at once: if the successor never starts, the reconciler sees it within minutes
    await deps.workflowState.expect(dossierId, generation, now.toISOString());
    return { dossierId, generation, cycle: 0, action: 'handOver', successor: executionName(dossierId, generation) };
  }
  const decision = decideClocks(stored.dossier, now, deps.calendar);
  const company = await deps.companies.get(stored.dossier.companyId);
  const to = company ? companyRecipients(company) : [];
  const about = aboutDossier(stored.dossier);

  let version = stored.version;
  if (decision.reminders.length) {
    const keys = decision.reminders.flatMap((r) => r.keys);
    const dossier = { ...stored.dossier, remindersSent: [...(stored.dossier.remindersSent ?? []), ...keys] };
    ({ version } = await commitDossier(
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
    ));
  }

  // no clock in this status: wait for the next signal; and never past the execution's hand-over
  const limits = [decision.nextWakeAt, handOverAt(execution), new Date(now.getTime() + MAX_WAIT_SECONDS * 1000)];
  const wakeAt = new Date(Math.min(...limits.filter((d): d is Date => d !== undefined).map((d) => d.getTime())));
  const waitSeconds = Math.max(Math.ceil((wakeAt.getTime() - now.getTime()) / 1000), 1);
  return {
    ...carried,
    action: 'wait',
    waitingFor: stored.dossier.status,
    waitSeconds,
    wakeAt: new Date(now.getTime() + waitSeconds * 1000).toISOString(),
    version,
  };
};
