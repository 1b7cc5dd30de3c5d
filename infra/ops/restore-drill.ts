import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ScanCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../functions/adapters/dynamo/client';
import { verifyAllJournals, type JournalReport } from './journal-verify';

export interface DrillReport {
  exported: number;
  restored: number;
  source: JournalReport;
  restoredJournals: JournalReport;
  /** the secondary indexes answer on the restored table as on the source */
  indexes: Record<string, { source: number; restored: number }>;
}

/**
 * The point-in-time-restore drill, against DynamoDB Local: export the table to DynamoDB JSON lines
 * (the format of AWS's ExportTableToPointInTime), restore it into a new table with the same keys
 * and indexes, and verify that every dossier's journal chain still holds and the indexes answer the
 * same. In AWS the restore itself is `aws dynamodb restore-table-to-point-in-time` (README runbook);
 * the verification is the same `journal:verify`.
 */
export const restoreDrill = async (client: DynamoDBClient, source: string, target: string): Promise<DrillReport> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tlc-drill-'));
  const file = path.join(dir, 'export.jsonl');
  try {
    // 1. export
    let exported = 0;
    const out = createWriteStream(file);
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: source, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        out.write(`${JSON.stringify({ Item: item })}\n`);
        exported++;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );

    // 2. restore into a new table with the source's keys and indexes
    const { Table } = await client.send(new DescribeTableCommand({ TableName: source }));
    await client.send(
      new CreateTableCommand({
        TableName: target,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: Table!.KeySchema,
        AttributeDefinitions: Table!.AttributeDefinitions,
        GlobalSecondaryIndexes: Table!.GlobalSecondaryIndexes?.map((g) => ({
          IndexName: g.IndexName!,
          KeySchema: g.KeySchema!,
          Projection: g.Projection!,
        })),
      }),
    );
    let restored = 0;
    let batch: { PutRequest: { Item: Record<string, AttributeValue> } }[] = [];
    const flush = async () => {
      let requests = batch;
      batch = [];
      while (requests.length) {
        const { UnprocessedItems } = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [target]: requests } }),
        );
        requests = (UnprocessedItems?.[target] ?? []) as typeof requests;
      }
    };
    for await (const line of createInterface({ input: createReadStream(file) })) {
      if (!line) continue;
      batch.push({ PutRequest: { Item: (JSON.parse(line) as { Item: Record<string, AttributeValue> }).Item } });
      restored++;
      if (batch.length === 25) await flush();
    }
    await flush();

    // 3. verify
    const db = createDocumentClient(client);
    const indexes: DrillReport['indexes'] = {};
    for (const g of Table!.GlobalSecondaryIndexes ?? []) {
      const count = async (table: string) => {
        let n = 0;
        let from: Record<string, AttributeValue> | undefined;
        do {
          const page = await client.send(
            new ScanCommand({ TableName: table, IndexName: g.IndexName, Select: 'COUNT', ExclusiveStartKey: from }),
          );
          n += page.Count ?? 0;
          from = page.LastEvaluatedKey;
        } while (from);
        return n;
      };
      indexes[g.IndexName!] = { source: await count(source), restored: await count(target) };
    }
    return {
      exported,
      restored,
      source: await verifyAllJournals(db, source),
      restoredJournals: await verifyAllJournals(db, target),
      indexes,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
