import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { callers } from '../../test/support/use-case-journey';
import { BadRequestError, NotFoundError } from '../domain/errors';
import { createWebhook, deleteWebhook, listWebhooks, webhookDeliveries } from './webhooks';

describe('a company’s webhooks', () => {
  it('subscribe an https URL (the secret once), list it without the secret, and delete it', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    const person = callers.candidate('c1');
    const created = await createWebhook(w.deps, person, 'c1', {
      url: 'https://hooks.example.org/tlc',
      events: ['dossier.status_changed', 'dossier.status_changed'],
    });
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await listWebhooks(w.deps, person, 'c1');
    expect(listed).toMatchObject([{ id: created.id, events: ['dossier.status_changed'], status: 'active' }]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect((await webhookDeliveries(w.deps, person, 'c1', created.id)).items).toEqual([]);
    await deleteWebhook(w.deps, person, 'c1', created.id);
    expect(await listWebhooks(w.deps, person, 'c1')).toEqual([]);
  });

  it('refuse a private or plain-http URL, and another company’s webhook is a 404', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    const person = callers.candidate('c1');
    for (const url of ['http://hooks.example.org/in', 'https://169.254.169.254/latest', 'https://10.0.0.1/in'])
      await expect(createWebhook(w.deps, person, 'c1', { url, events: ['upload.settled'] })).rejects.toThrow(
        BadRequestError,
      );
    const { id } = await createWebhook(w.deps, person, 'c1', {
      url: 'https://hooks.example.org/in',
      events: ['upload.settled'],
    });
    await expect(webhookDeliveries(w.deps, callers.candidate('c2'), 'c1', id)).rejects.toThrow(NotFoundError);
    await expect(deleteWebhook(w.deps, callers.candidate('c2'), 'c2', id)).rejects.toThrow(NotFoundError);
    expect(w.webhooks.subscriptions.size).toBe(1);
  });
});
