import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile } from '../../test/support/use-case-journey';
import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
} from '../domain/errors';
import { MAX_PENDING_BYTES, MAX_PENDING_GRANTS } from '../domain/upload';
import { requestUpload } from './request-upload';
import { reviewProof } from './instruction';

const file = (overrides: Record<string, unknown> = {}) => ({
  purpose: 'proof' as const,
  requirementId: 'INS-01',
  fileName: 'preuve.pdf',
  contentType: 'application/pdf',
  size: 10,
  sha256: createHash('sha256').update('x').digest('base64'),
  ...overrides,
});

describe('granting an upload', () => {
  it('signs a PUT for an applicable requirement, to the sensitive bucket for a penetration test', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 181);
    const grant = await requestUpload(w.deps, w.candidate, w.id, file());
    expect(grant).toMatchObject({ method: 'PUT', expiresAt: '2026-03-02T09:15:00.000Z' });
    expect((await w.deps.dossiers.getUpload(w.id, grant.uploadId))!).toMatchObject({
      status: 'pending',
      store: 'evidence',
    });
    const pen = await requestUpload(w.deps, w.candidate, w.id, file({ requirementId: 'PEN-01' }));
    expect((await w.deps.dossiers.getUpload(w.id, pen.uploadId))!.store).toBe('sensitive');
  });

  it('refuses what does not fit, storing nothing', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 182);
    await expect(requestUpload(w.deps, w.candidate, w.id, file({ requirementId: 'NOPE-1' }))).rejects.toThrow(
      BusinessRuleError,
    );
    await expect(requestUpload(w.deps, w.candidate, w.id, file({ size: 10 ** 10 }))).rejects.toThrow(
      PayloadTooLargeError,
    );
    await expect(
      requestUpload(w.deps, w.candidate, w.id, file({ contentType: 'application/x-msdownload' })),
    ).rejects.toThrow(UnsupportedMediaTypeError);
    await expect(requestUpload(w.deps, callers.candidate('other'), w.id, file())).rejects.toThrow(NotFoundError);
    expect((await w.deps.dossiers.getWithUploads(w.id))!.uploads.filter((u) => u.purpose === 'proof')).toEqual([]);
  });

  it('during instruction, takes new evidence only for a requirement judged non-compliant', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 183);
    const { proofs } = await completeFile(w.deps, w.candidate, w.id);
    await expect(requestUpload(w.deps, w.candidate, w.id, file())).rejects.toThrow(ConflictError);
    await reviewProof(w.deps, callers.instructor, w.id, proofs['INS-01']!, {
      verdict: 'non_compliant',
      comment: 'flou',
    });
    expect((await requestUpload(w.deps, w.candidate, w.id, file())).uploadId).toBeTruthy();
  });

  it('caps the grants a dossier has under way, in number and in bytes, until they land or expire (429)', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 185);
    for (let i = 0; i < MAX_PENDING_GRANTS; i++) await requestUpload(w.deps, w.candidate, w.id, file());
    await expect(requestUpload(w.deps, w.candidate, w.id, file())).rejects.toThrow(TooManyRequestsError);
    // their links expire after 15 minutes: the dossier may ask again
    w.clock.advance(15 * 60_000 + 1);
    await requestUpload(w.deps, w.candidate, w.id, file());

    const big = await admissibleDossier('2026-03-02T09:00:00Z', 186);
    const size = 200 * 1024 * 1024;
    for (let i = 0; i < Math.floor(MAX_PENDING_BYTES / size); i++)
      await requestUpload(big.deps, big.candidate, big.id, file({ size }));
    await expect(requestUpload(big.deps, big.candidate, big.id, file({ size }))).rejects.toThrow(/at most/);
  });
});
