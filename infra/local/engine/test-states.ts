import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../functions/adapters/dynamo/client';

/**
 * States the engine's tests build their small state machines from: a callback task that hands its
 * token to the `Register` function and waits for it (or its timeout).
 */
export const holdForToken = (timeoutSeconds: number, onTimeout: string, next: string) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: {
    FunctionName: '${Register}',
    Payload: { 'dossierId.$': '$.dossierId', 'taskToken.$': '$$.Task.Token' },
  },
  TimeoutSeconds: timeoutSeconds,
  ResultPath: null,
  Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: onTimeout }],
  Next: next,
});

export const DAY_SECONDS = 86_400;

/**
 * The table the engine keeps its registry and its clock in, mocked: every write answers after
 * `delay` (none by default), reads find nothing. The engine's tests run on it.
 */
export const mockedTable = (delay: () => Promise<unknown> = async () => undefined) => {
  const ddb = mockClient(DynamoDBDocumentClient);
  ddb.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(PutCommand).callsFake(async () => (await delay(), {}));
  ddb.on(DeleteCommand).callsFake(async () => (await delay(), {}));
  ddb.on(QueryCommand).resolves({ Items: [] });
  return createDocumentClient(new DynamoDBClient({ region: 'eu-west-3' }));
};
