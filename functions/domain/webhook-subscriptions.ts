import type { Caller } from './caller';
import { BadRequestError, BusinessRuleError } from './errors';
import { webhookUrlProblem, type UrlPolicy } from './webhook-url';
import {
  MAX_WEBHOOKS_PER_COMPANY,
  newWebhookSecret,
  type WebhookEventType,
  type WebhookSubscription,
} from './webhooks';

/**
 * Subscribing: apart from webhooks.ts so that the SSRF guard (and ipaddr.js) stays out of every
 * function that commits a dossier change — only the webhook routes and the sender carry it.
 */
/** A new subscription: its URL through the SSRF guard, at most `MAX_WEBHOOKS_PER_COMPANY` active. */
export const newSubscription = (
  input: { id: string; url: string; events: WebhookEventType[] },
  caller: Caller,
  companyId: string,
  existing: WebhookSubscription[],
  now: Date,
  policy: UrlPolicy,
): WebhookSubscription => {
  const problem = webhookUrlProblem(input.url, policy);
  if (problem) throw new BadRequestError(problem, [{ path: 'url', message: problem }]);
  if (existing.filter((s) => s.status === 'active').length >= MAX_WEBHOOKS_PER_COMPANY)
    throw new BusinessRuleError(`a company has at most ${MAX_WEBHOOKS_PER_COMPANY} active webhooks: delete one first`);
  return {
    id: input.id,
    companyId,
    url: input.url,
    events: [...new Set(input.events)],
    secret: newWebhookSecret(),
    status: 'active',
    createdAt: now.toISOString(),
    createdBy: caller.sub,
  };
};
