import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { executionName } from '../domain/workflow-generations';
import { restartExecution } from './restart-execution';

describe('restarting a dossier’s execution', () => {
  it('leaves a running execution alone', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    await w.deps.engine.start('d1', 1);
    expect(await restartExecution(w.deps, 'd1')).toBe('running');
  });

  it('starts the next free generation, expected first so the reconciler sees it, skipping names already used', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    await w.deps.engine.start('d1', 1);
    w.workflow.kill('d1', 1);
    await w.deps.engine.start('d1', 2);
    w.workflow.kill('d1', 2); // an execution name is never reused, even once ended
    expect(await restartExecution(w.deps, 'd1')).toBe('restarted');
    expect(w.workflow.executions.get(executionName('d1', 3))).toBe(true);
    expect((await w.deps.workflowState.get('d1'))!.generation).toBe(3);
  });
});
