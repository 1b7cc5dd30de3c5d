import { expiresAt } from '../../domain/retention-dates';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiClient } from '../../domain/api-clients';
import { ConflictError } from '../../domain/errors';
import type { ApiClientStore } from '../../domain/ports';
import { keys, type DocumentClient } from './client';
import { isConditionFailure } from './errors';

/**
 * API clients: one item by the client's id (what every request of the client reads: a strongly
 * consistent GetItem, so a revocation holds at once) and one in its company's partition (the
 * company's list), written together.
 */
export class DynamoApiClientStore implements ApiClientStore {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async create(client: ApiClient): Promise<void> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: this.puts(client, 'attribute_not_exists(pk)') }));
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError('this API client already exists');
      throw error;
    }
  }

  async get(clientId: string): Promise<ApiClient | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.apiClient(clientId), ConsistentRead: true }),
    );
    return (Item?.client as ApiClient | undefined) ?? null;
  }

  async list(companyId: string): Promise<ApiClient[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': `COMPANY#${companyId}`, ':sk': 'APICLIENT#' },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((i) => i.client as ApiClient).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async revoke(client: ApiClient): Promise<void> {
    await this.db.send(new TransactWriteCommand({ TransactItems: this.puts(client, 'attribute_exists(pk)') }));
  }

  async countRequest(clientId: string, window: { key: string; expiresAt: number }): Promise<number> {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.apiClientRate(clientId, window.key),
        // the window's counter expires by itself (the table's TTL attribute)
        UpdateExpression: 'ADD requests :one SET #type = :type, #ttl = :exp',
        ExpressionAttributeNames: { '#type': 'type', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':type': 'api-client-rate', ':exp': window.expiresAt },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.requests ?? 1);
  }

  private puts(client: ApiClient, condition: string) {
    return [keys.apiClient(client.clientId), keys.companyApiClient(client.companyId, client.clientId)].map((key) => ({
      Put: {
        TableName: this.table,
        // a revoked client is kept 90 days (« API clients and webhooks »), then expires
        Item: {
          ...key,
          type: 'api-client',
          client,
          ...(client.revokedAt ? { ttl: expiresAt('api_clients_and_webhooks', client.revokedAt) } : {}),
        },
        ConditionExpression: condition,
      },
    }));
  }
}
