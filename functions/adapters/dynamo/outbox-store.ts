import { expiresAt } from '../../domain/retention-dates';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentJob } from '../../domain/document-job';
import type { OutboxMessage } from '../../domain/outbox';
import type { DocumentClient } from './client';
import {
  DOCUMENTS_LAYOUT,
  JOURNAL_REQUESTS_LAYOUT,
  journalRequestPut,
  OUTBOX_LAYOUT,
  STAMPS_LAYOUT,
  WEBHOOK_EVENTS_LAYOUT,
  type QueueLayout,
} from './outbox-items';
import type { JournalRequest } from '../../domain/journal-requests';
import { CLAIM_LEASE_MS, type JournalRequestStore, type WorkQueue } from '../../domain/ports';
import type { StampJob } from '../../domain/trusted-timestamps';
import { isConditionFailure } from './errors';
import type { WebhookEventBatch } from '../../domain/webhooks';

/** The instant before which a claim is stale (its worker died). */
const staleBefore = (at: string) => new Date(new Date(at).getTime() - CLAIM_LEASE_MS).toISOString();

/**
 * Work written inside a dossier's transaction (its Put comes from `workItemPut`) and done once: an
 * item is claimed before the work, released on failure for the next round, and leaves the
 * pending index once done.
 */
export class DynamoWorkQueue<T extends { id: string }> implements WorkQueue<T> {
  constructor(
    protected readonly db: DocumentClient,
    protected readonly table: string,
    private readonly layout: QueueLayout,
  ) {}

  async pending(limit: number, at?: string): Promise<T[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': this.layout.pendingPartition },
        Limit: limit,
      }),
    );
    const stale = at ? staleBefore(at) : undefined;
    return (Items ?? [])
      .filter((i) => i.status === 'pending' || (stale && i.status === 'sending' && String(i.claimedAt) < stale))
      .map((i) => i[this.layout.field] as T);
  }

  async claim(id: string, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.layout.key(id),
          UpdateExpression: 'SET #s = :sending, claimedAt = :at ADD attempts :one',
          // waiting, or claimed by a worker that died (its claim older than the lease)
          ConditionExpression: '#s = :pending OR (#s = :sending AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':pending': 'pending',
            ':at': at,
            ':stale': staleBefore(at),
            ':one': 1,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async markDone(id: string, at: string): Promise<void> {
    const { retention } = this.layout;
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.layout.key(id),
        UpdateExpression: `SET #s = :sent, sentAt = :at${retention ? ', #ttl = :ttl' : ''} REMOVE gsi1pk, gsi1sk`,
        ExpressionAttributeNames: { '#s': 'status', ...(retention ? { '#ttl': 'ttl' } : {}) },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':at': at,
          ...(retention ? { ':ttl': expiresAt(retention, at) } : {}),
        },
      }),
    );
  }

  async release(id: string, error: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.layout.key(id),
        UpdateExpression: 'SET #s = :pending, lastError = :e',
        ConditionExpression: '#s = :sending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending', ':e': error.slice(0, 500) },
      }),
    );
  }
}

/** The work queue of one kind of work, its layout bound: a store is declared in one line. */
const queueOf = <T extends { id: string }>(layout: QueueLayout) =>
  class extends DynamoWorkQueue<T> {
    constructor(db: DocumentClient, table: string) {
      super(db, table, layout);
    }
  };

export class DynamoOutboxStore extends queueOf<OutboxMessage>(OUTBOX_LAYOUT) {}
export class DynamoDocumentJobStore extends queueOf<DocumentJob>(DOCUMENTS_LAYOUT) {}
export class DynamoStampJobStore extends queueOf<StampJob>(STAMPS_LAYOUT) {}
export class DynamoWebhookEventStore extends queueOf<WebhookEventBatch>(WEBHOOK_EVENTS_LAYOUT) {}

export class DynamoJournalRequestStore
  extends queueOf<JournalRequest>(JOURNAL_REQUESTS_LAYOUT)
  implements JournalRequestStore
{
  async add(request: JournalRequest): Promise<void> {
    try {
      await this.db.send(new PutCommand(journalRequestPut(this.table, request).Put));
    } catch (error) {
      // the same request twice (a retried write) is one request
      if (!isConditionFailure(error)) throw error;
    }
  }
}
