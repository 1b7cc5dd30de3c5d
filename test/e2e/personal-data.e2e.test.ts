import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { dossierRetention } from '../../functions/domain/retention-dates';
import { scanTable } from '../../infra/ops/scan-table';
import { api, companyBody, siret } from '../support/api-client';
import { submittedDossier, tokens } from '../support/journeys';
import { useLocalStack, type TestStack } from '../support/local-stack';
import { RETENTION_CATEGORIES } from '../../functions/domain/retention';
import { stackS3, stackTable } from '../support/stack-clients';

/**
 * Issue 27 over HTTP, the parts built so far: the retention published, a person's own data
 * exported (theirs and nothing of anyone else's, the request recorded), and a whole journey whose
 * every log line is scanned for the names, addresses and phones it used.
 */
let stack: TestStack;
let http: ReturnType<typeof api>;
let t: ReturnType<typeof tokens>;
useLocalStack((ctx) => ({ stack, http, t } = ctx), { captureLogs: true });

// people of two companies, with data no log line could contain by chance
const people = {
  rep: {
    firstName: 'Séverine',
    lastName: 'Quillet-Abernathy',
    email: 'severine.quillet@exemple-rgpd.fr',
    phone: '+33 6 11 22 33 44',
  },
  contact: {
    firstName: 'Ludovic',
    lastName: 'Fontanarosa',
    email: 'ludovic.fontanarosa@exemple-rgpd.fr',
    phone: '+33 6 55 66 77 88',
  },
  other: {
    firstName: 'Amandine',
    lastName: 'Vercingetorix',
    email: 'amandine.v@autre-rgpd.fr',
    phone: '+33 7 12 34 56 78',
  },
};

