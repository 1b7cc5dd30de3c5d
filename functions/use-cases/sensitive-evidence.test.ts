import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile, depositFile } from '../../test/support/use-case-journey';
import { reviewProof } from './instruction';
import { ConflictError, NotFoundError } from '../domain/errors';
import { recordScanResult } from './record-scan-result';
import { recordJournalRequests } from './record-journal-requests';
import { downloadSensitiveEvidence, securityQueue, sensitiveEvidenceView } from './sensitive-evidence';

/** The security reviewer's two routes (issue 23): what a review needs and no more. */
describe('sensitive evidence for the security reviewer', () => {
  it('shows the sensitive requirements with their evidence, and nothing about the company or the thread', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 181);
    await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'PEN-01' });
    await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'INS-01' });
    const view = await sensitiveEvidenceView(w.deps, callers.security, w.id);
    expect(Object.keys(view).sort()).toEqual(['id', 'product', 'referentialVersion', 'sections', 'status']);
    const requirements = view.sections.flatMap((s) => s.requirements);
    expect(requirements.length).toBeGreaterThan(0);
    expect(requirements.every((r) => r.sensitive)).toBe(true);
    expect(requirements.flatMap((r) => r.proofs as { requirementId?: string }[]).map((p) => p.requirementId)).toEqual([
      'PEN-01',
    ]);
    await expect(sensitiveEvidenceView(w.deps, callers.security, 'unknown')).rejects.toThrow(NotFoundError);
  });

  it('links only to a sensitive file the scanner did not find infected, journaled', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 182);
    const pen = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'PEN-01' });
    expect((await downloadSensitiveEvidence(w.deps, callers.security, w.id, pen.uploadId)).url).toBeTruthy();
    const upload = (await w.deps.dossiers.getUpload(w.id, pen.uploadId))!;
    await recordScanResult(w.deps, upload.store, upload.key, 'THREATS_FOUND');
    await expect(downloadSensitiveEvidence(w.deps, callers.security, w.id, pen.uploadId)).rejects.toThrow(
      ConflictError,
    );
    // the read wrote its journal request only; the proof worker chains the event
    expect((await w.deps.dossiers.journal(w.id)).some((e) => e.type === 'evidence_downloaded')).toBe(false);
    expect(await recordJournalRequests(w.deps)).toEqual({ recorded: 1, failed: 0 });
    const journal = await w.deps.dossiers.journal(w.id);
    expect(journal.filter((e) => e.type === 'evidence_downloaded').map((e) => e.data)).toEqual([
      { uploadId: pen.uploadId, sensitive: true, requestedAt: '2026-03-02T09:00:00.000Z' },
    ]);
  });
});

describe('the security reviewers’ queue', () => {
  it('lists each penetration-test proof received and not yet judged, oldest first, until its verdict', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 91);
    const { proofs } = await completeFile(w.deps, w.candidate, w.id);
    const queue = await securityQueue(w.deps, 25);
    expect(queue.items.map((i) => i.requirementId).sort()).toEqual(['PEN-01', 'PEN-02']);
    expect(queue.items[0]).toMatchObject({
      dossierId: w.id,
      dossierStatus: 'instruction',
      product: { name: 'Produit 91' },
    });
    expect(JSON.stringify(queue)).not.toMatch(/@|\+33/); // no contacts
    await reviewProof(w.deps, callers.security, w.id, proofs['PEN-01']!, { verdict: 'compliant' });
    expect((await securityQueue(w.deps, 25)).items.map((i) => i.requirementId)).toEqual(['PEN-02']);
  });
});
