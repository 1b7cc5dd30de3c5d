import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { api } from '../../test/support/api-client';
import * as journey from '../../test/support/journeys';
import { startTestStack } from '../../test/support/local-stack';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/services';
import { restoreDrill } from './restore-drill';

/**
 * `npm run drill:restore`: starts a throw-away local stack, files two dossiers through the
 * procedure, then runs the export → restore → verify drill and prints its report.
 */
const stack = await startTestStack({}, await mkdtemp(path.join(os.tmpdir(), 'tlc-drill-stack-')));
try {
  const http = api(stack.url);
  await journey.readyForCollege(http, 9101);
  await journey.admissibleDossier(http, 9102, 'practice');
  const client = new DynamoDBClient({
    endpoint: stack.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const report = await restoreDrill(client, stack.tableName, `${stack.tableName}-restored`);
  console.log(JSON.stringify(report, null, 2));
  const ok =
    report.restored === report.exported &&
    report.restoredJournals.broken.length === 0 &&
    Object.values(report.indexes).every((c) => c.source === c.restored);
  console.log(ok ? 'drill passed: every item restored, every journal intact' : 'DRILL FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await stack.dispose();
  await rm(stack.dataDir, { recursive: true, force: true });
}
