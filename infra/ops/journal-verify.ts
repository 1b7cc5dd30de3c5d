import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { scanTable } from './scan-table';
import { DynamoDossierRepository } from '../../functions/adapters/dynamo/dossier-repository';
import { createDocumentClient, type DocumentClient } from '../../functions/adapters/dynamo/client';
import { verifyChain, type JournalHead } from '../../functions/domain/journal';

export interface JournalReport {
  dossiers: number;
  events: number;
  broken: { dossierId: string; seq: number; reason: string }[];
}

/**
 * Recomputes the journal chain of every dossier of a table (an operator's check, so a Scan of
 * the dossiers' heads is fine here; no request path does this) and lists the first broken link
 * of each broken journal: an event edited, removed or inserted, or a head that does not match.
 */
export const verifyAllJournals = async (db: DocumentClient, table: string): Promise<JournalReport> => {
  const report: JournalReport = { dossiers: 0, events: 0, broken: [] };
  const heads = scanTable(db, {
    TableName: table,
    FilterExpression: 'begins_with(pk, :d) AND sk = :meta',
    ExpressionAttributeValues: { ':d': 'DOSSIER#', ':meta': 'META' },
    ProjectionExpression: 'pk, journalHead',
  });
  for await (const item of heads) {
    const pk = String(item.pk);
    const dossierId = pk.slice('DOSSIER#'.length);
    const head = item.journalHead as JournalHead;
    const events = await new DynamoDossierRepository(db, table).journal(dossierId);
    report.dossiers++;
    report.events += events.length;
    const at = verifyChain(events);
    const last = events.at(-1);
    if (at !== -1) report.broken.push({ dossierId, seq: events[at]!.seq, reason: 'event does not match the chain' });
    else if (!last || last.seq !== head.seq || last.hash !== head.hash)
      report.broken.push({ dossierId, seq: head.seq, reason: 'the head does not match the last event' });
  }
  return report;
};

/** `npm run journal:verify`: TABLE_NAME (and DYNAMODB_ENDPOINT for a local stack, default port 8000). */
const main = async () => {
  const endpoint =
    process.env.DYNAMODB_ENDPOINT ??
    (process.env.TABLE_NAME ? undefined : `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`);
  let table = process.env.TABLE_NAME;
  if (!table) {
    const { readResources, localName } = await import('../local/template-resources');
    const { tables } = readResources();
    table = localName((tables.find((t) => t.globalSecondaryIndexes.length > 0) ?? tables[0]!).logicalId);
  }
  const client = new DynamoDBClient(
    endpoint ? { endpoint, region: 'eu-west-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {},
  );
  const report = await verifyAllJournals(createDocumentClient(client), table);
  console.log(`${report.dossiers} dossiers, ${report.events} events verified in ${table}`);
  for (const b of report.broken) console.log(`BROKEN dossier ${b.dossierId} at event ${b.seq}: ${b.reason}`);
  if (report.broken.length) process.exitCode = 1;
  else console.log('every journal is intact');
};

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
