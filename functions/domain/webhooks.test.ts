import { afterEach, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { appendEvents, GENESIS } from './journal';
import { createDossier } from './dossier';
import {
  afterAttempt,
  deliveriesOf,
  deliveryHeaders,
  newWebhookSecret,
  RETRY_WINDOW_MS,
  webhookBatchOf,
  type WebhookSubscription,
} from './webhooks';

const NOW = new Date('2027-01-04T08:00:00Z');
const dossier = createDossier(
  { product: { name: 'P', version: '1' }, useCase: 'city_practice', profiles: [] },
  'company-1',
  'u',
  NOW,
);
const actor = { sub: 'u', role: 'candidate' };
const submitted = { ...dossier, status: 'admissibility_review' as const };
const journal = appendEvents({ seq: 4, hash: GENESIS.hash }, [
  { dossierId: dossier.id, type: 'dossier_submitted', at: NOW.toISOString(), actor },
  {
    dossierId: dossier.id,
    type: 'notification_issued',
    at: NOW.toISOString(),
    actor,
    data: { notificationId: 'n-1', kind: 'receipt', recipientEmail: 'someone@example.org' },
  },
]);
const subscription = (events: WebhookSubscription['events'], status: WebhookSubscription['status'] = 'active') => ({
  id: `wh-${events.join('-')}-${status}`,
  companyId: 'company-1',
  url: 'https://hooks.example.org/in',
  events,
  secret: newWebhookSecret(),
  status,
  createdAt: NOW.toISOString(),
  createdBy: 'u',
});

describe('webhook events', () => {
  it('come from the change: the status change and the notification, in the journal’s order, ids only', () => {
    const batch = webhookBatchOf(dossier, submitted, journal.events, [], NOW.toISOString())!;
    expect(batch.id).toBe(`${dossier.id}.00000005`);
    expect(batch.events.map((e) => [e.type, e.data])).toEqual([
      ['dossier.status_changed', { dossierId: dossier.id, from: 'draft', to: 'admissibility_review' }],
      ['notification.issued', { dossierId: dossier.id, notificationId: 'n-1', kind: 'receipt' }],
    ]);
    // never personal data: what the journal event held beyond ids stays out
    expect(JSON.stringify(batch)).not.toContain('someone@example.org');
  });

  it('are none for a change that touches nothing a company listens to', () => {
    const quiet = appendEvents(GENESIS, [
      { dossierId: dossier.id, type: 'dossier_updated', at: NOW.toISOString(), actor },
    ]);
    expect(webhookBatchOf(dossier, dossier, quiet.events, [], NOW.toISOString())).toBeUndefined();
  });

  it('go to each active subscription that wants them, with ids stable across a replay', () => {
    const batch = webhookBatchOf(dossier, submitted, journal.events, [], NOW.toISOString())!;
    const subs = [
      subscription(['dossier.status_changed']),
      subscription(['notification.issued', 'dossier.status_changed']),
      subscription(['dossier.status_changed'], 'disabled'),
      { ...subscription(['upload.settled']), companyId: 'another' },
    ];
    const deliveries = deliveriesOf(batch, subs, NOW);
    expect(deliveries.map((d) => [d.webhookId, d.type])).toEqual([
      [subs[0]!.id, 'dossier.status_changed'],
      [subs[1]!.id, 'dossier.status_changed'],
      [subs[1]!.id, 'notification.issued'],
    ]);
    expect(deliveriesOf(batch, subs, new Date(NOW.getTime() + 5000)).map((d) => d.id)).toEqual(
      deliveries.map((d) => d.id),
    );
    expect(deliveries[1]!.order < deliveries[2]!.order).toBe(true);
  });
});

describe('a delivery', () => {
  const sub = subscription(['dossier.status_changed']);
  const batch = webhookBatchOf(dossier, submitted, journal.events, [], NOW.toISOString())!;
  const delivery = deliveriesOf(batch, [sub], NOW)[0]!;

  afterEach(() => vi.useRealTimers());

  it('is signed as the Standard Webhooks library verifies it', () => {
    // the library checks the timestamp against its own clock (5 minutes of tolerance): pinned here
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const headers = deliveryHeaders(sub.secret, delivery, NOW);
    const verified = new Webhook(sub.secret).verify(delivery.body, headers) as { type: string };
    expect(verified.type).toBe('dossier.status_changed');
    expect(() => new Webhook(newWebhookSecret()).verify(delivery.body, headers)).toThrow();
    expect(() =>
      new Webhook(sub.secret).verify(delivery.body.replace('admissibility_review', 'certified'), headers),
    ).toThrow();
  });

  it('is retried with growing delays for 24 hours, then fails and disables its subscription', () => {
    let current = delivery;
    let at = NOW;
    const delays: number[] = [];
    for (;;) {
      const { delivery: next, disable } = afterAttempt(
        current,
        { at: at.toISOString(), status: 500, durationMs: 3 },
        at,
      );
      if (disable) {
        expect(next.status).toBe('failed');
        break;
      }
      const nextAt = new Date(next.nextAttemptAt);
      delays.push(nextAt.getTime() - at.getTime());
      current = next;
      at = nextAt;
    }
    expect(delays.every((d, i) => i === 0 || d >= delays[i - 1]!)).toBe(true);
    expect(at.getTime() - NOW.getTime()).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    expect(at.getTime() - NOW.getTime()).toBeGreaterThan(RETRY_WINDOW_MS - 9 * 3600_000);
    expect(current.attempts.length).toBe(delays.length);
  });

  it('is delivered on a 2xx, and a timeout counts as a failure', () => {
    expect(afterAttempt(delivery, { at: NOW.toISOString(), status: 204, durationMs: 2 }, NOW).delivery.status).toBe(
      'delivered',
    );
    const timedOut = afterAttempt(delivery, { at: NOW.toISOString(), error: 'timeout', durationMs: 10_000 }, NOW);
    expect(timedOut.delivery.status).toBe('pending');
    expect(timedOut.delivery.nextAttemptAt).toBe(new Date(NOW.getTime() + 30_000).toISOString());
  });
});
