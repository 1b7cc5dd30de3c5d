import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamo/client';
import { verifyAllJournals } from '../../infra/ops/journal-verify';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/services';
import { api, companyBody, draftBody, siret } from '../support/api-client';
import { admissibleDossier, completeFile, tokens } from '../support/journeys';
import { useLocalStack, type TestStack } from '../support/local-stack';
import { pdf, proofGrant, settled, upload } from '../support/uploads';

/** Issue 11 over HTTP: company binding, RFC 9110 If-Match, signed cursors, names, the journal. */
let stack: TestStack;
let http: ReturnType<typeof api>;
let t: ReturnType<typeof tokens>;
useLocalStack((ctx) => ({ stack, http, t } = ctx));

const newCompany = async (seed: number) => {
  const company = await http.call('POST', '/v1/companies', {
    token: await t.admin(),
    body: companyBody(siret(seed), `s${seed}`),
  });
  expect(company.status).toBe(201);
  return company.json.id as string;
};

describe('an account acts for one company only', () => {
  it('never binds an account to a second company', async () => {
    const a = await newCompany(1001);
    const b = await newCompany(1002);
    expect(
      (await http.call('POST', '/_local/token', { body: { role: 'candidate', sub: 'u-1001', ensId: a } })).status,
    ).toBe(200);
    const moved = await http.call('POST', '/_local/token', { body: { role: 'candidate', sub: 'u-1001', ensId: b } });
    expect(moved.status).toBe(409);
  });
});

describe('If-Match (RFC 9110)', () => {
  it('accepts * and the current tag, answers 412 to a well-formed stale tag and 400 to garbage', async () => {
    const candidate = await t.candidate(await newCompany(1010));
    const created = await http.call('POST', '/v1/dossiers', { token: candidate, body: draftBody('Produit IfMatch') });
    const id = created.json.id as string;
    const patch = (ifMatch: string) =>
      http.call('PATCH', `/v1/dossiers/${id}`, {
        token: candidate,
        headers: { 'if-match': ifMatch },
        body: { nie: 'N-1' },
      });
    expect((await patch('*')).status).toBe(200);
    expect((await patch('"1"')).status).toBe(412);
    expect((await patch('"not-ours"')).status).toBe(412);
    expect((await patch('W/"999"')).status).toBe(412);
    expect((await patch('"1", "2"')).status).toBe(200); // version 2 is current
    // RFC 9110 §13.1.1: If-Match compares strongly — the current version, weakly tagged, matches nothing
    expect((await patch('W/"3"')).status).toBe(412);
    expect((await patch('"3"')).status).toBe(200);
    expect((await patch('3')).status).toBe(400);
  });
});

describe('pagination cursors are signed', () => {
  it('refuses a tampered cursor, or one taken from another list, with 400', async () => {
    const companyId = await newCompany(1020);
    const candidate = await t.candidate(companyId);
    for (const name of ['A', 'B', 'C'])
      await http.call('POST', '/v1/dossiers', { token: candidate, body: draftBody(`Produit curseur ${name}`) });
    const first = await http.call('GET', '/v1/dossiers?limit=1', { token: candidate });
    const cursor = first.json.nextCursor as string;
    expect(cursor).toMatch(/\./);
    expect((await http.call('GET', `/v1/dossiers?limit=1&cursor=${cursor}`, { token: candidate })).status).toBe(200);
    const [payload, signature] = cursor.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), gsi1pk: 'COMPANY#other' }),
    ).toString('base64url');
    for (const bad of [`${forged}.${signature}`, `${payload}.${'A'.repeat(22)}`, payload!, 'x'.repeat(30)]) {
      const response = await http.call('GET', `/v1/dossiers?limit=1&cursor=${bad}`, { token: candidate });
      expect(response.status, bad).toBe(400);
    }
    // the same cursor in another company's list
    const other = await t.candidate(await newCompany(1021));
    expect((await http.call('GET', `/v1/dossiers?limit=1&cursor=${cursor}`, { token: other })).status).toBe(400);
  });
});

describe('names shown to others', () => {
  it('refuses broken characters and bidi or invisible controls, and stores names in NFC', async () => {
    const candidate = await t.candidate(await newCompany(1030));
    for (const name of ['Produit \ud800', 'Produit \u202etxt.exe', 'Pro\u200bduit']) {
      const refused = await http.call('POST', '/v1/dossiers', { token: candidate, body: draftBody(name) });
      expect(refused.status, JSON.stringify(name)).toBe(400);
    }
    const decomposed = 'Te\u0301le\u0301Doc';
    const created = await http.call('POST', '/v1/dossiers', { token: candidate, body: draftBody(decomposed) });
    expect(created.status).toBe(201);
    const stored = await http.call('GET', `/v1/dossiers/${created.json.id}`, { token: candidate });
    expect(stored.json.product.name).toBe('TéléDoc'.normalize('NFC'));
  });
});

