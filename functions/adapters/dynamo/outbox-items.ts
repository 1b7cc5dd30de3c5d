import type { DocumentJob } from '../../domain/document-job';
import type { OutboxMessage } from '../../domain/outbox';
import type { StampJob } from '../../domain/trusted-timestamps';
import { DOCUMENTS_PENDING, keys, OUTBOX_PENDING, STAMPS_PENDING } from './client';

/** The Put that adds a mail to the outbox inside a transaction; a replay of the same cause is a no-op. */
export const outboxPut = (table: string, message: OutboxMessage) => ({
  Put: {
    TableName: table,
    Item: {
      ...keys.outbox(message.id),
      type: 'outbox',
      status: 'pending',
      attempts: 0,
      gsi1pk: OUTBOX_PENDING,
      gsi1sk: `${message.createdAt}#${message.id}`,
      message,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The Put that asks for a document inside a transaction; the same document and instant twice is one job. */
export const documentJobPut = (table: string, job: DocumentJob) => ({
  Put: {
    TableName: table,
    Item: {
      ...keys.documentJob(job.id),
      type: 'document-job',
      status: 'pending',
      attempts: 0,
      gsi1pk: DOCUMENTS_PENDING,
      gsi1sk: `${job.createdAt}#${job.id}`,
      job,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The Put that asks for an event's trusted timestamp inside the event's own transaction. */
export const stampJobPut = (table: string, job: StampJob) => ({
  Put: {
    TableName: table,
    Item: {
      ...keys.stampJob(job.id),
      type: 'stamp-job',
      status: 'pending',
      attempts: 0,
      gsi1pk: STAMPS_PENDING,
      gsi1sk: `${job.createdAt}#${job.id}`,
      job,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});
