import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Certificate } from './certificate';
import type { Dossier } from './dossier';
import type { JournalEvent } from './journal';
import { NotFoundError } from './errors';

/**
 * Webhooks (API.md [1.2] « Company API clients and webhooks »): a company hears of each change to
 * its dossiers without polling. The events come from what a dossier's transaction already stores:
 * one batch job per change, written with the journal events it derives from, so an event is never
 * lost and the order per dossier is the journal's. Each delivery is signed with the Standard
 * Webhooks scheme and retried with backoff for 24 hours; then the subscription is disabled and the
 * company is mailed. Payloads carry ids and statuses only: never evidence, never personal data.
 */
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';

export { WEBHOOK_EVENT_TYPES, type WebhookEventType };

export interface WebhookEvent {
  /** stable: the journal event's `dossierId.seq` and the type (a replayed change writes the same id) */
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  data: Record<string, string>;
}

/** The events of one dossier change, written in its transaction (one item, whatever their number). */
export interface WebhookEventBatch {
  id: string;
  companyId: string;
  dossierId: string;
  /** the journal's order: `<seq of the change's first event, 8 digits>` */
  order: string;
  events: WebhookEvent[];
  createdAt: string;
}

export interface WebhookSubscription {
  id: string;
  companyId: string;
  url: string;
  events: WebhookEventType[];
  /** `whsec_` + base64 of 24 random bytes (Standard Webhooks); shown once, kept to sign */
  secret: string;
  status: 'active' | 'disabled';
  createdAt: string;
  createdBy: string;
  disabledAt?: string;
  disabledReason?: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface DeliveryAttempt {
  at: string;
  /** the receiver's status, when it answered */
  status?: number;
  /** why it failed, in a few words (timeout, refused address, 500…) */
  error?: string;
  durationMs: number;
}

export interface WebhookDelivery {
  /** the `webhook-id` header: the same on every retry, so the receiver can deduplicate */
  id: string;
  webhookId: string;
  companyId: string;
  dossierId: string;
  /** the position in the dossier's journal: deliveries to one endpoint go out in this order */
  order: string;
  eventId: string;
  type: WebhookEventType;
  occurredAt: string;
  /** the exact body sent, every time (the signature is over it) */
  body: string;
  status: DeliveryStatus;
  createdAt: string;
  nextAttemptAt: string;
  attempts: DeliveryAttempt[];
  deliveredAt?: string;
}

export const MAX_WEBHOOKS_PER_COMPANY = 5;
/** How long a delivery is retried before the subscription is disabled (API.md: 24 hours). */
export const RETRY_WINDOW_MS = 24 * 3600_000;
/** Delays after each failed attempt: exponential, capped, about 24 hours in all. */
export const RETRY_DELAYS_MS = [30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 28_800].map((s) => s * 1000);
/** The receiver's time to answer; démarches-simplifiées gives 10 s (and never retries). */
export const DELIVERY_TIMEOUT_MS = 10_000;

const STATUS_EVENT = 'dossier.status_changed';

/** The webhook events one dossier change causes, from its journal (and the certificates it stores). */
export const webhookEventsOf = (
  before: Dossier | null,
  after: Dossier,
  events: JournalEvent[],
  certificates: Certificate[] = [],
): WebhookEvent[] => {
  const out: WebhookEvent[] = [];
  const last = events.at(-1);
  if (!last) return out;
  const id = (e: JournalEvent, suffix: string) => `${e.dossierId}.${e.seq}.${suffix}`;
  if (before && before.status !== after.status)
    out.push({
      id: id(last, 'status'),
      type: STATUS_EVENT,
      occurredAt: last.at,
      data: { dossierId: after.id, from: before.status, to: after.status },
    });
  for (const e of events) {
    const data = e.data as Record<string, unknown>;
    if (e.type === 'notification_issued' && typeof data.notificationId === 'string')
      out.push({
        id: id(e, 'notification'),
        type: 'notification.issued',
        occurredAt: e.at,
        data: {
          dossierId: after.id,
          notificationId: data.notificationId,
          ...(typeof data.kind === 'string' ? { kind: data.kind } : {}),
        },
      });
    if (/^upload_(received|rejected|scanned)$/.test(e.type) && typeof data.uploadId === 'string')
      out.push({
        id: id(e, 'upload'),
        type: 'upload.settled',
        occurredAt: e.at,
        data: { dossierId: after.id, uploadId: data.uploadId, outcome: e.type.slice('upload_'.length) },
      });
  }
  if (events.some((e) => e.type.startsWith('certificate_')))
    for (const certificate of certificates)
      out.push({
        id: id(last, `certificate-${certificate.number}`),
        type: 'certificate.status_changed',
        occurredAt: last.at,
        data: { dossierId: after.id, certificateNumber: certificate.number, status: certificate.status },
      });
  return out;
};

export const webhookBatchOf = (
  before: Dossier | null,
  after: Dossier,
  events: JournalEvent[],
  certificates: Certificate[] | undefined,
  createdAt: string,
): WebhookEventBatch | undefined => {
  const found = webhookEventsOf(before, after, events, certificates);
  const first = events[0];
  if (!found.length || !first) return undefined;
  const order = String(first.seq).padStart(8, '0');
  return {
    id: `${after.id}.${order}`,
    companyId: after.companyId,
    dossierId: after.id,
    order,
    events: found,
    createdAt,
  };
};

/** What the receiver gets: `{ id, type, occurredAt, data }` (the event itself, nothing more). */
export const deliveryBody = (event: WebhookEvent) =>
  JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, data: event.data });

