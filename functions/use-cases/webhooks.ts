import { randomUUID } from 'node:crypto';
import type { Dependencies } from '../container';
import { assertActsForCompany } from '../domain/api-clients';
import type { Caller } from '../domain/caller';
import { deliveryView, existingSubscription, subscriptionView, type WebhookEventType } from '../domain/webhooks';
import { newSubscription } from '../domain/webhook-subscriptions';

/**
 * A company's webhooks: subscribe (the secret shown once), list, delete, read the delivery log.
 * Each operation: authorise (the caller acts for the company; another company's is a 404) → rule →
 * store → answer.
 */
export const createWebhook = async (
  deps: Dependencies,
  caller: Caller,
  companyId: string,
  input: { url: string; events: WebhookEventType[] },
) => {
  assertActsForCompany(caller, companyId);
  const subscription = newSubscription(
    { id: randomUUID(), ...input },
    caller,
    companyId,
    await deps.webhooks.list(companyId),
    deps.clock.now(),
    deps.webhookUrls,
  );
  await deps.webhooks.create(subscription);
  return { id: subscription.id, secret: subscription.secret, view: subscriptionView(subscription) };
};

export const listWebhooks = async (deps: Dependencies, caller: Caller, companyId: string) => {
  assertActsForCompany(caller, companyId);
  return (await deps.webhooks.list(companyId)).map(subscriptionView);
};

export const deleteWebhook = async (deps: Dependencies, caller: Caller, companyId: string, id: string) => {
  assertActsForCompany(caller, companyId);
  existingSubscription(await deps.webhooks.get(companyId, id));
  // its pending deliveries are dropped by the worker when it finds the subscription gone
  await deps.webhooks.remove(companyId, id);
};

export const webhookDeliveries = async (deps: Dependencies, caller: Caller, companyId: string, id: string) => {
  assertActsForCompany(caller, companyId);
  const subscription = existingSubscription(await deps.webhooks.get(companyId, id));
  return {
    webhook: subscriptionView(subscription),
    items: (await deps.webhooks.deliveries(subscription.id, 100)).map(deliveryView),
  };
};
