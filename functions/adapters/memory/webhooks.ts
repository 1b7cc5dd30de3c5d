import { ConflictError } from '../../domain/errors';
import type { OutboxMessage } from '../../domain/outbox';
import type { WebhookSender, WebhookStore } from '../../domain/ports';
import type { DeliveryAttempt, WebhookDelivery, WebhookSubscription } from '../../domain/webhooks';
import { clone } from './support';
import type { InMemoryOutbox } from './work-queue';

const deliveryKey = (d: WebhookDelivery) => `${d.webhookId}#${d.dossierId}#${d.order}`;

export class InMemoryWebhooks implements WebhookStore {
  readonly subscriptions = new Map<string, WebhookSubscription>();
  readonly stored = new Map<string, WebhookDelivery>();
  constructor(private readonly outbox?: InMemoryOutbox) {}

  async create(subscription: WebhookSubscription) {
    if (this.subscriptions.has(subscription.id)) throw new ConflictError('this webhook already exists');
    this.subscriptions.set(subscription.id, clone(subscription));
  }
  async get(companyId: string, id: string) {
    const found = this.subscriptions.get(id);
    return found && found.companyId === companyId ? clone(found) : null;
  }
  async list(companyId: string) {
    return [...this.subscriptions.values()]
      .filter((s) => s.companyId === companyId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(clone);
  }
  async disable(subscription: WebhookSubscription, mail: OutboxMessage[]) {
    if (!this.subscriptions.has(subscription.id)) return;
    this.subscriptions.set(subscription.id, clone(subscription));
    for (const m of mail) this.outbox?.add(m);
  }
  async remove(companyId: string, id: string) {
    if (this.subscriptions.get(id)?.companyId === companyId) this.subscriptions.delete(id);
  }
  async addDeliveries(deliveries: WebhookDelivery[]) {
    for (const d of deliveries) if (!this.stored.has(deliveryKey(d))) this.stored.set(deliveryKey(d), clone(d));
  }
  async due(at: string, limit: number) {
    return [...this.stored.values()]
      .filter((d) => d.status === 'pending' && d.nextAttemptAt <= at)
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map(clone);
  }
  async blockedByEarlier(delivery: WebhookDelivery) {
    return [...this.stored.values()].some(
      (d) =>
        d.webhookId === delivery.webhookId &&
        d.dossierId === delivery.dossierId &&
        d.order < delivery.order &&
        d.status === 'pending',
    );
  }
  async saveDelivery(delivery: WebhookDelivery, previousAttempts: number) {
    const current = this.stored.get(deliveryKey(delivery));
    if (!current || current.attempts.length !== previousAttempts) return false;
    this.stored.set(deliveryKey(delivery), clone(delivery));
    return true;
  }
  async deliveries(webhookId: string, limit: number) {
    return [...this.stored.values()]
      .filter((d) => d.webhookId === webhookId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.order.localeCompare(a.order))
      .slice(0, limit)
      .map(clone);
  }
}

/** A receiver in memory: answers what the test queues (a status or an error), records what it got. */
export class InMemoryWebhookSender implements WebhookSender {
  readonly received: { url: string; headers: Record<string, string>; body: string }[] = [];
  readonly answers: Omit<DeliveryAttempt, 'at'>[] = [];
  /** the instant deliveries leave at (tests pin it) */
  sentAt = new Date('2027-01-04T08:00:05Z');
  async send(url: string, headers: (sentAt: Date) => Record<string, string>, body: string) {
    this.received.push({ url, headers: headers(this.sentAt), body });
    return this.answers.shift() ?? { status: 204, durationMs: 1 };
  }
}
