import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage } from '../../domain/outbox';
import type { OutboxStore } from '../../domain/ports';
import { keys, OUTBOX_PENDING, type DocumentClient } from './client';
import { isConditionFailure } from './errors';

export class DynamoOutboxStore implements OutboxStore {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async pending(limit: number): Promise<OutboxMessage[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': OUTBOX_PENDING },
        Limit: limit,
      }),
    );
    return (Items ?? []).filter((i) => i.status === 'pending').map((i) => i.message as OutboxMessage);
  }

  async claim(id: string, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.outbox(id),
          UpdateExpression: 'SET #s = :sending, claimedAt = :at ADD attempts :one',
          ConditionExpression: '#s = :pending',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':at': at, ':one': 1 },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async markSent(id: string, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.outbox(id),
        UpdateExpression: 'SET #s = :sent, sentAt = :at REMOVE gsi1pk, gsi1sk',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': at },
      }),
    );
  }

  async release(id: string, error: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.outbox(id),
        UpdateExpression: 'SET #s = :pending, lastError = :e',
        ConditionExpression: '#s = :sending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending', ':e': error.slice(0, 500) },
      }),
    );
  }
}
