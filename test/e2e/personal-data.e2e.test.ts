import { describe, expect, it } from 'vitest';
import { api, companyBody, siret } from '../support/api-client';
import { submittedDossier, tokens } from '../support/journeys';
import { useLocalStack, type TestStack } from '../support/local-stack';
import { RETENTION_CATEGORIES } from '../../functions/domain/retention';

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
});
