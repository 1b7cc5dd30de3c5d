import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack, type TestStack } from '../support/local-stack';
import { WAKE_SLACK_MS } from '../support/journeys';
import { api, companyBody, draftBody, siret } from '../support/api-client';

let stack: TestStack;
let http: ReturnType<typeof api>;
let admin: string;
useLocalStack((ctx) => ({ stack, http } = ctx));
beforeAll(async () => {
  admin = await http.token({ role: 'admin', sub: 'support-1' });
});

const registerCompany = async (seed: number) => {
  admin = await http.token({ role: 'admin', sub: 'support-1' }); // the virtual clock may have outrun the last one
  const r = await http.call('POST', '/v1/companies', { token: admin, body: companyBody(siret(seed), `c${seed}`) });
  expect(r.status).toBe(201);
  return r.json.id as string;
};

describe('public and local routes', () => {
  it('answers /health and publishes the OpenAPI document', async () => {
    expect((await http.call('GET', '/health')).json).toEqual({ status: 'ok' });
    const doc = await http.call('GET', '/v1/openapi.json');
    expect(doc.json.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json.paths)).toContain('/v1/dossiers/{id}');
  });

  it('refuses a bad token request and a bad clock advance with 400', async () => {
    expect((await http.call('POST', '/_local/token', { body: { role: 'wizard', sub: 'x' } })).status).toBe(400);
    expect((await http.call('POST', '/_local/token', { body: { role: 'candidate', sub: 'x' } })).status).toBe(400);
    const clock = await http.call('POST', '/_local/clock', { body: { advance: 'soon' } });
    expect(clock.status).toBe(400);
    expect(clock.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('companies', () => {
  it('registers a company once, mails its representatives, and refuses a duplicate', async () => {
    const body = companyBody(siret(1), 'dup');
    expect((await http.call('POST', '/v1/companies', { token: admin, body })).status).toBe(201);
    const again = await http.call('POST', '/v1/companies', { token: admin, body: { ...body, name: 'Autre nom' } });
    expect(again.status).toBe(409);
    const mail = await http.call('GET', '/_local/mail?to=contact-dup@example.fr');
    expect(mail.json.items).toHaveLength(1);
    expect(mail.json.items[0].to).toEqual(expect.arrayContaining(['contact-dup@example.fr', 'rep-dup@example.fr']));
  });

  it.each([
    ['invalid SIRET', { ...companyBody('73282932000075') }, 400],
    ['both SIRET and VAT', { ...companyBody(siret(2)), vatNumber: 'FR40303265045' }, 400],
    ['neither', { ...companyBody(siret(3)), siret: undefined }, 400],
    ['malformed JSON', '{"name":', 400],
    ['unknown field', { ...companyBody(siret(4)), extra: 1 }, 400],
  ])('refuses %s with a problem document', async (_, body, status) => {
    const r = await http.call('POST', '/v1/companies', { token: admin, body });
    expect(r.status).toBe(status);
    expect(r.json).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    });
  });

  it('accepts an intra-EU VAT number instead of a SIRET', async () => {
    const { siret: _, ...rest } = companyBody(siret(5), 'vat');
    expect(
      (await http.call('POST', '/v1/companies', { token: admin, body: { ...rest, vatNumber: 'DE123456789' } })).status,
    ).toBe(201);
  });

  it('needs a token (401) and the admin role (403)', async () => {
    expect((await http.call('POST', '/v1/companies', { body: companyBody(siret(6)) })).status).toBe(401);
    expect((await http.call('POST', '/v1/companies', { token: 'not.a.jwt', body: companyBody(siret(6)) })).status).toBe(
      401,
    );
    const instructor = await http.token({ role: 'instructor', sub: 'i-1' });
    expect((await http.call('POST', '/v1/companies', { token: instructor, body: companyBody(siret(6)) })).status).toBe(
      403,
    );
  });
});

describe('draft dossier', () => {
  it('creates, reads and patches a draft with optimistic locking; other companies see 404', async () => {
    const companyId = await registerCompany(10);
    const candidate = await http.token({ role: 'candidate', sub: 'cand-10', ensId: companyId });
    const created = await http.call('POST', '/v1/dossiers', { token: candidate, body: draftBody() });
    expect(created.status).toBe(201);
    expect(created.json.status).toBe('draft');
    const etag = created.headers.get('etag')!;
    const id = created.json.id as string;

    const read = await http.call('GET', `/v1/dossiers/${id}`, { token: candidate });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id, status: 'draft', companyId, product: { name: 'TéléDoc', version: '1.0.0' } });
    expect(read.json.deadlines).toEqual([
      expect.objectContaining({ kind: 'inactivity_abandonment', legalBasis: expect.stringContaining('5.2') }),
    ]);

    const noIfMatch = await http.call('PATCH', `/v1/dossiers/${id}`, { token: candidate, body: { nie: 'NIE-1' } });
    expect(noIfMatch.status).toBe(428);
    const patched = await http.call('PATCH', `/v1/dossiers/${id}`, {
      token: candidate,
      body: { nie: 'NIE-1' },
      headers: { 'if-match': etag },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.nie).toBe('NIE-1');
    const stale = await http.call('PATCH', `/v1/dossiers/${id}`, {
      token: candidate,
      body: { nil: 'NIL-1' },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    const bad = await http.call('PATCH', `/v1/dossiers/${id}`, {
      token: candidate,
      body: { profiles: ['astrology'] },
      headers: { 'if-match': patched.headers.get('etag')! },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toContain('profiles');

    const otherCompany = await registerCompany(11);
    const stranger = await http.token({ role: 'candidate', sub: 'cand-11', ensId: otherCompany });
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: stranger })).status).toBe(404);
    expect(
      (
        await http.call('PATCH', `/v1/dossiers/${id}`, {
          token: stranger,
          body: { nie: 'X' },
          headers: { 'if-match': '"2"' },
        })
      ).status,
    ).toBe(404);
    expect((await http.call('GET', '/v1/dossiers/unknown-id', { token: candidate })).status).toBe(404);
    const instructor = await http.token({ role: 'instructor', sub: 'i-2' });
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: instructor })).status).toBe(200);
    expect((await http.call('POST', '/v1/dossiers', { token: instructor, body: draftBody() })).status).toBe(403);
  });

  it('abandons an idle draft at its legal instant, not a day before, and mails the company', async () => {
    const companyId = await registerCompany(20);
    const candidate = await http.token({ role: 'candidate', sub: 'cand-20', ensId: companyId });
    const id = (await http.call('POST', '/v1/dossiers', { token: candidate, body: draftBody('Idle') })).json
      .id as string;
    const dueAt = new Date(
      (await http.call('GET', `/v1/dossiers/${id}`, { token: candidate })).json.deadlines[0].dueAt,
    );
    // moves relative to the due instant itself: counting 24-hour days would cross a DST change
    // (a 23-hour day in March) and land half an hour short of it
    await http.call('POST', '/_local/clock', { body: { to: new Date(dueAt.getTime() - 86_400_000).toISOString() } });
    const before = await http.call('GET', `/v1/dossiers/${id}`, {
      token: await http.token({ role: 'instructor', sub: 'i' }),
    });
    expect(before.json.status).toBe('draft');

    await http.call('POST', '/_local/clock', { body: { to: new Date(dueAt.getTime() + WAKE_SLACK_MS).toISOString() } });
    const after = await http.call('GET', `/v1/dossiers/${id}`, {
      token: await http.token({ role: 'instructor', sub: 'i' }),
    });
    expect(after.json.status).toBe('abandoned');
    expect(new Date(after.json.closedAt).getTime()).toBeGreaterThan(dueAt.getTime());
    expect(new Date(after.json.closedAt).getTime() - dueAt.getTime()).toBeLessThan(5_000);
    const mail = await http.call('GET', '/_local/mail?to=contact-c20@example.fr');
    expect(mail.json.items.map((m: { subject: string }) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('Candidature abandonnée')]),
    );
  });

  it('keeps a touched draft alive: every candidate change restarts the clock', async () => {
    const companyId = await registerCompany(30);
    let candidate = await http.token({ role: 'candidate', sub: 'cand-30', ensId: companyId });
    const created = await http.call('POST', '/v1/dossiers', { token: candidate, body: draftBody('Busy') });
    await http.call('POST', '/_local/clock', { body: { advance: 'P5M' } });
    candidate = await http.token({ role: 'candidate', sub: 'cand-30', ensId: companyId });
    const patched = await http.call('PATCH', `/v1/dossiers/${created.json.id}`, {
      token: candidate,
      body: { commitment: true },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(patched.status).toBe(200);
    await http.call('POST', '/_local/clock', { body: { advance: 'P2M' } });
    candidate = await http.token({ role: 'candidate', sub: 'cand-30', ensId: companyId });
    expect((await http.call('GET', `/v1/dossiers/${created.json.id}`, { token: candidate })).json.status).toBe('draft');
  });
});

describe('restart', () => {
  it('keeps data, the virtual date and the waiting executions across a restart', async () => {
    const companyId = await registerCompany(40);
    const candidate = await http.token({ role: 'candidate', sub: 'cand-40', ensId: companyId });
    const id = (await http.call('POST', '/v1/dossiers', { token: candidate, body: draftBody('Survivor') })).json
      .id as string;
    const { now: before } = (await http.call('GET', '/_local/clock')).json;

    stack = await stack.restart();
    http = api(stack.url);
    admin = await http.token({ role: 'admin', sub: 'support-1' });
    const { now: after } = (await http.call('GET', '/_local/clock')).json;
    expect(new Date(after).getTime()).toBeGreaterThanOrEqual(new Date(before).getTime());
    const engine = (await http.call('GET', '/_local/workflow')).json as { waiting: { dossierId: string }[] };
    expect(engine.waiting.map((w) => w.dossierId)).toContain(id);

    await http.call('POST', '/_local/clock', { body: { advance: 'P7M' } });
    const instructor = await http.token({ role: 'instructor', sub: 'i' });
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: instructor })).json.status).toBe('abandoned');
  }, 120_000);
});
