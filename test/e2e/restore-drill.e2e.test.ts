import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expect, it } from 'vitest';
import { restoreDrill } from '../../infra/ops/restore-drill';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/services';
import * as journey from '../support/journeys';
import { api } from '../support/api-client';
import { useLocalStack, type TestStack } from '../support/local-stack';

let http: ReturnType<typeof api>;
let stack: TestStack;
useLocalStack((ctx) => ({ http, stack } = ctx));

/** The restore drill (README runbook, `npm run drill:restore`) on a table holding real journals. */
it('exports, restores into a new table and finds every journal intact and every index answering', async () => {
  await journey.readyForCollege(http, 1301);
  await journey.admissibleDossier(http, 1302, 'practice');
  const client = new DynamoDBClient({
    endpoint: stack.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const report = await restoreDrill(client, stack.tableName, `${stack.tableName}-restored`);
  expect(report.restored).toBe(report.exported);
  expect(report.exported).toBeGreaterThan(50);
  expect(report.source.dossiers).toBe(2);
  expect(report.restoredJournals).toEqual(report.source);
  expect(report.restoredJournals.broken).toEqual([]);
  for (const [name, counts] of Object.entries(report.indexes)) expect(counts.restored, name).toBe(counts.source);
}, 180_000);
