import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../../functions/adapters/dynamo/client';
import { scanTable } from '../ops/scan-table';

/**
 * DynamoDB's Time to Live, locally: DynamoDB Local never deletes an expired item, so the stack's
 * periodic run does what AWS's background process does (within days of the `ttl` epoch seconds):
 * the mail kept 90 days, settled webhook deliveries and revoked API clients, the rate windows.
 * Each delete is conditioned on the item still being expired, as TTL's own are.
 */
export const expireItems = async (db: DocumentClient, table: string, now: Date): Promise<number> => {
  const epoch = Math.floor(now.getTime() / 1000);
  let expired = 0;
  const items = scanTable(db, {
    TableName: table,
    FilterExpression: '#ttl < :now',
    ExpressionAttributeNames: { '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':now': epoch },
    ProjectionExpression: 'pk, sk',
  });
  for await (const item of items) {
    await db
      .send(
        new DeleteCommand({
          TableName: table,
          Key: { pk: item.pk, sk: item.sk },
          ConditionExpression: '#ttl < :now',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':now': epoch },
        }),
      )
      .then(
        () => expired++,
        () => undefined, // changed since the scan: no longer expired
      );
  }
  return expired;
};
