import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamo/client';
import { VirtualClock } from './virtual-clock';
import { LocalWorkflowEngine } from './workflow-engine';

const DAY = 86_400;
const ddb = mockClient(DynamoDBDocumentClient);

const definition = {
  StartAt: 'Hold',
  States: {
    Hold: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: '${Register}',
        Payload: { 'dossierId.$': '$.dossierId', 'taskToken.$': '$$.Task.Token' },
      },
      TimeoutSeconds: 60 * DAY,
      ResultPath: null,
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: 'Expired' }],
      Next: 'Pause',
    },
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
  ddb.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(PutCommand).resolves({});
  ddb.on(DeleteCommand).resolves({});
  ddb.on(QueryCommand).resolves({ Items: [] });
  const db = createDocumentClient(new DynamoDBClient({ region: 'eu-west-3' }));
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
    await expect(engine.sendTaskSuccess(tokens[0]!, {})).resolves.toBeUndefined();
  });

  it('never moves the clock backwards', async () => {
    const later = days(10);
    await engine.advanceTo(later);
    await engine.advanceTo(new Date(later.getTime() - 5 * DAY * 1000));
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(later.getTime());
  });
});
