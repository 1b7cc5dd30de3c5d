import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock';
import { LocalWorkflowEngine } from './workflow-engine';
import { DAY_SECONDS, holdForToken, mockedTable } from './engine/test-states';

const DAY = DAY_SECONDS;

const definition = {
  StartAt: 'Hold',
  States: {
    Hold: holdForToken(60 * DAY, 'Expired', 'Pause'),
    Pause: { Type: 'Wait', Seconds: 60 * DAY, Next: 'Expired' },
    Expired: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${Mark}', Payload: { 'dossierId.$': '$.dossierId' } },
      End: true,
    },
  },
};

let engine: LocalWorkflowEngine;
let clock: VirtualClock;
let tokens: string[];
let marks: Date[];

beforeEach(async () => {
  const db = mockedTable();
  clock = new VirtualClock(db, 't');
  await clock.load();
  tokens = [];
  marks = [];
  const invoke = async (key: string, payload: unknown) => {
    if (key === 'Register') tokens.push((payload as { taskToken: string }).taskToken);
    if (key === 'Mark') marks.push(clock.now());
    return {};
  };
  engine = new LocalWorkflowEngine(definition, invoke, clock, db, 't');
});
afterEach(() => engine.stop());

const days = (n: number) => new Date(clock.now().getTime() + n * DAY * 1000);

describe('local workflow engine', () => {
  it('hands out a task token and resumes on SendTaskSuccess', async () => {
    await engine.start('d-1');
    expect(tokens).toHaveLength(1);
    await engine.sendTaskSuccess(tokens[0]!, { ok: true });
    // now in the 60-day Wait: nothing marked yet
    expect(marks).toHaveLength(0);
    expect(engine.describe().waiting).toHaveLength(1);
  });

  it('does not fire a 60-day callback timeout on day 59, and fires it at its instant on day 60', async () => {
    await engine.start('d-2');
    const due = days(60).getTime();
    await engine.advanceTo(days(59));
    expect(marks).toHaveLength(0);
    await engine.advanceTo(days(2));
    expect(marks).toHaveLength(1);
    expect(Math.abs(marks[0]!.getTime() - due)).toBeLessThan(1_000);
  });

  it('does not fire a 60-day Wait on day 59', async () => {
    await engine.start('d-3');
    await engine.sendTaskSuccess(tokens[0]!, {});
    await engine.advanceTo(days(59));
    expect(marks).toHaveLength(0);
    await engine.advanceTo(days(1.01));
    expect(marks).toHaveLength(1);
  });

  it('ignores a token that was already used or timed out', async () => {
    await engine.start('d-4');
    await engine.sendTaskSuccess(tokens[0]!, {});
    await expect(engine.sendTaskSuccess(tokens[0]!, {})).resolves.toBe(false);
  });

  it('never moves the clock backwards', async () => {
    const later = days(10);
    await engine.advanceTo(later);
    await engine.advanceTo(new Date(later.getTime() - 5 * DAY * 1000));
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(later.getTime());
  });

  it('keeps one pending wait per live execution, however many signals arrive', async () => {
    await engine.start('d-5');
    await engine.sendTaskSuccess(tokens[0]!, {});
    await Promise.all([engine.sendTaskSuccess(tokens[0]!, {}), engine.fireDue(clock.now().getTime())]);
    const { executions, waiting } = engine.describe();
    expect(waiting.length).toBeLessThanOrEqual(executions.filter((e) => e.status === 'RUNNING').length);
    expect(executions).toEqual([
      expect.objectContaining({ dossierId: 'd-5', name: 'dossier-d-5-g1', status: 'RUNNING' }),
    ]);
  });
});

describe('AWS limits in the local engine', () => {
  const run = async (definition: object, invoke: (key: string, payload: unknown) => Promise<unknown>) => {
    const limited = new LocalWorkflowEngine(definition as never, invoke, clock, mockedTable(), 't');
    return limited;
  };

  it('times an execution out after one year of virtual time, and refuses its token afterwards', async () => {
    const waitForEver = {
      StartAt: 'Hold',
      States: {
        Hold: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: '${Register}', Payload: { 'taskToken.$': '$$.Task.Token' } },
          End: true,
        },
      },
    };
    const held: string[] = [];
    const limited = await run(waitForEver, async (_k, p) => held.push((p as { taskToken: string }).taskToken));
    try {
      await limited.start('d-year');
      await limited.advanceTo(days(364));
      expect(limited.describe().executions[0]!.status).toBe('RUNNING');
      await limited.advanceTo(days(2));
      const [execution] = limited.describe().executions;
      expect(execution!.status).toBe('TIMED_OUT');
      expect(limited.describe().waiting).toHaveLength(0);
      await expect(limited.sendTaskSuccess(held[0]!, {})).resolves.toBe(false);
    } finally {
      limited.stop();
    }
  });

  it('fails an execution past 25,000 history events', async () => {
    const loop = {
      StartAt: 'Count',
      States: {
        Count: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: '${Count}', Payload: {} },
          ResultPath: null,
          Next: 'Again',
        },
        Again: {
          Type: 'Choice',
          Choices: [{ Variable: '$.dossierId', IsPresent: true, Next: 'Count' }],
          Default: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    };
    let calls = 0;
    const limited = await run(loop, async () => ++calls);
    try {
      await limited.start('d-long');
      const [execution] = limited.describe().executions;
      expect(execution).toMatchObject({ status: 'FAILED', error: expect.stringContaining('HistoryLimitExceeded') });
      expect(execution!.historyEvents).toBeGreaterThan(25_000);
      expect(calls).toBeLessThan(25_000 / 5);
    } finally {
      limited.stop();
    }
  });

  it('fails an execution whose task returns more than 256 KB', async () => {
    const big = {
      StartAt: 'Big',
      States: {
        Big: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: '${Big}', Payload: {} },
          End: true,
        },
      },
    };
    const limited = await run(big, async () => ({ text: 'x'.repeat(256 * 1024) }));
    try {
      await limited.start('d-big');
      expect(limited.describe().executions[0]).toMatchObject({
        status: 'FAILED',
        error: expect.stringContaining('DataLimitExceeded'),
      });
    } finally {
      limited.stop();
    }
  });

  it('starts a successor under a new name, and never reuses a name', async () => {
    const handOver = {
      StartAt: 'Successor',
      States: {
        Successor: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Parameters: {
            StateMachineArn: '${Successor}',
            Name: 'ignored',
            Input: { 'dossierId.$': '$.dossierId', generation: 2 },
          },
          End: true,
        },
      },
    };
    const limited = await run(handOver, async () => ({}));
    try {
      await limited.start('d-next');
      const names = limited.describe().executions.map((e) => [e.name, e.status]);
      // g2 asks for g2 again: StartExecution of a running name answers for it
      expect(names).toEqual([
        ['dossier-d-next-g1', 'SUCCEEDED'],
        ['dossier-d-next-g2', 'SUCCEEDED'],
      ]);
      await expect(limited.start('d-next', 1)).resolves.toBe('ended');
    } finally {
      limited.stop();
    }
  });
});
