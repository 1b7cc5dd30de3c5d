import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentJob } from '../../domain/document-job';
import type { OutboxMessage } from '../../domain/outbox';
import type { StampJob } from '../../domain/trusted-timestamps';
import type { JournalRequest } from '../../domain/journal-requests';
import type { WebhookEventBatch } from '../../domain/webhooks';
import {
  type DocumentClient,
  DOCUMENTS_PENDING,
  JOURNAL_REQUESTS_PENDING,
  keys,
  OUTBOX_PENDING,
  STAMPS_PENDING,
  WEBHOOK_EVENTS_PENDING,
} from './client';

/** Where a kind of work lives: its items' keys and type, the sparse index of pending ones, the field that holds the work. */
export interface QueueLayout {
  type: string;
  pendingPartition: string;
  key: (id: string) => { pk: string; sk: string };
  field: string;
  /** the retention of a done item (domain/retention.ts): its TTL is set when it is done */
  retention?: 'mail';
}

const layout = (
  type: string,
  pendingPartition: string,
  key: QueueLayout['key'],
  field: string,
  retention?: QueueLayout['retention'],
): QueueLayout => ({ type, pendingPartition, key, field, ...(retention ? { retention } : {}) });

/** Mail: a sent message expires 90 days after its sending (the « mail » category). */
export const OUTBOX_LAYOUT = layout('outbox', OUTBOX_PENDING, keys.outbox, 'message', 'mail');
export const DOCUMENTS_LAYOUT = layout('document-job', DOCUMENTS_PENDING, keys.documentJob, 'job');
export const STAMPS_LAYOUT = layout('stamp-job', STAMPS_PENDING, keys.stampJob, 'job');
export const WEBHOOK_EVENTS_LAYOUT = layout('webhook-events', WEBHOOK_EVENTS_PENDING, keys.webhookEvents, 'batch');
export const JOURNAL_REQUESTS_LAYOUT = layout(
  'journal-request',
  JOURNAL_REQUESTS_PENDING,
  keys.journalRequest,
  'request',
);

/**
 * The Put that adds work to its queue inside a transaction: pending, in the sparse index by its
 * creation; its id comes from its cause, so a replay of the same cause is a no-op.
 */
const workItemPut = (table: string, layout: QueueLayout, work: { id: string; createdAt: string }) => ({
  Put: {
    TableName: table,
    Item: {
      ...layout.key(work.id),
      type: layout.type,
      status: 'pending',
      attempts: 0,
      gsi1pk: layout.pendingPartition,
      gsi1sk: `${work.createdAt}#${work.id}`,
      [layout.field]: work,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** A mail to send. */
export const outboxPut = (table: string, message: OutboxMessage) => workItemPut(table, OUTBOX_LAYOUT, message);
/** A document to render and seal (the same document and instant twice is one job). */
export const documentJobPut = (table: string, job: DocumentJob) => workItemPut(table, DOCUMENTS_LAYOUT, job);
/** An event's trusted timestamp to obtain, in the event's own transaction. */
export const stampJobPut = (table: string, job: StampJob) => workItemPut(table, STAMPS_LAYOUT, job);
/** A change's webhook events, fanned out to the company's subscriptions once stored. */
export const webhookEventsPut = (table: string, batch: WebhookEventBatch) =>
  workItemPut(table, WEBHOOK_EVENTS_LAYOUT, batch);
/** A read's journal request, written on its own (not in a dossier's transaction). */
export const journalRequestPut = (table: string, request: JournalRequest) =>
  workItemPut(table, JOURNAL_REQUESTS_LAYOUT, request);

/** An item to put, and the condition it is put on. */
export interface ItemPut {
  Item: Record<string, unknown>;
  ConditionExpression: string;
}

/**
 * Puts items and the mail they cause: all or none, in one transaction (a lone item without mail is
 * a plain Put). A failed condition throws as DynamoDB does; `isConditionFailure` reads both forms.
 */
export const putWithOutbox = (db: DocumentClient, table: string, puts: ItemPut[], outbox: OutboxMessage[]) =>
  puts.length === 1 && outbox.length === 0
    ? db.send(new PutCommand({ TableName: table, ...puts[0]! }))
    : db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...puts.map((put) => ({ Put: { TableName: table, ...put } })),
            ...outbox.map((m) => outboxPut(table, m)),
          ],
        }),
      );

/** The Update that settles a journal request in the transaction recording its event (exactly once). */
export const journalRequestSettle = (table: string, id: string, at: string) => ({
  Update: {
    TableName: table,
    Key: JOURNAL_REQUESTS_LAYOUT.key(id),
    UpdateExpression: 'SET #s = :sent, sentAt = :at REMOVE gsi1pk, gsi1sk',
    // claimed by this worker: a request already recorded fails the whole transaction
    ConditionExpression: '#s = :sending',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':sent': 'sent', ':sending': 'sending', ':at': at },
  },
});
