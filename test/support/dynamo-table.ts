import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, type DocumentClient } from '../../functions/adapters/dynamo/client';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDb } from '../../infra/local/services';
import { localName, readResources } from '../../infra/local/template-resources';

/** DynamoDB Local alone, with the platform's table as the synthesised template declares it. */
export const startTable = async (): Promise<{ db: DocumentClient; table: string; stop: () => Promise<void> }> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tlc-table-'));
  const dynamo = await startDynamoDb(0, dir);
  const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const { tables } = readResources();
  const spec = tables.find((t) => t.globalSecondaryIndexes.length > 0) ?? tables[0]!;
  const table = localName(spec.logicalId);
  await raw.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: spec.keySchema,
      AttributeDefinitions: spec.attributeDefinitions,
      GlobalSecondaryIndexes: spec.globalSecondaryIndexes as never,
    }),
  );
  return {
    db: createDocumentClient(raw),
    table,
    stop: async () => {
      raw.destroy();
      await dynamo.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
};
