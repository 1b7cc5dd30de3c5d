import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { api, candidatureBody, companyBody, draftBody, siret } from '../support/api-client';
import { tokens } from '../support/journeys';
import { useLocalStack, type TestStack } from '../support/local-stack';
import { settled, upload } from '../support/uploads';

/**
 * Issue 26 over HTTP on the stack `npm start` runs: a company's API client gets a token by the
 * client-credentials grant and acts as a candidate of its company only; revoked, it is refused at
 * once; a webhook on a loopback server receives signed events, retried after a 500 and a timeout.
 */
let stack: TestStack;
let http: ReturnType<typeof api>;
let t: ReturnType<typeof tokens>;
useLocalStack((ctx) => ({ stack, http, t } = ctx), { env: { WEBHOOK_TIMEOUT_MS: '1500' } });

/** A receiver on 127.0.0.1 that answers each request as told (a status, or never: a timeout). */
interface Received {
  headers: Record<string, string>;
  body: string;
}
const received: Received[] = [];
const answers: (number | 'hang')[] = [];
let receiver: Server;
let receiverUrl: string;
beforeAll(async () => {
  receiver = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = answers.shift() ?? 204;
      if (answer === 'hang') return; // never answers: the sender gives up at its timeout
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address() as { port: number };
  receiverUrl = `http://127.0.0.1:${address.port}/hooks/tlc`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

const newCompany = async (seed: number) => {
  const company = await http.call('POST', '/v1/companies', {
    token: await t.admin(),
    body: companyBody(siret(seed), `k${seed}`),
  });
  expect(company.status).toBe(201);
  return company.json.id as string;
};

const clientToken = async (clientId: string, secret: string) => {
  const response = await fetch(`${stack.url}/_local/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  return { status: response.status, json: (await response.json()) as Record<string, string> };
};

const until = async (what: string, done: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('a company’s API client', () => {
  let companyA: string;
  let companyB: string;
  let person: string;
  let client: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    companyA = await newCompany(2601);
    companyB = await newCompany(2602);
    person = await t.candidate(companyA);
    expect((await http.call('POST', '/v1/dossiers', { token: person, body: draftBody('Produit A1') })).status).toBe(
      201,
    );
    const other = await t.candidate(companyB);
    expect((await http.call('POST', '/v1/dossiers', { token: other, body: draftBody('Produit B1') })).status).toBe(201);
    const created = await http.call('POST', `/v1/companies/${companyA}/api-clients`, {
      token: person,
      body: { name: 'Chaîne d’intégration' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    client = created.json;
  });

  it('gets a token by the client-credentials grant, and nothing with a wrong secret or grant', async () => {
    const ok = await clientToken(client.clientId, client.clientSecret);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await clientToken(client.clientId, 'wrong')).json.error).toBe('invalid_client');
    const grant = await fetch(`${stack.url}/_local/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=a&password=b',
    });
    expect(grant.status).toBe(400);
    expect(((await grant.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('lists only its company’s dossiers, files one, and finds another company’s a 404', async () => {
    const token = (await clientToken(client.clientId, client.clientSecret)).json.access_token!;
    const mine = await http.call('GET', '/v1/dossiers', { token });
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((d: { product: { name: string } }) => d.product.name)).toEqual(['Produit A1']);
    const filed = await http.call('POST', '/v1/dossiers', { token, body: draftBody('Produit A2') });
    expect(filed.status).toBe(201);
    const theirs = (await http.call('GET', '/v1/dossiers', { token: await t.candidate(companyB) })).json.items[0].id;
    expect((await http.call('GET', `/v1/dossiers/${theirs}`, { token })).status).toBe(404);
    // the company's own tools are a person's to manage, and another company's are not found
    expect(
      (await http.call('POST', `/v1/companies/${companyA}/api-clients`, { token, body: { name: 'x' } })).status,
    ).toBe(403);
    expect((await http.call('GET', `/v1/companies/${companyB}/api-clients`, { token: person })).status).toBe(404);
    expect(
      (await http.call('GET', `/v1/companies/${companyA}/api-clients`, { token: await t.instructor() })).status,
    ).toBe(403);
  });

  it('is refused at once when revoked: its unexpired token, and any new one', async () => {
    const second = (
      await http.call('POST', `/v1/companies/${companyA}/api-clients`, { token: person, body: { name: 'Qualité' } })
    ).json as { clientId: string; clientSecret: string };
    const token = (await clientToken(second.clientId, second.clientSecret)).json.access_token!;
    expect((await http.call('GET', '/v1/dossiers', { token })).status).toBe(200);
    const revoked = await http.call('DELETE', `/v1/companies/${companyA}/api-clients/${second.clientId}`, {
      token: person,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedAt).toBeDefined();
    const refused = await http.call('GET', '/v1/dossiers', { token });
    expect(refused.status).toBe(401);
    expect(refused.json.code).toBe('api-client-revoked');
    expect((await clientToken(second.clientId, second.clientSecret)).status).toBe(401);
    const listed = await http.call('GET', `/v1/companies/${companyA}/api-clients`, { token: person });
    expect(listed.json.items.map((c: { name: string; revokedAt?: string }) => [c.name, Boolean(c.revokedAt)])).toEqual([
      ['Chaîne d’intégration', false],
      ['Qualité', true],
    ]);
    expect(listed.text).not.toContain(second.clientSecret);
  });

  it('is held to 300 requests a minute, told when to come back', async () => {
    const third = (
      await http.call('POST', `/v1/companies/${companyA}/api-clients`, { token: person, body: { name: 'Rafale' } })
    ).json as { clientId: string; clientSecret: string };
    const token = (await clientToken(third.clientId, third.clientSecret)).json.access_token!;
    // at the start of a minute of the service's clock, so that the window holds the whole burst
    const now = new Date((await http.call('GET', '/_local/clock')).json.now as string);
    const minute = new Date(Math.ceil((now.getTime() + 1) / 60_000) * 60_000);
    await http.call('POST', '/_local/clock', { body: { to: minute.toISOString() } });
    const statuses: number[] = [];
    for (let i = 0; i < 301; i++) statuses.push((await http.call('GET', '/v1/dossiers', { token })).status);
    expect(statuses.slice(0, 300).every((s) => s === 200)).toBe(true);
    const refused = await http.call('GET', '/v1/dossiers', { token });
    expect(refused.status).toBe(429);
    expect(refused.json.code).toBe('api-client-rate');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // a person of the same company is not held by the client's rate
    expect((await http.call('GET', '/v1/dossiers', { token: person })).status).toBe(200);
  }, 60_000);

  it('hears of its dossiers on a signed webhook, retried after a 500 and a timeout, in order', async () => {
    const refusedUrls = ['http://10.0.0.1/in', 'https://169.254.169.254/latest/meta-data', 'ftp://example.org/'];
    for (const url of refusedUrls) {
      const refused = await http.call('POST', `/v1/companies/${companyA}/webhooks`, {
        token: person,
        body: { url, events: ['dossier.status_changed'] },
      });
      expect(refused.status, url).toBe(400);
    }
    const hook = await http.call('POST', `/v1/companies/${companyA}/webhooks`, {
      token: person,
      body: { url: receiverUrl, events: ['dossier.status_changed', 'upload.settled'] },
    });
    expect(hook.status).toBe(201);
    const secret = hook.json.secret as string;

    // the client files, deposits a document and submits: two events, the upload's first
    const token = (await clientToken(client.clientId, client.clientSecret)).json.access_token!;
    const filed = await http.call('POST', '/v1/dossiers', { token, body: candidatureBody('Produit A3') });
    const id = filed.json.id as string;
    answers.push(500, 'hang');
    const doc = await upload(http, token, id, {});
    expect((await settled(http, token, id, doc.grant.json.uploadId)).status).toBe('received');
    const submitted = await http.call('POST', `/v1/dossiers/${id}/submit`, { token });
    expect(submitted.status).toBe(200);

    const log = async () =>
      (await http.call('GET', `/v1/companies/${companyA}/webhooks/${hook.json.id}/deliveries`, { token: person })).json;
    // first attempt: 500; the status change waits behind the upload's event
    await until('the first attempt', () => received.length >= 1);
    await until('its outcome', async () => (await log()).items.some((d: { attempts: unknown[] }) => d.attempts.length));
    expect(received).toHaveLength(1);
    const retryAt = async () =>
      (await log()).items.find((d: { type: string }) => d.type === 'upload.settled').nextAttemptAt as string;
    // the retry is due by the service's clock: move it there, relative to what the log says
    await http.call('POST', '/_local/clock', { body: { to: await retryAt() } });
    await until('the second attempt (a timeout)', async () =>
      (await log()).items.some((d: { attempts: unknown[] }) => d.attempts.length === 2),
    );
    await http.call('POST', '/_local/clock', { body: { to: await retryAt() } });
    await until('both events', () => received.length >= 4);

    const payloads = received.map((r) => {
      // verified the Standard Webhooks way, with the secret shown at subscription
      const payload = new Webhook(secret).verify(r.body, r.headers) as { type: string; data: Record<string, string> };
      return [r.headers['webhook-id'], payload.type, payload.data];
    });
    // the same message three times (same webhook-id), then the next event
    expect(new Set(payloads.slice(0, 3).map((p) => p[0])).size).toBe(1);
    expect(payloads.map((p) => p[1])).toEqual([
      'upload.settled',
      'upload.settled',
      'upload.settled',
      'dossier.status_changed',
    ]);
    expect(payloads[3]![2]).toEqual({ dossierId: id, from: 'draft', to: 'admissibility_review' });
    // nothing personal: ids and statuses only
    for (const r of received) expect(r.body).not.toMatch(/@|Camille|Martin/);

    const delivered = await log();
    const upload0 = delivered.items.find((d: { type: string }) => d.type === 'upload.settled');
    expect(upload0.status).toBe('delivered');
    expect(upload0.attempts.map((a: { status?: number; error?: string }) => a.status ?? a.error)).toEqual([
      500,
      'no answer within 1.5 s',
      204,
    ]);
    // another company reads none of it
    expect(
      (
        await http.call('GET', `/v1/companies/${companyA}/webhooks/${hook.json.id}/deliveries`, {
          token: await t.candidate(companyB),
        })
      ).status,
    ).toBe(404);
    console.log(
      `[webhook] a delivery as received:\n${JSON.stringify({ headers: received[3]!.headers, body: received[3]!.body }, null, 2)}`,
    );
  }, 60_000);

  it('runs the typed client’s example: files, uploads with its checksum, submits, hears the signed events', async () => {
    const example = await http.call('POST', `/v1/companies/${companyA}/api-clients`, {
      token: person,
      body: { name: 'Exemple' },
    });
    const root = path.resolve(import.meta.dirname, '../..');
    const { stdout } = await promisify(execFile)(
      path.join(root, 'node_modules/.bin/tsx'),
      ['clients/typescript/examples/file-a-candidature.ts'],
      {
        cwd: root,
        timeout: 90_000,
        env: {
          ...process.env,
          TLC_BASE_URL: stack.url,
          TLC_CLIENT_ID: example.json.clientId,
          TLC_CLIENT_SECRET: example.json.clientSecret,
        },
      },
    );
    expect(stdout).toMatch(/upload \S+ received/);
    expect(stdout).toMatch(/submitted \(admissibility_review\)/);
    expect(stdout).toMatch(/event upload\.settled .* \(signature verified\)/);
    expect(stdout).toMatch(/event dossier\.status_changed .*"to":"admissibility_review".* \(signature verified\)/);
  }, 120_000);
});
