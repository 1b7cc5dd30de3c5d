import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { MAX_WAIT_SECONDS } from '../domain/workflow-generations';
import { registerWait } from './register-wait';
import { admissibleDossier } from '../../test/support/use-case-journey';
import { postMessage } from './messages';

describe('registering a wait', () => {
  it('keeps the token and when to check on it; an old state machine without wakeAt gets its longest wait', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    await registerWait(w.deps, {
      dossierId: 'd1',
      waitingFor: 'draft',
      taskToken: 't1',
      generation: 1,
      wakeAt: '2027-02-01T00:00:00.000Z',
    });
    expect(await w.deps.workflowState.get('d1')).toMatchObject({ generation: 1, checkAt: '2027-02-01T00:00:00.000Z' });
    await registerWait(w.deps, { dossierId: 'd2', waitingFor: 'draft', taskToken: 't2', generation: 1 });
    expect((await w.deps.workflowState.get('d2'))!.checkAt).toBe(
      new Date(Date.parse('2027-01-04T08:00:00Z') + MAX_WAIT_SECONDS * 1000).toISOString(),
    );
  });

  it('refuses the wait of an execution a later generation replaced', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    await w.deps.workflowState.expect('d1', 3, '2027-01-04T08:00:00Z');
    expect(
      await registerWait(w.deps, { dossierId: 'd1', waitingFor: 'draft', taskToken: 'old', generation: 2 }),
    ).toEqual({ registered: false });
    expect(await w.deps.workflowState.takeWait('d1')).toBeNull();
  });

  it('resumes its own wait at once when the dossier changed after Evaluate read it (the signal found no token)', async () => {
    const w = await admissibleDossier('2027-01-04T08:00:00Z', 231);
    const seen = (await w.deps.dossiers.get(w.id))!.version;
    await postMessage(w.deps, w.candidate, w.id, 'un changement entre Evaluate et RegisterWait');
    const outcome = await registerWait(w.deps, {
      dossierId: w.id,
      waitingFor: 'proofs_deposit',
      taskToken: 'late-token',
      generation: 1,
      version: seen,
    });
    expect(outcome).toEqual({ registered: true, resumed: true });
    expect(w.workflow.signals.at(-1)).toEqual({
      taskToken: 'late-token',
      output: { event: 'changed_before_the_wait' },
    });
    expect(await w.deps.workflowState.takeWait(w.id)).toBeNull();
    // nothing changed since: the wait stays for the command that will resume it
    const now = (await w.deps.dossiers.get(w.id))!.version;
    expect(
      await registerWait(w.deps, {
        dossierId: w.id,
        waitingFor: 'proofs_deposit',
        taskToken: 't2',
        generation: 1,
        version: now,
      }),
    ).toEqual({ registered: true });
    expect((await w.deps.workflowState.takeWait(w.id))!.taskToken).toBe('t2');
  });
});
