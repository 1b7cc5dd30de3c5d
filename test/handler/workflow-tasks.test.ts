import { describe, expect, it } from 'vitest';
import type { Context } from 'aws-lambda';
import { inMemoryDependencies } from '../../functions/adapters/memory/in-memory-dependencies';
import { useDependencies } from '../../functions/container';
import { evaluate } from '../../functions/workflow/evaluate';
import { handler as registerWait } from '../../functions/workflow/register-wait';

const context = { functionName: 'test', awsRequestId: 'r', getRemainingTimeInMillis: () => 10_000 } as Context;

/**
 * A deploy moves new executions to the new state machine version while running ones finish on
 * theirs — but the task Lambdas are not versioned with it: they must take both payloads.
 */
describe('workflow tasks across a deployment', () => {
  it('Evaluate takes the payload of an execution started on the earlier version ({ dossierId } alone)', async () => {
    const w = inMemoryDependencies('2026-03-02T09:00:00Z');
    useDependencies(w.deps);
    try {
      const legacy = await evaluate({ dossierId: 'unknown' }, context);
      expect(legacy).toMatchObject({ dossierId: 'unknown', generation: 1, action: 'end', status: 'missing' });
      const current = await evaluate({ input: { dossierId: 'unknown', generation: 3, cycle: 7 } }, context);
      expect(current).toMatchObject({ generation: 3, cycle: 8, action: 'end' });
      await expect(evaluate({ input: {} }, context)).rejects.toThrow();
    } finally {
      useDependencies(undefined);
    }
  });

  it('RegisterWait takes a wait without generation or wake instant, and indexes it at the longest wait', async () => {
    const w = inMemoryDependencies('2026-03-02T09:00:00Z');
    useDependencies(w.deps);
    try {
      await registerWait({ dossierId: 'd-1', waitingFor: 'draft', taskToken: 't' }, context);
      expect(await w.deps.workflowState.get('d-1')).toMatchObject({
        generation: 1,
        checkAt: new Date(Date.parse('2026-03-02T09:00:00Z') + 300 * 86_400_000).toISOString(),
        wait: { taskToken: 't' },
      });
    } finally {
      useDependencies(undefined);
    }
  });
});
