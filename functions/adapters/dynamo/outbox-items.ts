import type { OutboxMessage } from '../../domain/outbox';
import { keys, OUTBOX_PENDING } from './client';

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
