import { describe, expect, it } from 'vitest';
import { api } from '../support/api-client';
import * as journey from '../support/journeys';
import { useLocalStack } from '../support/local-stack';
import { pdf, proofGrant, settled } from '../support/uploads';

/**
 * The local S3 is as strict as S3 (issue 23): every tampered presigned request the review tried is
 * refused before the emulator stores anything, an unsigned request is refused, and a link writes
 * its object once.
 */
let http: ReturnType<typeof api>;
let t: ReturnType<typeof journey.tokens>;
let storage = '';
useLocalStack((ctx) => {
  ({ http, t } = ctx);
  storage = ctx.stack.endpoints.s3;
});

const grantFor = async (candidate: string, id: string, file: Buffer, requirementId = 'INS-01') => {
  const grant = await proofGrant(http, candidate, id, requirementId, file);
  expect(grant.status).toBe(201);
  return grant.json as { uploadId: string; url: string; headers: Record<string, string> };
};

describe('the local S3 checks every request as S3 does', () => {
  it('refuses each tampered presigned PUT, stores nothing, then takes the genuine one once', async () => {
    const d = await journey.admissibleDossier(http, 2301, 'company');
    const other = await journey.admissibleDossier(http, 2302, 'company');
    const file = pdf('preuve INS');
    const g = await grantFor(d.candidate, d.id, file);
    const put = (url: string, headers: Record<string, string>, body: Buffer = file) =>
      fetch(url, { method: 'PUT', headers, body });
    const url = new URL(g.url);
    const tampered: [string, Promise<Response>][] = [
      [
        'zeroed signature',
        put(g.url.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${'0'.repeat(64)}`), g.headers),
      ],
      ['no signature', put(`${url.origin}${url.pathname}`, g.headers)],
      ['key of another dossier', put(g.url.replace(d.id, other.id), g.headers)],
      ['longer expiry', put(g.url.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=604800'), g.headers)],
      ['checksum header dropped', put(g.url, { 'content-type': g.headers['content-type']!, 'if-none-match': '*' })],
      ['another content type', put(g.url, { ...g.headers, 'content-type': 'text/html' })],
      ['conditional header dropped', put(g.url, { ...g.headers, 'if-none-match': '' })],
    ];
    for (const [name, response] of tampered) expect((await response).status, name).toBe(403);
    // other bytes than announced: S3 checks the SHA-256 before it stores anything
    const other_bytes = pdf('autre chose, même longueur.');
    expect((await put(g.url, g.headers, Buffer.concat([other_bytes, file]).subarray(0, file.length))).status).toBe(400);
    const listing = await fetch(`${storage}/${url.pathname.split('/')[1]}?list-type=2`);
    expect(listing.status).toBe(403); // an unsigned LIST
    const before = await http.call('GET', `/v1/dossiers/${d.id}`, { token: d.candidate });
    expect(before.json.uploads.find((u: { id: string }) => u.id === g.uploadId).status).toBe('pending');

    expect((await put(g.url, g.headers)).status).toBe(200);
    expect((await settled(http, d.candidate, d.id, g.uploadId)).status).toBe('received');
    // the same link, again: the received file is never overwritten
    expect((await put(g.url, g.headers, file)).status).toBe(412);
  });

  it('removes, and journals, an object a link re-created after its file was withdrawn', async () => {
    const d = await journey.admissibleDossier(http, 2303, 'company');
    const file = pdf('preuve retirée');
    const g = await grantFor(d.candidate, d.id, file);
    expect((await fetch(g.url, { method: 'PUT', headers: g.headers, body: file })).status).toBe(200);
    await settled(http, d.candidate, d.id, g.uploadId);
    expect(
      (await http.call('DELETE', `/v1/dossiers/${d.id}/uploads/${g.uploadId}`, { token: d.candidate })).status,
    ).toBe(200);
    // the link is still within its 15 minutes: the object is re-created, then removed
    expect((await fetch(g.url, { method: 'PUT', headers: g.headers, body: file })).status).toBe(200);
    let types: string[] = [];
    for (let i = 0; i < 50 && !types.includes('stray_object_removed'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      const journal = await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: await t.instructor() });
      types = journal.json.items.map((e: { type: string }) => e.type);
    }
    expect(types).toContain('stray_object_removed');
  });
});
