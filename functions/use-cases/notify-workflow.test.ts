import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { executionName } from '../domain/workflow-generations';
import { notifyWorkflow } from './notify-workflow';
import { registerWait } from './register-wait';

const waiting = async (dossierId: string) => {
  const w = inMemoryDependencies('2027-01-04T08:00:00Z');
  await w.deps.engine.start(dossierId, 1);
  await registerWait(w.deps, { dossierId, waitingFor: 'instruction', taskToken: 'token-1', generation: 1 });
  return w;
};

describe('waking a dossier’s workflow', () => {
  it('resumes the waiting execution with its token, once', async () => {
    const w = await waiting('d1');
    await notifyWorkflow(w.deps, 'd1', 'submitted');
    await notifyWorkflow(w.deps, 'd1', 'submitted');
    expect(w.workflow.signals).toEqual([{ taskToken: 'token-1', output: { event: 'submitted' } }]);
  });

  it('starts the next generation when the execution no longer takes its token', async () => {
    const w = await waiting('d2');
    w.workflow.kill('d2', 1);
    w.deps.engine.sendTaskSuccess = async () => false;
    await notifyWorkflow(w.deps, 'd2', 'admissible');
    expect(w.workflow.executions.get(executionName('d2', 2))).toBe(true);
    expect((await w.deps.workflowState.get('d2'))!.generation).toBe(2);
  });

  it('does nothing for a dossier whose execution is not waiting', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    await notifyWorkflow(w.deps, 'none', 'submitted');
    expect(w.workflow.signals).toEqual([]);
  });
});