describe('the journal can be checked by anyone entitled to the dossier', () => {
  it('verifies the chain on every read, quotes the receipt, and reports a tampered event', async () => {
    const d = await admissibleDossier(http, 1040, 'company');
    const { last } = await completeFile(http, d.id, d.candidate);
    const journal = await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: d.candidate });
    expect(journal.status).toBe(200);
    expect(journal.json.verified).toBe(true);
    const receipt = journal.json.items.find((e: { hash: string }) => e.hash === last.json.receipt.hash);
    expect(receipt?.type).toBe('complete_file_acknowledged');
    // staff ids are not shown to candidates
    const byStaff = journal.json.items.find((e: { actor: { role: string } }) => e.actor.role === 'instructor');
    expect(byStaff.actor.sub).toBeUndefined();
    const staffView = await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: await t.instructor() });
    expect(staffView.json.items.find((e: { seq: number }) => e.seq === byStaff.seq).actor.sub).toBe('instructor-1');
    const stranger = await admissibleDossier(http, 1041, 'company');
    expect((await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: stranger.candidate })).status).toBe(404);

    // someone edits an event in the table: the next read says so, and so does journal:verify
    const db = createDocumentClient(
      new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    );
    const before = await verifyAllJournals(db, stack.tableName);
    expect(before.broken).toEqual([]);
    await db.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: `DOSSIER#${d.id}`, sk: `EVENT#${String(2).padStart(8, '0')}` },
        UpdateExpression: 'SET #e.#at = :at',
        ExpressionAttributeNames: { '#e': 'event', '#at': 'at' },
        ExpressionAttributeValues: { ':at': '2020-01-01T00:00:00.000Z' },
      }),
    );
    const tampered = await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: d.candidate });
    expect(tampered.json).toMatchObject({ verified: false, firstBrokenSeq: 2 });
    const after = await verifyAllJournals(db, stack.tableName);
    expect(after.broken).toEqual([{ dossierId: d.id, seq: 2, reason: 'event does not match the chain' }]);
    expect(after.dossiers).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

describe('uploads land within their window (API.md [1.1])', () => {
  const grantOnly = (token: string, id: string, requirementId: string, file: Buffer) =>
    proofGrant(http, token, id, requirementId, file);
  const put = (grant: { json: { url: string; method: string; headers: Record<string, string> } }, file: Buffer) =>
    fetch(grant.json.url, { method: grant.json.method, headers: grant.json.headers, body: file });

  it('rejects and deletes an object that arrives after its section was handed in', async () => {
    const d = await admissibleDossier(http, 1050, 'company');
    const requirements = await http.call('GET', `/v1/dossiers/${d.id}/requirements`, { token: d.candidate });
    const section = requirements.json.sections[0];
    for (const requirement of section.requirements) {
      const { grant } = await upload(http, d.candidate, d.id, {
        purpose: 'proof',
        requirementId: requirement.id,
        file: pdf(`preuve ${requirement.id}`),
      });
      expect((await settled(http, d.candidate, d.id, grant.json.uploadId)).status).toBe('received');
    }
    // no scanner runs locally: the status says so, never "clean"
    const first = (await http.call('GET', `/v1/dossiers/${d.id}`, { token: d.candidate })).json.uploads.find(
      (u: { purpose: string }) => u.purpose === 'proof',
    );
    expect(first.scan.status).toBe('not_scanned');
    const late = pdf('arrivée tardive');
    const grant = await grantOnly(d.candidate, d.id, section.requirements[0].id, late);
    expect(grant.status).toBe(201);
    expect(
      (await http.call('POST', `/v1/dossiers/${d.id}/sections/${section.id}/submit`, { token: d.candidate })).status,
    ).toBe(200);
    expect((await put(grant, late)).status).toBe(200); // storage takes it: the signature is still valid
    const outcome = await settled(http, d.candidate, d.id, grant.json.uploadId);
    expect(outcome).toMatchObject({ status: 'rejected', rejectedReason: expect.stringContaining('handed in') });
    const download = await http.call('GET', `/v1/dossiers/${d.id}/uploads/${grant.json.uploadId}/download`, {
      token: await t.instructor(),
    });
    expect(download.status).toBe(404);
  }, 120_000);

  it('rejects new evidence for a requirement judged compliant meanwhile', async () => {
    const d = await admissibleDossier(http, 1051, 'company');
    const { proofs } = await completeFile(http, d.id, d.candidate);
    const instructor = await t.instructor();
    const [requirementId, uploadId] = Object.entries(proofs).find(([r]) => !r.startsWith('PEN'))!;
    await http.call('POST', `/v1/dossiers/${d.id}/proofs/${uploadId}/review`, {
      token: instructor,
      body: { verdict: 'non_compliant', comment: 'Illisible' },
    });
    const file = pdf('nouvelle preuve');
    const grant = await grantOnly(d.candidate, d.id, requirementId, file);
    expect(grant.status).toBe(201);
    // before the file arrives, another file for it is received and judged compliant
    const { grant: quick } = await upload(http, d.candidate, d.id, {
      purpose: 'proof',
      requirementId,
      file: pdf('rapide'),
    });
    await settled(http, d.candidate, d.id, quick.json.uploadId);
    await http.call('POST', `/v1/dossiers/${d.id}/proofs/${quick.json.uploadId}/review`, {
      token: instructor,
      body: { verdict: 'compliant' },
    });
    await put(grant, file);
    expect((await settled(http, d.candidate, d.id, grant.json.uploadId)).status).toBe('rejected');
  }, 120_000);
});
