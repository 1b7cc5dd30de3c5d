import { awaitsSecurityReview, securityReviewItem, type SecurityReviewItem } from '../../domain/upload';
import type { PublicCandidature } from '../../domain/public-candidature';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { EventTimestamp } from '../../domain/trusted-timestamps';
import type { Dossier } from '../../domain/dossier';
import { ConflictError, PreconditionFailedError } from '../../domain/errors';
import type { JournalEvent } from '../../domain/journal';
import type { Message } from '../../domain/message';
import {
  assertFitsOneTransaction,
  type DossierChange,
  type DossierRepository,
  type Page,
  type QueueItem,
  type StoredDossier,
  type PendingScan,
} from '../../domain/ports';
import { queueEntry } from '../../domain/queue';
import { retentionWakeAt } from '../../domain/retention-dates';
import type { PurgedDossier } from '../../domain/dossier-rules/retention';
import type { StaffNote } from '../../domain/staff-notes';
import type { QueueStage } from '../../domain/schemas';
import type { Upload } from '../../domain/upload';
import { DOSSIER_AND_UPLOADS, keys, queryPartition, type DocumentClient } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { failedConditions, isConditionFailure } from './errors';
import { documentJobPut, journalRequestSettle, outboxPut, stampJobPut, webhookEventsPut } from './outbox-items';
import { certificatePut } from './certificate-repository';

interface DossierItem {
  dossier: Dossier;
  version: number;
  journalHead: StoredDossier['journalHead'];
}

const toStored = (item: DossierItem): StoredDossier => ({
  dossier: item.dossier,
  version: item.version,
  journalHead: item.journalHead,
});

