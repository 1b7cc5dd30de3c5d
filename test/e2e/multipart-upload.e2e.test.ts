import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MULTIPART_PART_BYTES } from '../../functions/domain/upload-rules';
import { api } from '../support/api-client';
import * as journey from '../support/journeys';
import { useLocalStack } from '../support/local-stack';
import { settled } from '../support/uploads';

/**
 * A file above 16 MB sent in parts (S3 multipart, each part presigned with its SHA-256) over the
 * local stack — the gate as strict as S3 — cut off midway, resumed with fresh links for the
 * missing parts only, assembled, and checked whole by the service.
 */
let http: ReturnType<typeof api>;
let t: ReturnType<typeof journey.tokens>;
useLocalStack((ctx) => ({ http, t } = ctx));

const digest = (b: Buffer) => createHash('sha256').update(b).digest('base64');
const cut = (body: Buffer) => {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += MULTIPART_PART_BYTES)
    parts.push(body.subarray(at, at + MULTIPART_PART_BYTES));
  return parts;
};
/** A 17 MiB PDF whose every part differs. */
const bigPdf = () => {
  const body = Buffer.alloc(17 * 1024 * 1024);
  for (let i = 0; i < body.length; i += 4096) body.writeUInt32BE(i, i);
  Buffer.from('%PDF-1.7\n').copy(body);
  return body;
};

/** Asks to send `body` in parts, as the proof of INS-01, announcing `sha256` for the whole file. */
const askInParts = (d: { id: string; candidate: string }, body: Buffer, sha256 = digest(body)) =>
  http.call('POST', `/v1/dossiers/${d.id}/uploads`, {
    token: d.candidate,
    body: {
      purpose: 'proof',
      requirementId: 'INS-01',
      fileName: 'démonstration.pdf',
      contentType: 'application/pdf',
      size: body.length,
      sha256,
      parts: cut(body).map(digest),
    },
  });

interface PartGrant {
  partNumber: number;
  url: string;
  headers: Record<string, string>;
}

describe('a file sent in parts', () => {
  it('survives a cut connection: resumes with the missing parts, lands and is checked whole', async () => {
    const d = await journey.admissibleDossier(http, 2501, 'company');
    const body = bigPdf();
    const parts = cut(body);
    const grant = await askInParts(d, body);
    expect(grant.status).toBe(201);
    expect(grant.json.url).toBeUndefined();
    const grants = grant.json.parts as PartGrant[];
    expect(grants.map((g) => g.partNumber)).toEqual([1, 2, 3]);
    const send = (g: PartGrant, bytes = parts[g.partNumber - 1]!) =>
      fetch(g.url, { method: 'PUT', headers: g.headers, body: bytes });

    // S3's checks on each part: its signed length and its SHA-256
    expect((await send(grants[0]!, parts[2]!)).status).toBe(403); // another length than signed
    const tampered = Buffer.from(parts[0]!);
    tampered[100] = tampered[100]! ^ 1;
    expect((await send(grants[0]!, tampered)).status).toBe(400); // BadDigest
    expect((await send(grants[0]!)).status).toBe(200);
    // the connection drops: parts 2 and 3 never arrive; completing now names them
    const early = await http.call('POST', `/v1/dossiers/${d.id}/uploads/${grant.json.uploadId}/complete`, {
      token: d.candidate,
    });
    expect(early.status).toBe(409);
    expect(early.json.detail).toMatch(/2, 3/);

    // another company cannot see it, nor resume it
    const other = await journey.admissibleDossier(http, 2502, 'company');
    const foreign = await http.call('GET', `/v1/dossiers/${d.id}/uploads/${grant.json.uploadId}/parts`, {
      token: other.candidate,
    });
    expect(foreign.status).toBe(404);

    const resumed = await http.call('GET', `/v1/dossiers/${d.id}/uploads/${grant.json.uploadId}/parts`, {
      token: d.candidate,
    });
    expect(resumed.status).toBe(200);
    expect(resumed.json.received).toEqual([1]);
    const fresh = resumed.json.parts as PartGrant[];
    expect(fresh.map((g) => g.partNumber)).toEqual([2, 3]);
    for (const g of fresh) expect((await send(g)).status).toBe(200);

    const done = await http.call('POST', `/v1/dossiers/${d.id}/uploads/${grant.json.uploadId}/complete`, {
      token: d.candidate,
    });
    expect(done.status).toBe(200);
    expect(done.json).toEqual({ uploadId: grant.json.uploadId, status: 'pending' });
    const landed = await settled(http, d.candidate, d.id, grant.json.uploadId);
    expect(landed).toMatchObject({ status: 'received', size: body.length, sha256: digest(body) });
    // completing again (an answer lost) changes nothing
    const again = await http.call('POST', `/v1/dossiers/${d.id}/uploads/${grant.json.uploadId}/complete`, {
      token: d.candidate,
    });
    expect(again.json).toEqual({ uploadId: grant.json.uploadId, status: 'received' });
  });

  it('rejects a file whose parts each match but whose whole SHA-256 was announced otherwise', async () => {
    const d = await journey.admissibleDossier(http, 2503, 'company');
    const body = bigPdf();
    const parts = cut(body);
    const grant = await askInParts(d, body, digest(Buffer.from('un autre fichier')));
    for (const g of grant.json.parts as PartGrant[])
      expect((await fetch(g.url, { method: 'PUT', headers: g.headers, body: parts[g.partNumber - 1]! })).status).toBe(
        200,
      );
    await http.call('POST', `/v1/dossiers/${d.id}/uploads/${grant.json.uploadId}/complete`, { token: d.candidate });
    expect(await settled(http, d.candidate, d.id, grant.json.uploadId)).toMatchObject({
      status: 'rejected',
      rejectedReason: expect.stringMatching(/SHA-256/),
    });
    void t;
  });
});
