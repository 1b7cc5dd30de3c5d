import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

export const createDocumentClient = (client = new DynamoDBClient({})) =>
  DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });

export type DocumentClient = ReturnType<typeof createDocumentClient>;

/** Every item of one partition of the table (`index` unset) or of a secondary index, page by page. */
export async function* queryPartition(
  db: DocumentClient,
  table: string,
  partition: { index?: 'gsi1' | 'gsi2'; value: string },
): AsyncIterable<Record<string, unknown>> {
  const attribute = partition.index ? `${partition.index}pk` : 'pk';
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: table,
        ...(partition.index ? { IndexName: partition.index } : {}),
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': attribute },
        ExpressionAttributeValues: { ':pk': partition.value },
        ExclusiveStartKey: start,
      }),
    );
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** The heads' partition of a dossier: its id's first hex digit (ids are UUIDs), else 0. */
const headShard = (dossierId: string) => (/^[0-9a-f]/i.test(dossierId) ? dossierId[0]!.toLowerCase() : '0');
/** The 16 partitions the journal heads live in. */
export const HEAD_SHARDS = [...'0123456789abcdef'];

/** The partition-key prefix of journal requests, also the condition of the reads' IAM policy. */
export const JOURNAL_REQUEST_PREFIX = 'JOURNALREQ#';

/** The partition-key prefix of a person's requests for their own data (the export's only write). */
export const PERSONAL_DATA_LOG_PREFIX = 'PERSONLOG#';

/** The partition-key prefix of API clients' rate windows: every function a client may call writes them. */
export const API_CLIENT_RATE_PREFIX = 'RATE#';

/** The sort-key range of a dossier's partition that holds the dossier and its uploads (META sorts just before UPLOAD#…). */
export const DOSSIER_AND_UPLOADS = { from: 'META', to: 'UPLOAD$' } as const;

/** Key layout of the single table (see README, "Data model"). */
export const keys = {
  dossier: (id: string) => ({ pk: `DOSSIER#${id}`, sk: 'META' }),
  dossierEvent: (id: string, seq: number) => ({ pk: `DOSSIER#${id}`, sk: `EVENT#${String(seq).padStart(8, '0')}` }),
  dossierWorkflow: (id: string) => ({ pk: `DOSSIER#${id}`, sk: 'WORKFLOW' }),
  company: (id: string) => ({ pk: `COMPANY#${id}`, sk: 'META' }),
  companyRegistration: (key: string) => ({ pk: `COMPANYKEY#${key}`, sk: 'COMPANYKEY' }),
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  documentJob: (id: string) => ({ pk: `DOCUMENT#${id}`, sk: 'DOCUMENT' }),
  stampJob: (id: string) => ({ pk: `STAMP#${id}`, sk: 'STAMP' }),
  /** a read's journal request: the only partition a read's function may write (its IAM says `JOURNALREQ#*`) */
  journalRequest: (id: string) => ({ pk: `${JOURNAL_REQUEST_PREFIX}${id}`, sk: 'JOURNALREQ' }),
  issuedDocument: (sha256: string) => ({ pk: `ISSUED#${sha256}`, sk: 'ISSUED' }),
  journalAnchor: (day: string) => ({ pk: `ANCHOR#${day}`, sk: 'ANCHOR' }),
  latestAnchor: () => ({ pk: 'ANCHOR#LATEST', sk: 'ANCHOR' }),
  /** every dossier's journal head, in 16 partitions by the id's first hex digit: the daily anchor Queries them */
  journalHead: (dossierId: string) => ({ pk: `HEADS#${headShard(dossierId)}`, sk: `HEAD#${dossierId}` }),
  upload: (dossierId: string, uploadId: string) => ({ pk: `DOSSIER#${dossierId}`, sk: `UPLOAD#${uploadId}` }),
  message: (dossierId: string, at: string, id: string) => ({ pk: `DOSSIER#${dossierId}`, sk: `MESSAGE#${at}#${id}` }),
  productKey: (key: string) => ({ pk: `PRODUCT#${key}`, sk: 'PRODUCT' }),
  publicCandidature: (dossierId: string) => ({ pk: `PUBLIC_CANDIDATURE#${dossierId}`, sk: 'LISTING' }),
  scanCheck: (uploadId: string) => ({ pk: `SCANCHECK#${uploadId}`, sk: 'SCANCHECK' }),
  member: (sub: string) => ({ pk: `USER#${sub}`, sk: 'COMPANY' }),
  /** a person's requests for their own data: the only partition the export's function may write */
  personalDataLog: (sub: string, at: string, kind: string) => ({
    pk: `${PERSONAL_DATA_LOG_PREFIX}${sub}`,
    sk: `${kind.toUpperCase()}#${at}`,
  }),
  webhookEvents: (id: string) => ({ pk: `WEBHOOKEVENTS#${id}`, sk: 'WEBHOOKEVENTS' }),
  /** an API client by its id (what each of its requests reads) */
  apiClient: (clientId: string) => ({ pk: `APICLIENT#${clientId}`, sk: 'APICLIENT' }),
  /** the same client in its company's partition (the company's list) */
  companyApiClient: (companyId: string, clientId: string) => ({
    pk: `COMPANY#${companyId}`,
    sk: `APICLIENT#${clientId}`,
  }),
  apiClientRate: (clientId: string, window: string) => ({
    pk: `${API_CLIENT_RATE_PREFIX}${clientId}`,
    sk: `WINDOW#${window}`,
  }),
  webhook: (companyId: string, id: string) => ({ pk: `COMPANY#${companyId}`, sk: `WEBHOOK#${id}` }),
  /** a delivery in its endpoint's partition, by dossier then journal order (the order it must go in) */
  webhookDelivery: (webhookId: string, dossierId: string, order: string) => ({
    pk: `WEBHOOK#${webhookId}`,
    sk: `DELIVERY#${dossierId}#${order}`,
  }),
};

export const OUTBOX_PENDING = 'OUTBOX#PENDING';
export const DOCUMENTS_PENDING = 'DOCUMENT#PENDING';
export const STAMPS_PENDING = 'STAMP#PENDING';
export const JOURNAL_REQUESTS_PENDING = 'JOURNALREQ#PENDING';
export const WEBHOOK_EVENTS_PENDING = 'WEBHOOKEVENTS#PENDING';
export const WEBHOOK_DELIVERIES_DUE = 'WEBHOOKDELIVERY#DUE';
