import type { DocumentJob } from '../../domain/document-job';
import type { OutboxMessage } from '../../domain/outbox';
import type { StampJob } from '../../domain/trusted-timestamps';
import type { JournalRequest } from '../../domain/journal-requests';
import { DOCUMENTS_PENDING, JOURNAL_REQUESTS_PENDING, keys, OUTBOX_PENDING, STAMPS_PENDING } from './client';

/** Where a kind of work lives: its items' keys and type, the sparse index of pending ones, the field that holds the work. */
export interface QueueLayout {
  type: string;
  pendingPartition: string;
  key: (id: string) => { pk: string; sk: string };
  field: string;
}

export const OUTBOX_LAYOUT: QueueLayout = {
  type: 'outbox',
  pendingPartition: OUTBOX_PENDING,
  key: keys.outbox,
  field: 'message',
};
export const DOCUMENTS_LAYOUT: QueueLayout = {
  type: 'document-job',
  pendingPartition: DOCUMENTS_PENDING,
  key: keys.documentJob,
  field: 'job',
};
export const STAMPS_LAYOUT: QueueLayout = {
  type: 'stamp-job',
  pendingPartition: STAMPS_PENDING,
  key: keys.stampJob,
  field: 'job',
};
export const JOURNAL_REQUESTS_LAYOUT: QueueLayout = {
  type: 'journal-request',
  pendingPartition: JOURNAL_REQUESTS_PENDING,
  key: keys.journalRequest,
  field: 'request',
};

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
/** A read's journal request, written on its own (not in a dossier's transaction). */
export const journalRequestPut = (table: string, request: JournalRequest) =>
  workItemPut(table, JOURNAL_REQUESTS_LAYOUT, request);

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
