import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock';
import { LocalWorkflowEngine } from './workflow-engine';
import { DAY_SECONDS, holdForToken, mockedTable } from './engine/test-states';

/**
 * The engine calls itself quiet by counting what is under way, never by waiting a few turns of the
 * event loop: with both cores busy and task functions that take their time (real timers, not
 * microtasks), every start and every clock move returns only once each effect is stored.
 */
const DAY = DAY_SECONDS;

const definition = {
  StartAt: 'Hold',
  States: {
    Hold: holdForToken(10 * DAY, 'Evaluate', 'Evaluate'),
    Evaluate: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${Mark}', Payload: { 'dossierId.$': '$.dossierId', step: 'evaluated' } },
      ResultPath: null,
      Next: 'Pause',
    },
    Pause: { Type: 'Wait', Seconds: DAY, Next: 'Done' },
    Done: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${Mark}', Payload: { 'dossierId.$': '$.dossierId', step: 'done' } },
      End: true,
    },
  },
};

/** A function that stores its effect after real time has passed (as a DynamoDB write would). */
const slowly = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = () => 2 + Math.floor(Math.random() * 25);

let workers: Worker[] = [];
beforeAll(() => {
  // load every core: the engine must not depend on an idle machine
  workers = Array.from(
    { length: Math.max(2, os.availableParallelism()) },
    () => new Worker('const end = Date.now() + 60_000; while (Date.now() < end) {}', { eval: true }),
  );
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

describe('the local engine knows when it is quiet', () => {
  it('returns from starts and clock moves only once every effect is stored, under load', async () => {
    const db = mockedTable(() => slowly(jitter()));
    const clock = new VirtualClock(db, 't');
    await clock.load(new Date('2027-03-26T22:30:00Z'));
    const tokens = new Map<string, string>();
    const effects: string[] = [];
    const invoke = async (key: string, payload: unknown) => {
      const p = payload as { dossierId: string; taskToken?: string; step?: string };
      await slowly(jitter());
      if (key === 'Register') tokens.set(p.dossierId, p.taskToken!);
      else effects.push(`${p.dossierId}:${p.step}`);
      return {};
    };
    const engine = new LocalWorkflowEngine(definition, invoke, clock, db, 't');
    try {
      const ids = Array.from({ length: 12 }, (_, i) => `d-${i}`);
      for (const id of ids) {
        await engine.start(id);
        // the callback task's function has stored its token before start() returns
        expect(tokens.has(id), id).toBe(true);
      }
      // half are answered, half time out at day 10; all then pause a day
      for (const id of ids.slice(0, 6)) expect(await engine.sendTaskSuccess(tokens.get(id)!, {})).toBe(true);
      expect(effects.filter((e) => e.endsWith(':evaluated')).sort()).toEqual(
        ids
          .slice(0, 6)
          .map((id) => `${id}:evaluated`)
          .sort(),
      );

      await engine.advanceTo(new Date(clock.now().getTime() + 12 * DAY * 1000));
      expect(effects.filter((e) => e.endsWith(':done')).sort()).toEqual(ids.map((id) => `${id}:done`).sort());
      expect(engine.describe().executions.every((e) => e.status === 'SUCCEEDED')).toBe(true);
    } finally {
      engine.stop();
    }
  }, 60_000);
});