/** One delivery per subscription that wants the event; its id is stable (a replayed fan-out adds nothing). */
export const deliveriesOf = (
  batch: WebhookEventBatch,
  subscriptions: WebhookSubscription[],
  now: Date,
): WebhookDelivery[] =>
  subscriptions
    .filter((s) => s.status === 'active' && s.companyId === batch.companyId)
    .flatMap((s) =>
      batch.events
        .filter((e) => s.events.includes(e.type))
        .map((e, index) => ({
          id: `msg_${createHash('sha256').update(`${s.id}|${e.id}`).digest('base64url').slice(0, 24)}`,
          webhookId: s.id,
          companyId: s.companyId,
          dossierId: batch.dossierId,
          order: `${batch.order}.${String(index).padStart(3, '0')}`,
          eventId: e.id,
          type: e.type,
          occurredAt: e.occurredAt,
          body: deliveryBody(e),
          status: 'pending' as const,
          createdAt: now.toISOString(),
          nextAttemptAt: now.toISOString(),
          attempts: [],
        })),
    );

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * The Standard Webhooks signature: `v1,` + base64 HMAC-SHA256, keyed with the secret's bytes (the
 * base64 after `whsec_`), over `<webhook-id>.<webhook-timestamp>.<body>`.
 */
export const signDelivery = (secret: string, id: string, timestampSeconds: number, body: string) =>
  `v1,${createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64')}`;

/**
 * The headers of one attempt. `sentAt` is the instant the bytes leave, by the sender's own clock:
 * receivers check it against theirs (Standard Webhooks allows 5 minutes) to refuse replays, so it
 * is a fact of the transport, not a legal instant — on the local stack, the wall clock, not the
 * virtual one.
 */
export const deliveryHeaders = (secret: string, delivery: WebhookDelivery, sentAt: Date): Record<string, string> => {
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'tlc-certification-webhooks/1',
    'webhook-id': delivery.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signDelivery(secret, delivery.id, timestamp, delivery.body),
  };
};

/**
 * What an attempt leads to: delivered on a 2xx; else the next attempt after the next delay, or —
 * past 24 hours since the first — failed, which disables the subscription.
 */
export const afterAttempt = (
  delivery: WebhookDelivery,
  attempt: DeliveryAttempt,
  now: Date,
): { delivery: WebhookDelivery; disable: boolean } => {
  const attempts = [...delivery.attempts, attempt];
  if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300)
    return { delivery: { ...delivery, attempts, status: 'delivered', deliveredAt: now.toISOString() }, disable: false };
  const first = new Date(delivery.attempts[0]?.at ?? attempt.at).getTime();
  const delay = RETRY_DELAYS_MS[Math.min(delivery.attempts.length, RETRY_DELAYS_MS.length - 1)]!;
  const next = now.getTime() + delay;
  if (next - first > RETRY_WINDOW_MS) return { delivery: { ...delivery, attempts, status: 'failed' }, disable: true };
  return { delivery: { ...delivery, attempts, nextAttemptAt: new Date(next).toISOString() }, disable: false };
};

/** A delivery that will never go (its subscription was disabled or deleted). */
export const dropped = (delivery: WebhookDelivery): WebhookDelivery => ({ ...delivery, status: 'dropped' });

/** What the company reads in its delivery log: the attempts, never the secret. */
export const deliveryView = (d: WebhookDelivery) => ({
  id: d.id,
  eventId: d.eventId,
  type: d.type,
  dossierId: d.dossierId,
  occurredAt: d.occurredAt,
  status: d.status,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : undefined,
  deliveredAt: d.deliveredAt,
  attempts: d.attempts,
});

export const subscriptionView = (s: WebhookSubscription) => ({
  id: s.id,
  url: s.url,
  events: s.events,
  status: s.status,
  createdAt: s.createdAt,
  ...(s.disabledAt ? { disabledAt: s.disabledAt, disabledReason: s.disabledReason } : {}),
});

export const existingSubscription = (subscription: WebhookSubscription | null): WebhookSubscription => {
  if (!subscription) throw new NotFoundError('no such webhook');
  return subscription;
};

/** After 24 hours of failures: disabled, with the reason the company reads. */
export const disabledSubscription = (subscription: WebhookSubscription, lastError: string, now: Date) => ({
  ...subscription,
  status: 'disabled' as const,
  disabledAt: now.toISOString(),
  disabledReason: `no delivery succeeded for 24 hours (last: ${lastError})`,
});

/** An attempt's outcome in a few words, for the log and the mail. */
export const attemptSummary = (attempt: Omit<DeliveryAttempt, 'at'>) =>
  attempt.status !== undefined ? `HTTP ${attempt.status}` : (attempt.error ?? 'no answer');
