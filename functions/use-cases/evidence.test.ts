import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile, depositFile } from '../../test/support/use-case-journey';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '../domain/errors';
import { downloadUpload, getRequirements, submitSection, withdrawUpload } from './evidence';
import { recordScanResult } from './record-scan-result';
import { recordJournalRequests } from './record-journal-requests';
import { downloadSensitiveEvidence } from './sensitive-evidence';

describe('evidence deposit', () => {
  it('hands in sections only when every requirement is evidenced; the last one makes the file complete', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 171);
    const { sections } = await getRequirements(w.deps, w.candidate, w.id);
    expect(sections.length).toBeGreaterThan(1);
    const first = sections[0]!;
    await expect(submitSection(w.deps, w.candidate, w.id, first.id)).rejects.toThrow(BusinessRuleError);
    await expect(submitSection(w.deps, w.candidate, w.id, 'nope')).rejects.toThrow(NotFoundError);
    const { stored } = await completeFile(w.deps, w.candidate, w.id).then(async () => ({
      stored: (await w.deps.dossiers.get(w.id))!,
    }));
    expect(stored.dossier.status).toBe('instruction');
    // the receipt quotes its own journal event: a certain date of receipt
    expect(stored.dossier.receipt).toMatchObject({ at: '2026-03-02T09:00:00.000Z' });
    const journal = await w.deps.dossiers.journal(w.id);
    const receipt = journal.find((e) => e.type === 'complete_file_acknowledged')!;
    expect(stored.dossier.receipt).toMatchObject({ seq: receipt.seq, hash: receipt.hash });
    expect(w.outbox.templates()).toContain('complete_file_receipt');
    await expect(submitSection(w.deps, w.candidate, w.id, first.id)).rejects.toThrow(ConflictError);
  });

  it('takes a proof back while its section is open, and deletes its object', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 172);
    const { uploadId } = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'INS-01' });
    const upload = (await w.deps.dossiers.getUpload(w.id, uploadId))!;
    const view = await withdrawUpload(w.deps, w.candidate, w.id, uploadId);
    expect(view.status).toBe('withdrawn');
    expect(await w.deps.storage.exists(upload.store, upload.key)).toBe(false);
    await expect(withdrawUpload(w.deps, w.candidate, w.id, uploadId)).rejects.toThrow(NotFoundError);
    // the candidature's documentation cannot be taken back once the candidature is admissible
    const [doc] = (await w.deps.dossiers.getWithUploads(w.id))!.uploads.filter((u) => u.purpose !== 'proof');
    await expect(withdrawUpload(w.deps, w.candidate, w.id, doc!.id)).rejects.toThrow(ConflictError);
  });

  it('opens penetration tests to security reviewers only, and a file to staff once the scan cleared it', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 173);
    const pen = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'PEN-01' });
    await expect(downloadUpload(w.deps, callers.instructor, w.id, pen.uploadId)).rejects.toThrow(ForbiddenError);
    // not even the company reads a penetration-test report back: one copy, to the reviewers
    await expect(downloadUpload(w.deps, w.candidate, w.id, pen.uploadId)).rejects.toThrow(NotFoundError);
    await expect(downloadUpload(w.deps, callers.candidate('other'), w.id, pen.uploadId)).rejects.toThrow(NotFoundError);
    // the reviewers have their own route and function for it, and the general one refuses them too
    await expect(downloadUpload(w.deps, callers.security, w.id, pen.uploadId)).rejects.toThrow(ForbiddenError);
    expect((await downloadSensitiveEvidence(w.deps, callers.security, w.id, pen.uploadId)).url).toBeTruthy();

    const ins = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'INS-01' });
    // the reviewers' route serves sensitive evidence and nothing else
    await expect(downloadSensitiveEvidence(w.deps, callers.security, w.id, ins.uploadId)).rejects.toThrow(
      NotFoundError,
    );
    const upload = (await w.deps.dossiers.getUpload(w.id, ins.uploadId))!;
    await recordScanResult(w.deps, upload.store, upload.key, 'THREATS_FOUND');
    await expect(downloadUpload(w.deps, callers.instructor, w.id, ins.uploadId)).rejects.toThrow(/malware/);
    // the company may still fetch its own file
    expect((await downloadUpload(w.deps, w.candidate, w.id, ins.uploadId)).url).toBeTruthy();
    await recordJournalRequests(w.deps);
    const journal = await w.deps.dossiers.journal(w.id);
    expect(journal.filter((e) => e.type === 'evidence_downloaded').map((e) => e.data)).toEqual([
      { uploadId: pen.uploadId, sensitive: true, requestedAt: expect.any(String) },
      { uploadId: ins.uploadId, sensitive: false, requestedAt: expect.any(String) },
    ]);
  });
});