export class DynamoDossierRepository implements DossierRepository {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async get(id: string): Promise<StoredDossier | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.dossier(id), ConsistentRead: true }),
    );
    // a purged dossier's tombstone is no dossier any more: it is gone for every reader
    return Item?.dossier ? toStored(Item as DossierItem) : null;
  }

  async getWithUploads(id: string): Promise<{ stored: StoredDossier; uploads: Upload[] } | null> {
    // one query reads the dossier and its uploads
    const items: Record<string, unknown>[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.dossier(id).pk,
            ':from': DOSSIER_AND_UPLOADS.from,
            ':to': DOSSIER_AND_UPLOADS.to,
          },
          ConsistentRead: true,
          ExclusiveStartKey: cursor,
        }),
      );
      items.push(...(page.Items ?? []));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    const meta = items.find((i) => i.sk === 'META') as DossierItem | undefined;
    if (!meta?.dossier) return null;
    const uploads = items.filter((i) => String(i.sk).startsWith('UPLOAD#')).map((i) => i.upload as Upload);
    uploads.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { stored: toStored(meta), uploads };
  }

  async getUpload(dossierId: string, uploadId: string): Promise<Upload | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.upload(dossierId, uploadId), ConsistentRead: true }),
    );
    return (Item?.upload as Upload | undefined) ?? null;
  }

  async createUpload(upload: Upload): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.upload(upload.dossierId, upload.id), type: 'upload', upload },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async create(change: DossierChange): Promise<StoredDossier> {
    const failed = await this.write(change, 1, { ConditionExpression: 'attribute_not_exists(pk)' });
    if (failed) throw this.conflictFor(failed, 'this dossier already exists');
    return { dossier: change.dossier, version: 1, journalHead: change.head };
  }

  async update(expectedVersion: number, change: DossierChange): Promise<StoredDossier> {
    const failed = await this.write(change, expectedVersion + 1, {
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    });
    if (failed?.includes('dossier') || (failed && failed.length === 0))
      throw new PreconditionFailedError('the dossier was modified since you read it');
    if (failed) throw this.conflictFor(failed, 'the change conflicts with another record');
    return { dossier: change.dossier, version: expectedVersion + 1, journalHead: change.head };
  }

  async addTimestamp(dossierId: string, seq: number, timestamp: EventTimestamp): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.dossierEvent(dossierId, seq),
          UpdateExpression: 'SET #t = :t',
          // the event exists (never create one) and has no token yet (a replay changes nothing)
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#t)',
          ExpressionAttributeNames: { '#t': 'timestamp' },
          ExpressionAttributeValues: { ':t': timestamp },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async eventsByActor(sub: string, limit: number): Promise<JournalEvent[]> {
    const events: JournalEvent[] = [];
    for await (const item of queryPartition(this.db, this.table, { index: 'gsi2', value: `${ACTOR_PREFIX}${sub}` })) {
      events.push(item.event as JournalEvent);
      if (events.length >= limit) break;
    }
    return events;
  }

  async journal(id: string): Promise<JournalEvent[]> {
    const events: JournalEvent[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.dossier(id).pk, ':prefix': 'EVENT#' },
          ExclusiveStartKey: cursor,
          ConsistentRead: true,
        }),
      );
      events.push(
        ...(page.Items ?? []).map((i) => ({
          ...(i.event as JournalEvent),
          ...(i.timestamp ? { timestamp: i.timestamp } : {}),
        })),
      );
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return events;
  }

  async listByCompany(companyId: string, limit: number, cursor?: string): Promise<Page<Dossier>> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `COMPANY#${companyId}`, ':prefix': 'DOSSIER#' },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: await decodeCursor(cursor, `COMPANY#${companyId}`),
      }),
    );
    return {
      items: (page.Items ?? []).map((i) => i.dossier as Dossier),
      nextCursor: await encodeCursor(page.LastEvaluatedKey, `COMPANY#${companyId}`),
    };
  }

  async pendingScans(before: string, limit: number): Promise<PendingScan[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': SCANS_PENDING, ':before': before },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((i) => i.check as PendingScan);
  }

  async securityReviews(limit: number, cursor?: string): Promise<Page<SecurityReviewItem>> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': SECURITY_REVIEWS },
        Limit: limit,
        ExclusiveStartKey: await decodeCursor(cursor, SECURITY_REVIEWS),
      }),
    );
    return {
      items: (page.Items ?? []).map((i) => securityReviewItem(i.upload as Upload)),
      nextCursor: await encodeCursor(page.LastEvaluatedKey, SECURITY_REVIEWS),
    };
  }

  async listPublicCandidatures(limit: number, cursor?: string): Promise<Page<PublicCandidature>> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': PUBLIC_CANDIDATURES },
        Limit: limit,
        ExclusiveStartKey: await decodeCursor(cursor, PUBLIC_CANDIDATURES),
      }),
    );
    return {
      items: (page.Items ?? []).map((i) => i.candidature as PublicCandidature),
      nextCursor: await encodeCursor(page.LastEvaluatedKey, PUBLIC_CANDIDATURES),
    };
  }

  async queue(stage: QueueStage, limit: number, cursor?: string): Promise<Page<QueueItem>> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `QUEUE#${stage}` },
        ScanIndexForward: true,
        Limit: limit,
        ExclusiveStartKey: await decodeCursor(cursor, `QUEUE#${stage}`),
      }),
    );
    return {
      items: (page.Items ?? []).map((i) => {
        const d = i.dossier as Dossier;
        return {
          dossierId: d.id,
          ...(d.reference ? { reference: d.reference } : {}),
          ...(d.assignee ? { assignee: d.assignee } : {}),
          companyId: d.companyId,
          product: d.product,
          since: queueEntry(d)?.since ?? String(i.gsi2sk).split('#')[0]!,
          status: d.status,
          deadlines: d.deadlines,
        };
      }),
      nextCursor: await encodeCursor(page.LastEvaluatedKey, `QUEUE#${stage}`),
    };
  }

  async messages(id: string, limit: number, cursor?: string): Promise<Page<Message>> {
    return this.pagedItems(id, { prefix: 'MESSAGE#', field: 'message', cursorScope: `MESSAGES#${id}` }, limit, cursor);
  }

  /** One page of a dossier's items under a sort-key prefix (messages, notes), in key order. */
  private async pagedItems<T>(
    id: string,
    of: { prefix: string; field: string; cursorScope: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<T>> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.dossier(id).pk, ':prefix': of.prefix },
        Limit: limit,
        ExclusiveStartKey: await decodeCursor(cursor, of.cursorScope),
      }),
    );
    return {
      items: (page.Items ?? []).map((i) => i[of.field] as T),
      nextCursor: await encodeCursor(page.LastEvaluatedKey, of.cursorScope),
    };
  }

  async allocateReference(year: number): Promise<number> {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `COUNTER#dossier#${year}`, sk: 'COUNTER' },
        UpdateExpression: 'ADD #v :one',
        ExpressionAttributeNames: { '#v': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.value);
  }

  async addNote(note: StaffNote): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: keys.dossier(note.dossierId).pk, sk: `NOTE#${note.at}#${note.id}`, type: 'staff-note', note },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async notes(id: string, limit: number, cursor?: string): Promise<Page<StaffNote>> {
    return this.pagedItems(id, { prefix: 'NOTE#', field: 'note', cursorScope: `NOTES#${id}` }, limit, cursor);
  }

  async retentionDue(at: string, limit: number): Promise<{ dossierId: string; wakeAt: string }[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi2',
        // `~` sorts after every digit and `#`: every entry of the instant `at` itself is included
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :until',
        ExpressionAttributeValues: { ':pk': RETENTION_INDEX, ':until': `${at}#~` },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((i) => {
      const [wakeAt, dossierId] = String(i.gsi2sk).split('#');
      return { dossierId: dossierId!, wakeAt: wakeAt! };
    });
  }

  async nextRetentionWake(): Promise<string | null> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': RETENTION_INDEX },
        Limit: 1,
      }),
    );
    const first = page.Items?.[0];
    return first ? String(first.gsi2sk).split('#')[0]! : null;
  }

  async purge(tombstone: PurgedDossier, events: JournalEvent[]): Promise<void> {
    const { pk } = keys.dossier(tombstone.id);
    // the journal first, event by event (a retried purge rewrites the same erased form), out of
    // the actor index; then the uploads, messages and staff notes; the record last, so that a purge cut short
    // stays in the retention index and is taken up again
    for (const event of events)
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.dossierEvent(tombstone.id, event.seq), type: 'event', event },
        }),
      );
    for await (const item of queryPartition(this.db, this.table, { value: pk })) {
      const sk = String(item.sk);
      if (sk.startsWith('UPLOAD#') || sk.startsWith('MESSAGE#') || sk.startsWith('NOTE#'))
        await this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk, sk } }));
    }
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.dossier(tombstone.id), ConsistentRead: true }),
    );
    if (!Item) return;
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...keys.dossier(tombstone.id),
          type: 'dossier-purged',
          purged: tombstone,
          version: Number(Item.version) + 1,
          journalHead: Item.journalHead,
        },
        // never over a change made since the dossier was read (a retried purge finds its tombstone)
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': Item.version },
      }),
    );
  }

  /** The conflict a failed transaction means, from the kinds of the items whose condition failed. */
  private conflictFor(failed: TransactionItemKind[], fallback: string) {
    if (failed.includes('product-key'))
      return new ConflictError('your company already has an open candidature for this product');
    return new ConflictError(fallback);
  }

  /** Writes the change in one transaction; null, or the kinds of the items whose condition failed. */
  private async write(
    change: DossierChange,
    version: number,
    condition: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
  ): Promise<TransactionItemKind[] | null> {
    assertFitsOneTransaction(change); // a clear error before DynamoDB's ValidationException
    const { dossier } = change;
    const queue = queueEntry(dossier);
    const retention = queue ? null : retentionWakeAt(dossier);
    const item = {
      ...keys.dossier(dossier.id),
      type: 'dossier',
      gsi1pk: `COMPANY#${dossier.companyId}`,
      gsi1sk: `DOSSIER#${dossier.createdAt}#${dossier.id}`,
      ...(queue ? { gsi2pk: `QUEUE#${queue.stage}`, gsi2sk: `${queue.orderBy}#${dossier.id}` } : {}),
      // a closed dossier waits in the sparse retention index for its notice, then its erasure
      ...(retention ? { gsi2pk: RETENTION_INDEX, gsi2sk: `${retention}#${dossier.id}` } : {}),
      dossier,
      version,
      journalHead: change.head,
    };
    const { acquire, release } = change.productKey ?? {};
    // every item is named, so that a failed condition says which record conflicted
    const named: { kind: TransactionItemKind; item: object }[] = [];
    const add = (kind: TransactionItemKind, items: object[]) => named.push(...items.map((i) => ({ kind, item: i })));
    add('dossier', [
      { Put: { TableName: this.table, Item: item, ...condition } },
      // the head again, where the daily anchor reads every journal's by Query (no Scan of the table)
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.journalHead(dossier.id), type: 'journal-head', dossierId: dossier.id, head: change.head },
        },
      },
    ]);
    add(
      'event',
      change.events.map((event) => ({
        Put: {
          TableName: this.table,
          Item: { ...keys.dossierEvent(dossier.id, event.seq), type: 'event', event, ...actorIndex(event) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
    );
    add(
      'outbox',
      (change.outbox ?? []).map((m) => outboxPut(this.table, m)),
    );
    add(
      'document',
      (change.documents ?? []).map((job) => documentJobPut(this.table, job)),
    );
    add(
      'stamp',
      (change.stamps ?? []).map((job) => stampJobPut(this.table, job)),
    );
    add('webhook-events', change.webhookEvents ? [webhookEventsPut(this.table, change.webhookEvents)] : []);
    add(
      'upload',
      (change.uploads ?? []).map((upload) => ({
        Put: {
          TableName: this.table,
          Item: { ...keys.upload(dossier.id, upload.id), type: 'upload', upload, ...securityReviewIndex(upload) },
        },
      })),
    );
    add(
      'message',
      (change.messages ?? []).map((message) => ({
        Put: {
          TableName: this.table,
          Item: { ...keys.message(dossier.id, message.at, message.id), type: 'message', message },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
    );
    add(
      'certificate',
      (change.certificates ?? []).map((c) => certificatePut(this.table, c)),
    );
    add(
      'scan-check',
      (change.scanChecks?.open ?? []).map((check) => ({
        Put: {
          TableName: this.table,
          Item: {
            ...keys.scanCheck(check.uploadId),
            type: 'scan-check',
            gsi1pk: SCANS_PENDING,
            gsi1sk: `${check.since}#${check.uploadId}`,
            check,
          },
        },
      })),
    );
    add(
      'scan-check',
      (change.scanChecks?.close ?? []).map((uploadId) => ({
        Delete: { TableName: this.table, Key: keys.scanCheck(uploadId) },
      })),
    );
    if (change.settlesRequest)
      add('journal-request', [journalRequestSettle(this.table, change.settlesRequest, change.events.at(-1)?.at ?? '')]);
    const listing = change.publicListing;
    if (listing)
      add('public-listing', [
        'put' in listing
          ? {
              Put: {
                TableName: this.table,
                Item: {
                  ...keys.publicCandidature(dossier.id),
                  type: 'public-candidature',
                  gsi1pk: PUBLIC_CANDIDATURES,
                  gsi1sk: `${listing.put.plannedCompleteProofDate}#${dossier.id}`,
                  candidature: listing.put,
                },
              },
            }
          : { Delete: { TableName: this.table, Key: keys.publicCandidature(dossier.id) } },
      ]);
    if (acquire && acquire !== release)
      add('product-key', [
        {
          Put: {
            TableName: this.table,
            Item: { ...keys.productKey(acquire), type: 'product-key', dossierId: dossier.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
    if (release && acquire !== release)
      add('product-key-release', [
        {
          Delete: {
            TableName: this.table,
            Key: keys.productKey(release),
            ConditionExpression: 'dossierId = :self',
            ExpressionAttributeValues: { ':self': dossier.id },
          },
        },
      ]);
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: named.map((n) => n.item) as never }));
      return null;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // the kinds of the items whose condition failed (empty when the cause is not itemised)
      return (failedConditions(error) ?? []).flatMap((failed, i) => (failed ? [named[i]!.kind] : []));
    }
  }
}

/** What each item of a dossier's transaction is: adding a kind touches this list and `write` only. */
type TransactionItemKind =
  | 'dossier'
  | 'event'
  | 'outbox'
  | 'document'
  | 'stamp'
  | 'webhook-events'
  | 'upload'
  | 'message'
  | 'certificate'
  | 'product-key'
  | 'product-key-release'
  | 'public-listing'
  | 'scan-check'
  | 'journal-request';

/** The gsi1 partition of received files awaiting their malware scan result (sparse). */
const SCANS_PENDING = 'SCANCHECK#PENDING';

/** The gsi1 partition of penetration-test proofs awaiting a security verdict (sparse), oldest first. */
const SECURITY_REVIEWS = 'SECURITY_REVIEW#PENDING';
const securityReviewIndex = (upload: Upload) =>
  awaitsSecurityReview(upload)
    ? { gsi1pk: SECURITY_REVIEWS, gsi1sk: `${upload.receivedAt ?? upload.createdAt}#${upload.dossierId}#${upload.id}` }
    : {};

/** The gsi1 partition of the public list of candidatures under way, ordered by planned date. */
const PUBLIC_CANDIDATURES = 'PUBLIC_CANDIDATURES';

const ACTOR_PREFIX = 'ACTOR#';
/** The gsi2 partition of closed dossiers, by the next instant their retention has something due. */
const RETENTION_INDEX = 'RETENTION';

/** A person's acts, in the sparse gsi2 by who acted (never the timers'): a person's own data is one Query. */
const actorIndex = (event: JournalEvent) =>
  event.actor.sub === 'system'
    ? {}
    : {
        gsi2pk: `${ACTOR_PREFIX}${event.actor.sub}`,
        gsi2sk: `${event.at}#${event.dossierId}#${String(event.seq).padStart(8, '0')}`,
      };
