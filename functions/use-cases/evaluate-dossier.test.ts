import { describe, expect, it } from 'vitest';
import { admissibleDossier } from '../../test/support/use-case-journey';
import { HANDOVER_CYCLES } from '../domain/workflow-generations';
import { evaluateDossier } from './evaluate-dossier';
import { withdrawDossier } from './instruction';

const DAY = 86_400_000;

describe('the workflow’s Evaluate step', () => {
  it('waits until the next legal instant, sends the reminders due once, and abandons at the deadline', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 201);
    const due = Date.parse((await w.deps.dossiers.get(w.id))!.dossier.deadlines[0]!.dueAt);
    const first = await evaluateDossier(w.deps, w.id);
    expect(first).toMatchObject({ action: 'wait', waitingFor: 'proofs_deposit', cycle: 1 });
    // the first wake-up is the J-15 reminder
    expect(Date.parse((first as { wakeAt: string }).wakeAt)).toBeLessThanOrEqual(due - 15 * DAY + 1000);
    w.clock.set(new Date(due - 10 * DAY).toISOString());
    await evaluateDossier(w.deps, w.id, { generation: 1, cycle: 1 });
    await evaluateDossier(w.deps, w.id, { generation: 1, cycle: 2 });
    expect(w.outbox.templates().filter((t) => t === 'deadline_reminder')).toHaveLength(1);
    w.clock.set(new Date(due + 1).toISOString());
    const last = await evaluateDossier(w.deps, w.id, { generation: 1, cycle: 3 });
    expect(last).toMatchObject({ action: 'end', status: 'abandoned' });
    expect(await w.deps.workflowState.get(w.id)).toBeNull();
  });

  it('ends for a closed dossier, defers to a later generation, and hands over when old', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 202);
    expect(await evaluateDossier(w.deps, w.id, { generation: 1, cycle: HANDOVER_CYCLES })).toMatchObject({
      action: 'handOver',
      generation: 2,
    });
    expect(await evaluateDossier(w.deps, w.id, { generation: 1, cycle: 0 })).toMatchObject({
      action: 'end',
      status: 'superseded',
    });
    await withdrawDossier(w.deps, w.candidate, w.id);
    expect(await evaluateDossier(w.deps, w.id, { generation: 2, cycle: 0 })).toMatchObject({
      action: 'end',
      status: 'withdrawn',
    });
  });
});
