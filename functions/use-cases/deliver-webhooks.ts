import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Dependencies } from '../container';
import { companyRecipients } from '../domain/company';
import { outboxMessage } from '../domain/outbox';
import {
  afterAttempt,
  attemptSummary,
  deliveriesOf,
  deliveryHeaders,
  disabledSubscription,
  dropped,
  type WebhookEventBatch,
  type WebhookDelivery,
} from '../domain/webhooks';
import { metrics } from '../observability';
import { drainWorkQueue } from './drain-work-queue';

/**
 * Fans each change's webhook events out to its company's subscriptions (one delivery per
 * subscription and event, stable ids: a replay adds nothing).
 * Input: batches (from the stream) or none (the pending ones). Output: counts.
 */
export const fanOutWebhookEvents = async (deps: Dependencies, batches?: WebhookEventBatch[]) => {
  let deliveries = 0;
  const { done, failed } = await drainWorkQueue(
    deps.webhookEvents,
    deps.clock,
    async (batch) => {
      const subscriptions = await deps.webhooks.list(batch.companyId);
      const made = deliveriesOf(batch, subscriptions, deps.clock.now());
      await deps.webhooks.addDeliveries(made);
      deliveries += made.length;
    },
    batches,
  );
  return { batches: done, failed, deliveries };
};

/**
 * Makes the deliveries that are due, one attempt each: in order per endpoint and dossier (a
 * delivery waits while an earlier one about its dossier is pending), signed at the instant it
 * leaves, its outcome stored (delivered, or the next attempt's instant); after 24 hours of
 * failures the subscription is disabled and the company mailed, its other deliveries dropped.
 * Steps: load due → skip the blocked → sign → send → store the outcome. Output: counts.
 */
export const deliverWebhooks = async (deps: Dependencies, options: { limit?: number } = {}) => {
  const due = await deps.webhooks.due(deps.clock.now().toISOString(), options.limit ?? 50);
  let delivered = 0;
  let failed = 0;
  let disabled = 0;
  const seen = new Set<string>();
  for (const delivery of due) {
    // one per endpoint and dossier in a round: the next one goes when this one is settled
    const lane = `${delivery.webhookId}#${delivery.dossierId}`;
    if (seen.has(lane) || (await deps.webhooks.blockedByEarlier(delivery))) continue;
    seen.add(lane);
    const subscription = await deps.webhooks.get(delivery.companyId, delivery.webhookId);
    if (!subscription || subscription.status !== 'active') {
      await deps.webhooks.saveDelivery(dropped(delivery), delivery.attempts.length);
      continue;
    }
    // signed at the instant it leaves, by the sender's clock (see deliveryHeaders)
    const headers = (sentAt: Date) => deliveryHeaders(subscription.secret, delivery, sentAt);
    const answer = await deps.webhookSender.send(subscription.url, headers, delivery.body);
    const now = deps.clock.now();
    const outcome = afterAttempt(delivery, { at: now.toISOString(), ...answer }, now);
    if (!(await deps.webhooks.saveDelivery(outcome.delivery, delivery.attempts.length))) continue;
    if (outcome.delivery.status === 'delivered') delivered++;
    else failed++;
    if (outcome.disable) {
      disabled++;
      await disable(deps, outcome.delivery, attemptSummary(answer));
    }
  }
  if (delivered) metrics.addMetric('WebhooksDelivered', MetricUnit.Count, delivered);
  if (failed) metrics.addMetric('WebhookAttemptsFailed', MetricUnit.Count, failed);
  if (disabled) metrics.addMetric('WebhooksDisabled', MetricUnit.Count, disabled);
  if (delivered || failed || disabled) metrics.publishStoredMetrics();
  return { delivered, failed, disabled };
};

const disable = async (deps: Dependencies, delivery: WebhookDelivery, lastError: string) => {
  const subscription = await deps.webhooks.get(delivery.companyId, delivery.webhookId);
  if (!subscription || subscription.status !== 'active') return;
  const now = deps.clock.now();
  const company = await deps.companies.get(delivery.companyId);
  const mail = company
    ? [
        outboxMessage(
          `webhook-disabled:${subscription.id}`,
          'webhook_disabled',
          companyRecipients(company),
          { url: subscription.url, since: delivery.attempts[0]?.at ?? now.toISOString(), lastError },
          now.toISOString(),
        ),
      ]
    : [];
  await deps.webhooks.disable(disabledSubscription(subscription, lastError, now), mail);
};
