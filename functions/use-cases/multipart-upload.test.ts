import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers } from '../../test/support/use-case-journey';
import { BusinessRuleError, ConflictError, NotFoundError } from '../domain/errors';
import { MULTIPART_PART_BYTES } from '../domain/upload-rules';
import { completeMultipart, resumeMultipart } from './multipart-upload';
import { receiveUpload } from './receive-upload';
import { requestUpload } from './request-upload';

const digest = (b: Buffer) => createHash('sha256').update(b).digest('base64');
/** A PDF of two parts and a bit: 8 MiB, 8 MiB, 1 KiB. */
const bigPdf = () => {
  const body = Buffer.alloc(2 * MULTIPART_PART_BYTES + 1024, 0x20);
  Buffer.from('%PDF-1.7\n').copy(body);
  return body;
};
const cut = (body: Buffer) => {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += MULTIPART_PART_BYTES)
    parts.push(body.subarray(at, at + MULTIPART_PART_BYTES));
  return parts;
};
const request = (body: Buffer, parts = cut(body).map(digest)) => ({
  purpose: 'proof' as const,
  requirementId: 'INS-01',
  fileName: 'démonstration.pdf',
  contentType: 'application/pdf',
  size: body.length,
  sha256: digest(body),
  parts,
});

describe('a file sent in parts', () => {
  it('grants one PUT per part, resumes with the missing ones only, and lands once completed', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 301);
    const body = bigPdf();
    const grant = await requestUpload(w.deps, w.candidate, w.id, request(body));
    expect(grant).toMatchObject({
      method: 'PUT',
      partSize: MULTIPART_PART_BYTES,
      expiresAt: '2026-03-02T21:00:00.000Z',
    });
    const parts = 'parts' in grant ? grant.parts! : [];
    expect(parts.map((p) => p.partNumber)).toEqual([1, 2, 3]);
    const stored = (await w.deps.dossiers.getUpload(w.id, grant.uploadId))!;
    const storageId = stored.multipart!.storageId;

    // the connection drops after part 1; part 3 arrives with other bytes
    w.storage.landPart(storageId, 1, cut(body)[0]!);
    w.storage.landPart(storageId, 3, Buffer.from('autre chose'));
    const resumed = await resumeMultipart(w.deps, w.candidate, w.id, grant.uploadId);
    expect(resumed.received).toEqual([1]);
    expect(resumed.parts.map((p) => p.partNumber)).toEqual([2, 3]);
    await expect(completeMultipart(w.deps, w.candidate, w.id, grant.uploadId)).rejects.toThrow(
      /parts 2, 3 are missing/,
    );

    w.storage.landPart(storageId, 2, cut(body)[1]!);
    w.storage.landPart(storageId, 3, cut(body)[2]!);
    expect(await completeMultipart(w.deps, w.candidate, w.id, grant.uploadId)).toEqual({
      uploadId: grant.uploadId,
      status: 'pending',
    });
    expect(await w.deps.storage.inspect(stored.store, stored.key)).toMatchObject({
      size: body.length,
      sha256: digest(body),
    });
    // a retried completion (its answer lost) answers the same, and never assembles twice
    expect(await completeMultipart(w.deps, w.candidate, w.id, grant.uploadId)).toMatchObject({ status: 'pending' });
    expect(await receiveUpload(w.deps, stored.store, stored.key)).toBe('received');
    expect(await completeMultipart(w.deps, w.candidate, w.id, grant.uploadId)).toMatchObject({ status: 'received' });
    await expect(resumeMultipart(w.deps, w.candidate, w.id, grant.uploadId)).rejects.toThrow(ConflictError);
  });

  it('sends sensitive evidence in one PUT, even when asked for parts', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 303);
    const grant = await requestUpload(w.deps, w.candidate, w.id, { ...request(bigPdf()), requirementId: 'PEN-01' });
    expect(grant).toMatchObject({
      method: 'PUT',
      url: expect.stringContaining('sensitive'),
      expiresAt: '2026-03-02T09:15:00.000Z',
    });
    expect((await w.deps.dossiers.getUpload(w.id, grant.uploadId))!.multipart).toBeUndefined();
  });

  it('refuses parts that do not cut the file, another company, a single upload and a closed window', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 302);
    const body = bigPdf();
    await expect(requestUpload(w.deps, w.candidate, w.id, request(body, [digest(body), digest(body)]))).rejects.toThrow(
      BusinessRuleError,
    );
    const grant = await requestUpload(w.deps, w.candidate, w.id, request(body));
    await expect(resumeMultipart(w.deps, callers.candidate('other'), w.id, grant.uploadId)).rejects.toThrow(
      NotFoundError,
    );
    const single = await requestUpload(w.deps, w.candidate, w.id, { ...request(body), parts: undefined });
    await expect(completeMultipart(w.deps, w.candidate, w.id, single.uploadId)).rejects.toThrow(NotFoundError);
    w.clock.advance(12 * 3600_000);
    await expect(resumeMultipart(w.deps, w.candidate, w.id, grant.uploadId)).rejects.toThrow(/window has closed/);
    await expect(completeMultipart(w.deps, w.candidate, w.id, grant.uploadId)).rejects.toThrow(/window has closed/);
  });
});
