import { describe, expect, it } from 'vitest';
import { createDossier, type Dossier } from './dossier';
import { reviewProof } from './dossier-rules/instruction';
import { ConflictError } from './errors';
import type { Upload } from './upload';

/** No verdict on a file the malware scanner has not found clean, where a scanner runs (issue 23). */
describe('a verdict on evidence', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const dossier: Dossier = {
    ...createDossier(
      { product: { name: 'P', version: '1' }, useCase: 'teleconsultation_company', profiles: [] },
      'c',
      'u',
      now,
      'd',
    ),
    status: 'instruction',
  };
  const proof = (scan: Upload['scan']): Upload =>
    ({
      id: 'u1',
      dossierId: 'd',
      purpose: 'proof',
      requirementId: 'INS-01',
      store: 'evidence',
      status: 'received',
      ...(scan ? { scan } : {}),
    }) as Upload;
  const instructor = { sub: 'i', roles: ['instructor' as const] };
  const at = now.toISOString();

  it.each(['pending', 'THREATS_FOUND', 'FAILED'] as const)('is refused while the scan says %s', (status) => {
    expect(() => reviewProof(dossier, proof({ status, at }), { verdict: 'compliant' }, instructor, now)).toThrow(
      ConflictError,
    );
  });

  it.each(['NO_THREATS_FOUND', 'not_scanned'] as const)('is given once the scan says %s', (status) => {
    expect(reviewProof(dossier, proof({ status, at }), { verdict: 'compliant' }, instructor, now).review.verdict).toBe(
      'compliant',
    );
  });
});
