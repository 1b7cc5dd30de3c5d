import { expiresAt } from '../../domain/retention-dates';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { OutboxMessage } from '../../domain/outbox';
import type { WebhookStore } from '../../domain/ports';
import type { WebhookDelivery, WebhookSubscription } from '../../domain/webhooks';
import { keys, queryPartition, WEBHOOK_DELIVERIES_DUE, type DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { putWithOutbox } from './outbox-items';

/**
 * Subscriptions in their company's partition; deliveries in their endpoint's, keyed by dossier
 * then journal order (the earlier pending one about a dossier is one Query away), and in a sparse
 * index by the instant they are due while they are pending.
 */
export class DynamoWebhookStore implements WebhookStore {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async create(subscription: WebhookSubscription): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: this.subscriptionItem(subscription),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError('this webhook already exists');
      throw error;
    }
  }

  async get(companyId: string, id: string): Promise<WebhookSubscription | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.webhook(companyId, id), ConsistentRead: true }),
    );
    return (Item?.webhook as WebhookSubscription | undefined) ?? null;
  }

  async list(companyId: string): Promise<WebhookSubscription[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': `COMPANY#${companyId}`, ':sk': 'WEBHOOK#' },
        ConsistentRead: true,
      }),
    );
    return (Items ?? [])
      .map((i) => i.webhook as WebhookSubscription)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async disable(subscription: WebhookSubscription, mail: OutboxMessage[]): Promise<void> {
    try {
      // deleted meanwhile: nothing to disable, nobody to mail
      const put = { Item: this.subscriptionItem(subscription), ConditionExpression: 'attribute_exists(pk)' };
      await putWithOutbox(this.db, this.table, [put], mail);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async remove(companyId: string, id: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.webhook(companyId, id) }));
  }

  async addDeliveries(deliveries: WebhookDelivery[]): Promise<void> {
    for (const delivery of deliveries) {
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: this.deliveryItem(delivery),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        // a replayed fan-out: the delivery is already there, maybe already made
        if (!isConditionFailure(error)) throw error;
      }
    }
  }

  async due(at: string, limit: number): Promise<WebhookDelivery[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :at',
        ExpressionAttributeValues: { ':pk': WEBHOOK_DELIVERIES_DUE, ':at': `${at}#~` },
        Limit: limit,
      }),
    );
    // the index is eventually consistent: the item itself says whether it is still pending
    const found: WebhookDelivery[] = [];
    for (const item of Items ?? []) {
      const delivery = await this.read(item.delivery as WebhookDelivery);
      if (delivery?.status === 'pending' && delivery.nextAttemptAt <= at) found.push(delivery);
    }
    return found;
  }

  async blockedByEarlier(delivery: WebhookDelivery): Promise<boolean> {
    const { pk, sk } = keys.webhookDelivery(delivery.webhookId, delivery.dossierId, delivery.order);
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        // this endpoint's deliveries about this dossier, up to this one, the pending ones only
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        FilterExpression: '#d.#s = :pending',
        ExpressionAttributeNames: { '#d': 'delivery', '#s': 'status' },
        ExpressionAttributeValues: {
          ':pk': pk,
          ':from': `DELIVERY#${delivery.dossierId}#`,
          ':to': sk,
          ':pending': 'pending',
        },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).some((item) => item.sk !== sk);
  }

  async saveDelivery(delivery: WebhookDelivery, previousAttempts: number): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: this.deliveryItem(delivery),
          // another worker recorded an attempt since this one read the delivery: its outcome stands
          ConditionExpression: 'attemptCount = :n',
          ExpressionAttributeValues: { ':n': previousAttempts },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async deliveries(webhookId: string, limit: number): Promise<WebhookDelivery[]> {
    const all: WebhookDelivery[] = [];
    for await (const item of queryPartition(this.db, this.table, { value: `WEBHOOK#${webhookId}` }))
      if (String(item.sk).startsWith('DELIVERY#')) all.push(item.delivery as WebhookDelivery);
    return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.order.localeCompare(a.order)).slice(0, limit);
  }

  private async read(delivery: WebhookDelivery): Promise<WebhookDelivery | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: keys.webhookDelivery(delivery.webhookId, delivery.dossierId, delivery.order),
        ConsistentRead: true,
      }),
    );
    return (Item?.delivery as WebhookDelivery | undefined) ?? null;
  }

  private subscriptionItem(subscription: WebhookSubscription) {
    return { ...keys.webhook(subscription.companyId, subscription.id), type: 'webhook', webhook: subscription };
  }

  private deliveryItem(delivery: WebhookDelivery) {
    return {
      ...keys.webhookDelivery(delivery.webhookId, delivery.dossierId, delivery.order),
      type: 'webhook-delivery',
      attemptCount: delivery.attempts.length,
      delivery,
      // in the index of due deliveries while pending (sparse: gone once delivered, failed or dropped);
      // settled, it is kept 90 days from its last attempt (« API clients and webhooks »), then expires
      ...(delivery.status === 'pending'
        ? { gsi1pk: WEBHOOK_DELIVERIES_DUE, gsi1sk: `${delivery.nextAttemptAt}#${delivery.id}` }
        : {
            ttl: expiresAt('api_clients_and_webhooks', delivery.attempts.at(-1)?.at ?? delivery.createdAt),
          }),
    };
  }
}