describe('a person’s own data (RGPD)', () => {
  it('publishes who controls the data, for what, and how long each category is kept', async () => {
    const privacy = await http.call('GET', '/v1/public/privacy');
    expect(privacy.status).toBe(200);
    expect(privacy.json.controller.name).toMatch(/Agence du numérique en santé/);
    expect(privacy.json.retention.map((r: { category: string }) => r.category)).toEqual([...RETENTION_CATEGORIES]);
    for (const r of privacy.json.retention) {
      expect(r.period).toMatch(/\b(an|ans|mois|jours)\b/);
      expect(r.basis.length).toBeGreaterThan(10);
    }
  });

  it('exports the caller’s data and nothing of anyone else, and no log line names anyone', async () => {
    const { id, companyId } = await submittedDossier(
      http,
      2701,
      'company',
      {},
      {
        legalRepresentative: people.rep,
        contact: people.contact,
      },
    );
    const other = await submittedDossier(
      http,
      2702,
      'company',
      {},
      { legalRepresentative: people.other, contact: people.other },
    );
    // the representative's own account, with the address Cognito would put in the token
    const rep = await http.token({
      role: 'candidate',
      sub: `cand-${companyId}`,
      ensId: companyId,
      email: people.rep.email,
    });
    const instructor = await t.instructor();
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/messages`, {
          token: rep,
          body: { body: 'Question RGPD de la représentante' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/messages`, {
          token: instructor,
          body: { body: 'Réponse RGPD de l’ANS' },
        })
      ).status,
    ).toBe(201);
    const dossier = (await http.call('GET', `/v1/dossiers/${id}`, { token: instructor })).json;
    const uploadId = dossier.uploads[0].id as string;
    expect(
      (await http.call('GET', `/v1/dossiers/${id}/uploads/${uploadId}/download`, { token: instructor })).status,
    ).toBe(200);
    // a refusal that carries personal data in its body: logged without it
    expect(
      (await http.call('POST', '/v1/companies', { token: await t.admin(), body: companyBody(siret(2701), 'x') }))
        .status,
    ).toBe(409);
    await http.call('POST', '/_local/settle');

    const mine = await http.call('GET', '/v1/me/data', { token: rep });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(mine.json.person).toMatchObject({ sub: `cand-${companyId}`, email: people.rep.email, companyId });
    expect(mine.json.companies).toEqual([
      expect.objectContaining({ id: companyId, as: ['legalRepresentative'], person: people.rep }),
    ]);
    expect(mine.json.dossiers.map((d: { id: string }) => d.id)).toEqual([id]);
    expect(mine.json.messages.map((m: { body: string }) => m.body)).toEqual(['Question RGPD de la représentante']);
    expect(mine.json.acts.map((a: { type: string }) => a.type)).toEqual(
      expect.arrayContaining(['dossier_created', 'dossier_submitted']),
    );
    for (const foreign of [people.contact.email, people.contact.lastName, people.other.email, other.id, 'Réponse RGPD'])
      expect(mine.text).not.toContain(foreign);

    const staff = await http.call('GET', '/v1/me/data', { token: instructor });
    expect(staff.json.companies).toEqual([]);
    expect(staff.json.downloads).toEqual([expect.objectContaining({ dossierId: id, uploadId })]);
    expect(staff.json.messages.map((m: { body: string }) => m.body)).toEqual(['Réponse RGPD de l’ANS']);
    expect(staff.text).not.toContain(people.rep.email);
    // each export is recorded: the second lists the first
    const again = await http.call('GET', '/v1/me/data', { token: rep });
    expect(again.json.requests).toHaveLength(2);

    // the representative corrects her phone; the contact's entry stays; an empty correction is a 400
    const corrected = await http.call('PATCH', '/v1/me/contact', { token: rep, body: { phone: '+33 6 99 88 77 66' } });
    expect(corrected.status).toBe(200);
    expect(corrected.json.items).toEqual([
      { as: 'legalRepresentative', person: { ...people.rep, phone: '+33 6 99 88 77 66' } },
    ]);
    expect((await http.call('PATCH', '/v1/me/contact', { token: rep, body: {} })).status).toBe(400);
    const after = await http.call('GET', '/v1/me/data', { token: rep });
    expect(after.json.companies[0].person.phone).toBe('+33 6 99 88 77 66');
    expect(after.json.requests.map((r: { kind: string }) => r.kind)).toEqual([
      'export',
      'export',
      'rectification',
      'export',
    ]);

    // every line the stack wrote during the journey: ids and statuses, never a name, an address or a phone
    await http.call('POST', '/_local/settle');
    expect(stack.logs.length).toBeGreaterThan(0);
    const needles = [...Object.values(people), { ...people.rep, phone: '+33 6 99 88 77 66' }].flatMap((p) => [
      p.email,
      p.lastName,
      p.phone,
      p.phone.replace(/\s/g, ''),
    ]);
    const leaks = stack.logs.filter((line) => needles.some((n) => line.includes(n)));
    expect(leaks).toEqual([]);
  }, 120_000);

  it('lets ANS support replace a legal representative: the former account is closed, the new one acts', async () => {
    const former = {
      firstName: 'Gaspard',
      lastName: 'Lenormand-Vidal',
      email: 'gaspard.lenormand@exemple-remplacement.fr',
      phone: '+33 6 31 41 59 26',
    };
    const next = {
      firstName: 'Héloïse',
      lastName: 'Duchâtel',
      email: 'heloise.duchatel@exemple-remplacement.fr',
      phone: '+33 6 27 18 28 18',
    };
    const { id, companyId } = await submittedDossier(http, 2704, 'company', {}, { legalRepresentative: former });
    await http.call('POST', '/_local/settle');
    // the former representative's own account, as the invitation opened it
    const formerToken = await http.token({ role: 'candidate', sub: `invited:${former.email}`, ensId: companyId });
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: formerToken })).status).toBe(200);

    const path = `/v1/companies/${companyId}/legal-representative`;
    const body = { legalRepresentative: next, reason: 'Changement de gérant, extrait Kbis joint à la demande' };
    expect((await http.call('PUT', path, { token: formerToken, body })).status).toBe(403);
    expect((await http.call('PUT', path, { token: await t.instructor(), body })).status).toBe(403);
    expect((await http.call('PUT', path, { token: await t.admin(), body: { legalRepresentative: next } })).status).toBe(
      400,
    );
    const replaced = await http.call('PUT', path, { token: await t.admin(), body });
    expect(replaced.status).toBe(200);
    expect(replaced.json.legalRepresentative).toEqual(next);
    const mails = (await http.call('GET', `/_local/mail?to=${former.email}`)).json.items as { subject: string }[];
    expect(mails.map((m) => m.subject)).toContain(`Nouveau représentant légal de Société e2704`);

    // a minute on (the binding a function has seen): the former account is refused, and never bound again
    expect((await http.call('POST', '/_local/clock', { body: { advance: 'PT2M' } })).status).toBe(200);
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: formerToken })).status).toBe(403);
    const again = await http.call('POST', '/_local/token', {
      body: { role: 'candidate', sub: `invited:${former.email}`, ensId: companyId },
    });
    expect(again.status).toBe(409);
    const nextToken = await http.token({
      role: 'candidate',
      sub: `invited:${next.email}`,
      ensId: companyId,
      email: next.email,
    });
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: nextToken })).status).toBe(200);
    const mine = await http.call('GET', '/v1/me/data', { token: nextToken });
    expect(mine.json.companies).toEqual([expect.objectContaining({ id: companyId, as: ['legalRepresentative'] })]);
    expect(mine.text).not.toContain(former.email);
  }, 120_000);

  it('erases a dossier past its retention from every store, tells the company first, and its journal still verifies', async () => {
    const person = {
      firstName: 'Ombeline',
      lastName: 'Garnier-Sorel',
      email: 'ombeline.garnier@exemple-purge.fr',
      phone: '+33 6 24 68 13 57',
    };
    const { id, companyId, candidate } = await submittedDossier(
      http,
      2703,
      'company',
      {},
      { legalRepresentative: person, contact: person },
    );
    const message = 'Notre référente est Mme Ombeline Garnier-Sorel';
    expect(
      (await http.call('POST', `/v1/dossiers/${id}/messages`, { token: candidate, body: { body: message } })).status,
    ).toBe(201);
    expect((await http.call('POST', `/v1/dossiers/${id}/withdraw`, { token: candidate })).status).toBe(200);
    const closed = (await http.call('GET', `/v1/dossiers/${id}`, { token: candidate })).json;
    const retention = dossierRetention(closed)!;
    expect(retention.category).toBe('closed_without_certificate');

    const db = stackTable(stack);
    const s3 = stackS3(stack);
    const objects = async () => {
      const keys: string[] = [];
      for (const bucket of Object.values(stack.buckets)) {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `dossiers/${id}/` }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      }
      return keys;
    };
    /** every item of the table that holds one of the person's data, or the dossier's own text */
    const itemsNaming = async () => {
      const found: string[] = [];
      for await (const item of scanTable(db, { TableName: stack.tableName })) {
        const text = JSON.stringify(item);
        if (
          item.pk === `DOSSIER#${id}` &&
          [person.lastName, message, `cand-${companyId}`].some((n) => text.includes(n))
        )
          found.push(`${String(item.pk)} ${String(item.sk)}`);
      }
      return found;
    };
    expect(await objects()).not.toEqual([]);
    expect(await itemsNaming()).not.toEqual([]);

    // two weeks before: the notice, to the company's addresses
    const to = async (instant: string) =>
      expect((await http.call('POST', '/_local/clock', { body: { to: instant } })).status).toBe(200);
    await to(new Date(Date.parse(retention.noticeAt) + 3_600_000).toISOString());
    const mails = (await http.call('GET', `/_local/mail?to=${person.email}`)).json.items as { subject: string }[];
    expect(mails.map((m) => m.subject)).toContain(`Effacement prochain des données du dossier ${closed.reference}`);
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: await t.candidate(companyId) })).status).toBe(200);

    // the day after: gone from the table, both buckets and every read; the journal still verifies
    await to(new Date(Date.parse(retention.dueAt) + 3_600_000).toISOString());
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: await t.candidate(companyId) })).status).toBe(404);
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: await t.instructor() })).status).toBe(404);
    const listed = (await http.call('GET', '/v1/dossiers', { token: await t.candidate(companyId) })).json.items as {
      id: string;
    }[];
    expect(listed.map((d) => d.id)).not.toContain(id);
    expect(await objects()).toEqual([]);
    expect(await itemsNaming()).toEqual([]);
    // elsewhere in the table only the company's own record, her account's binding to it (the company
    // lives on) and the mail of the last 90 days name her
    // (sent mail expires by the table's TTL, which the local stack applies as DynamoDB does)
    const now = Date.parse((await http.call('GET', '/_local/clock')).json.now as string);
    const elsewhere: string[] = [];
    for await (const item of scanTable(db, { TableName: stack.tableName })) {
      if (!JSON.stringify(item).includes(person.email)) continue;
      const recentMail =
        String(item.pk).startsWith('OUTBOX#') &&
        now - Date.parse((item.message as { createdAt: string }).createdAt) < 90 * 86_400_000;
      const company = item.pk === `COMPANY#${companyId}` || (item.type === 'member' && item.companyId === companyId);
      if (!company && !recentMail) elsewhere.push(`${String(item.pk)} ${String(item.sk)}`);
    }
    expect(elsewhere).toEqual([]);
    const mine = await http.call('GET', '/v1/me/data', { token: await t.candidate(companyId) });
    expect(mine.text).not.toContain(id);
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'infra/ops/journal-verify.ts'], {
      env: {
        ...process.env,
        DYNAMODB_ENDPOINT: stack.endpoints.dynamodb,
        TABLE_NAME: stack.tableName,
        API_URL: stack.url,
      },
    });
    expect(stdout).toContain('every journal is intact');
    expect(stdout).not.toContain('BROKEN');

    // and the stack's lines about it name no one
    const leaks = stack.logs.filter((line) =>
      [person.email, person.lastName, person.phone].some((n) => line.includes(n)),
    );
    expect(leaks).toEqual([]);
  }, 180_000);
});
