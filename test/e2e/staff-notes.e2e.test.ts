import { describe, expect, it } from 'vitest';
import { api } from '../support/api-client';
import { submittedDossier, tokens } from '../support/journeys';
import { useLocalStack } from '../support/local-stack';

/** Private notes between ANS staff (issue 25), over HTTP: staff only, never in what the company reads. */
let http: ReturnType<typeof api>;
let t: ReturnType<typeof tokens>;
useLocalStack((ctx) => ({ http, t } = ctx));

describe('private notes between staff', () => {
  it('lets staff write and read them, and never the company', async () => {
    const { id, companyId, candidate } = await submittedDossier(http, 2801);
    const path = `/v1/dossiers/${id}/notes`;
    const added = await http.call('POST', path, {
      token: await t.instructor(),
      body: { body: 'À relancer sur le PCA — 4417' },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({
      dossierId: id,
      by: { role: 'instructor' },
      body: 'À relancer sur le PCA — 4417',
    });
    expect(
      (await http.call('POST', path, { token: await t.security(), body: { body: 'Périmètre du test incomplet' } }))
        .status,
    ).toBe(201);
    const listed = await http.call('GET', path, { token: await t.college() });
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((n: { body: string }) => n.body)).toEqual([
      'À relancer sur le PCA — 4417',
      'Périmètre du test incomplet',
    ]);
    // the company: refused on the notes, and nothing of them anywhere it reads
    expect((await http.call('GET', path, { token: candidate })).status).toBe(403);
    expect((await http.call('POST', path, { token: candidate, body: { body: 'x' } })).status).toBe(403);
    expect((await http.call('GET', path, { token: await t.admin() })).status).toBe(403);
    for (const read of [`/v1/dossiers/${id}`, `/v1/dossiers/${id}/journal`, `/v1/dossiers/${id}/messages`])
      expect((await http.call('GET', read, { token: candidate })).text).not.toContain('4417');
    const mine = await http.call('GET', '/v1/me/data', { token: await t.candidate(companyId) });
    expect(mine.text).not.toContain('4417');
    // bad input: a 400 that changes nothing; an unknown dossier: 404
    expect((await http.call('POST', path, { token: await t.instructor(), body: { body: '' } })).status).toBe(400);
    expect((await http.call('POST', path, { token: await t.instructor(), body: { text: 'x' } })).status).toBe(400);
    expect((await http.call('GET', path, { token: await t.instructor() })).json.items).toHaveLength(2);
    const unknown = `/v1/dossiers/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/notes`;
    expect((await http.call('GET', unknown, { token: await t.instructor() })).status).toBe(404);
  }, 120_000);
});
