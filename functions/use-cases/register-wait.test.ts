import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { MAX_WAIT_SECONDS } from '../domain/workflow-generations';
import { registerWait } from './register-wait';

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
});
