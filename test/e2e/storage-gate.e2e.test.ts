import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/services';
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
let bucket = '';
useLocalStack((ctx) => {
  ({ http, t } = ctx);
  storage = ctx.stack.endpoints.s3;
  bucket = ctx.stack.buckets.evidence;
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

  it('keeps a multipart upload’s parts as S3 does: each with its checksum, listed, assembled only as sent', async () => {
    const s3 = new S3Client({
      endpoint: storage,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const Key = 'dossiers/gate-test/proof/multipart';
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { name: string }) => e.name,
      );
    const digest = (b: Buffer) => createHash('sha256').update(b).digest('base64');
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key, ChecksumAlgorithm: 'SHA256' }),
    );
    const small = Buffer.alloc(1024, 1);
    const last = Buffer.alloc(10, 2);
    const part = (PartNumber: number, Body: Buffer, ChecksumSHA256?: string) =>
      s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber, Body, ChecksumSHA256 }));
    // the upload was opened with SHA-256: a part without it, or with another, is refused
    expect(await code(part(1, small))).toBe('InvalidRequest');
    expect(await code(part(1, small, digest(last)))).toBe('BadDigest');
    const one = await part(1, small, digest(small));
    const two = await part(2, last, digest(last));
    const listed = await s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId }));
    expect(listed.Parts?.map((p) => [p.PartNumber, p.Size, p.ChecksumSHA256])).toEqual([
      [1, 1024, digest(small)],
      [2, 10, digest(last)],
    ]);
    const complete = (Parts: { PartNumber: number; ETag?: string; ChecksumSHA256?: string }[]) =>
      code(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts } })));
    const p1 = { PartNumber: 1, ETag: one.ETag, ChecksumSHA256: digest(small) };
    const p2 = { PartNumber: 2, ETag: two.ETag, ChecksumSHA256: digest(last) };
    expect(await complete([p2, p1])).toBe('InvalidPartOrder');
    expect(await complete([p1, { ...p2, ETag: one.ETag }])).toBe('InvalidPart');
    expect(await complete([p1, { ...p2, ChecksumSHA256: undefined }])).toBe('InvalidPart');
    expect(await complete([p1, p2])).toBe('EntityTooSmall'); // 1 KiB is no last part
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key, UploadId }));
    expect(await code(s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId })))).toBe('NoSuchUpload');
    expect(await code(part(3, last, digest(last)))).toBe('NoSuchUpload');
    s3.destroy();
  });
});
