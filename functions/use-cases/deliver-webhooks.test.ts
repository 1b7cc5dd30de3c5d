import { afterEach, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { admissibleDossierIn } from '../../test/support/use-case-journey';
import { createWebhook, webhookDeliveries } from './webhooks';
import { deliverWebhooks, fanOutWebhookEvents } from './deliver-webhooks';
import { withdrawDossier } from './instruction';
import { RETRY_WINDOW_MS } from '../domain/webhooks';

const setUp = async () => {
  const w = inMemoryDependencies('2027-01-04T08:00:00Z');
  const { id, companyId, candidate } = await admissibleDossierIn(w, 71);
  // what happened before the subscription is fanned out to nobody
  await fanOutWebhookEvents(w.deps);
  const hook = await createWebhook(w.deps, candidate, companyId, {
    url: 'https://hooks.example.org/in',
    events: ['dossier.status_changed'],
  });
  await withdrawDossier(w.deps, candidate, id);
  return { w, id, companyId, candidate, hook };
};

afterEach(() => vi.useRealTimers());

describe('delivering webhooks', () => {
  it('delivers a status change once, signed the Standard Webhooks way; a replayed fan-out adds nothing', async () => {
    const { w, id, companyId, candidate, hook } = await setUp();
    expect(await fanOutWebhookEvents(w.deps)).toMatchObject({ batches: 1, deliveries: 1 });
    expect(await fanOutWebhookEvents(w.deps)).toMatchObject({ batches: 0, deliveries: 0 });
    const sentAt = new Date('2027-01-04T08:00:05Z');
    w.webhookSender.sentAt = sentAt;
    expect(await deliverWebhooks(w.deps)).toMatchObject({ delivered: 1 });
    expect(await deliverWebhooks(w.deps)).toMatchObject({ delivered: 0, failed: 0 });
    const [received] = w.webhookSender.received;
    expect(received!.url).toBe('https://hooks.example.org/in');
    vi.useFakeTimers({ now: sentAt, toFake: ['Date'] });
    const payload = new Webhook(hook.secret).verify(received!.body, received!.headers) as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'dossier.status_changed',
      data: { dossierId: id, from: 'proofs_deposit', to: 'withdrawn' },
    });
    const log = await webhookDeliveries(w.deps, candidate, companyId, hook.id);
    expect(log.items).toMatchObject([{ status: 'delivered', attempts: [{ status: 204 }] }]);
  });

  it('retries after a 500 and a timeout, each after its delay, then delivers', async () => {
    const { w, companyId, candidate, hook } = await setUp();
    await fanOutWebhookEvents(w.deps);
    w.webhookSender.answers.push(
      { status: 500, durationMs: 3 },
      { error: 'no answer within 10 s', durationMs: 10_000 },
    );
    expect(await deliverWebhooks(w.deps)).toMatchObject({ failed: 1 });
    // not due yet: nothing is sent
    expect(await deliverWebhooks(w.deps)).toMatchObject({ failed: 0, delivered: 0 });
    w.clock.advance(30_000);
    expect(await deliverWebhooks(w.deps)).toMatchObject({ failed: 1 });
    w.clock.advance(120_000);
    expect(await deliverWebhooks(w.deps)).toMatchObject({ delivered: 1 });
    const log = await webhookDeliveries(w.deps, candidate, companyId, hook.id);
    expect(log.items[0]!.attempts.map((a) => a.status ?? a.error)).toEqual([500, 'no answer within 10 s', 204]);
  });

  it('disables the subscription after 24 hours of failures, mails the company and drops nothing silently', async () => {
    const { w, companyId, candidate, hook } = await setUp();
    await fanOutWebhookEvents(w.deps);
    for (let i = 0; i < 40; i++) w.webhookSender.answers.push({ status: 503, durationMs: 1 });
    let disabled = 0;
    const start = w.clock.now().getTime();
    while (!disabled && w.clock.now().getTime() - start <= RETRY_WINDOW_MS + 3600_000) {
      disabled += (await deliverWebhooks(w.deps)).disabled;
      w.clock.advance(15 * 60_000);
    }
    expect(disabled).toBe(1);
    expect((await w.deps.webhooks.get(companyId, hook.id))?.status).toBe('disabled');
    expect(w.outbox.templates()).toContain('webhook_disabled');
    const log = await webhookDeliveries(w.deps, candidate, companyId, hook.id);
    expect(log.items[0]!.status).toBe('failed');
    const attempts = log.items[0]!.attempts.map((a) => Date.parse(a.at));
    // retried over most of a day, never past it
    expect(attempts.at(-1)! - attempts[0]!).toBeGreaterThan(15 * 3600_000);
    expect(attempts.at(-1)! - attempts[0]!).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    // a later change reaches no disabled subscription
    expect(await deliverWebhooks(w.deps)).toMatchObject({ delivered: 0, failed: 0 });
  });
});
