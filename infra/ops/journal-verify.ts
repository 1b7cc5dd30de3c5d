import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { scanTable } from './scan-table';
import { DynamoDossierRepository } from '../../functions/adapters/dynamo/dossier-repository';
import { createDocumentClient, type DocumentClient } from '../../functions/adapters/dynamo/client';
import { verifyChain, type JournalHead } from '../../functions/domain/journal';
import { isTimestamped } from '../../functions/domain/trusted-timestamps';
import { checkToken, publicTrust } from './token-check';

export interface JournalReport {
  dossiers: number;
  events: number;
  broken: { dossierId: string; seq: number; reason: string }[];
  /** timestamp tokens checked against the authority's certificates (when given) */
  tokens: { verified: number; awaited: { dossierId: string; seq: number }[] };
}

/**
 * Recomputes the journal chain of every dossier of a table (an operator's check, so a Scan of
 * the dossiers' heads is fine here; no request path does this) and lists the first broken link
 * of each broken journal: an event edited, removed or inserted, or a head that does not match.
 * With the timestamp authority's certificates, each event's token is checked too (openssl): a
 * chain rebuilt after an edit is consistent, but the tokens over the old hashes no longer match.
 */
export const verifyAllJournals = async (
  db: DocumentClient,
  table: string,
  tsaCertificates?: string[],
): Promise<JournalReport> => {
  const report: JournalReport = { dossiers: 0, events: 0, broken: [], tokens: { verified: 0, awaited: [] } };
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
    if (!tsaCertificates) continue;
    for (const event of events) {
      if (!event.timestamp) {
        if (isTimestamped(event.type)) report.tokens.awaited.push({ dossierId, seq: event.seq });
        continue;
      }
      const check = checkToken(event.timestamp.token, event.hash, tsaCertificates);
      if (check.ok) report.tokens.verified++;
      else
        report.broken.push({
          dossierId,
          seq: event.seq,
          reason: `the timestamp token does not vouch for this event (${check.detail})`,
        });
    }
  }
  return report;
};

/**
 * `npm run journal:verify`: TABLE_NAME (and DYNAMODB_ENDPOINT for a local stack, default port 8000);
 * API_URL, where the public trust material is read (default: the local stack, port 3000).
 */
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
  // the authority's certificates, as anyone gets them (API_URL: the platform's address)
  const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const { tsaCertificates } = await publicTrust(apiUrl);
  const report = await verifyAllJournals(createDocumentClient(client), table, tsaCertificates);
  console.log(`${report.dossiers} dossiers, ${report.events} events verified in ${table}`);
  console.log(
    `${report.tokens.verified} timestamp tokens verified (openssl, certificates of ${apiUrl}/v1/public/trust); ${report.tokens.awaited.length} awaited`,
  );
  for (const b of report.broken) console.log(`BROKEN dossier ${b.dossierId} at event ${b.seq}: ${b.reason}`);
  if (report.broken.length) process.exitCode = 1;
  else console.log('every journal is intact');
};

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
