import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile, depositFile } from '../../test/support/use-case-journey';
import { getRequirements, submitSection } from './evidence';
import { receiveUpload } from './receive-upload';
import { requestUpload } from './request-upload';
import { reviewProof } from './instruction';

/** The announced bytes land in storage (a small PDF), as a presigned PUT would leave them. */
const landAsAnnounced = (
  w: Awaited<ReturnType<typeof admissibleDossier>>,
  upload: { store: 'evidence' | 'sensitive'; key: string; size: number; sha256: string },
) =>
  w.storage.land(upload.store, upload.key, {
    size: upload.size,
    sha256: upload.sha256,
    contentType: 'application/pdf',
    body: Buffer.from('%PDF-1.4'),
  });

/** The object-created check (API.md [1.1] upload window), over in-memory ports. */
describe('receiving an uploaded object', () => {
  const grant = async (w: Awaited<ReturnType<typeof admissibleDossier>>, requirementId: string) => {
    const g = await requestUpload(w.deps, w.candidate, w.id, {
      purpose: 'proof',
      requirementId,
      fileName: 'p.pdf',
      contentType: 'application/pdf',
      size: 3,
      sha256: 'ungAt/7nSMF4wLCxeFPKbBd7VFl97k7fr7cyg0X6HIo=',
    });
    return (await w.deps.dossiers.getUpload(w.id, g.uploadId))!;
  };

  it('rejects and deletes an object that lands after its section was handed in', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 21);
    const { sections } = await getRequirements(w.deps, w.candidate, w.id);
    const section = sections[0]!;
    for (const r of section.requirements)
      await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: r.id });
    const late = await grant(w, section.requirements[0]!.id);
    await submitSection(w.deps, w.candidate, w.id, section.id);
    landAsAnnounced(w, late);
    expect(await receiveUpload(w.deps, late.store, late.key)).toBe('rejected');
    expect(await w.deps.storage.inspect(late.store, late.key)).toBeNull();
    // a replayed event finds it settled
    expect(await receiveUpload(w.deps, late.store, late.key)).toBe('ignored');
  });

  it('takes new evidence during instruction only after a non-compliant verdict', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 22);
    const { proofs } = await completeFile(w.deps, w.candidate, w.id);
    const [requirementId, uploadId] = Object.entries(proofs).find(([r]) => !r.startsWith('PEN'))!;
    await expect(grant(w, requirementId)).rejects.toThrow(/under review/);
    await reviewProof(w.deps, callers.instructor, w.id, uploadId, { verdict: 'non_compliant', comment: 'flou' });
    const again = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId, text: 'nette' });
    expect(again.outcome).toBe('received');
  });

  it('rejects a mismatching object and records no scanner locally as not_scanned', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 23);
    const { sections } = await getRequirements(w.deps, w.candidate, w.id);
    const upload = await grant(w, sections[0]!.requirements[0]!.id);
    w.storage.land(upload.store, upload.key, { size: 4, sha256: upload.sha256 });
    expect(await receiveUpload(w.deps, upload.store, upload.key)).toBe('rejected');
    const good = await depositFile(w.deps, w.candidate, w.id, {
      purpose: 'proof',
      requirementId: sections[0]!.requirements[0]!.id,
    });
    expect((await w.deps.dossiers.getUpload(w.id, good.uploadId))!.scan?.status).toBe('not_scanned');
  });

  it('applies the legal effects due before it settles: a file that lands after the deadline never revives the dossier', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 24);
    const { sections } = await getRequirements(w.deps, w.candidate, w.id);
    const dueAt = Date.parse((await w.deps.dossiers.get(w.id))!.dossier.deadlines[0]!.dueAt);
    w.clock.set(new Date(dueAt - 5 * 60_000).toISOString());
    const upload = await grant(w, sections[0]!.requirements[0]!.id);
    w.clock.set(new Date(dueAt + 5 * 60_000).toISOString());
    landAsAnnounced(w, upload);
    expect(await receiveUpload(w.deps, upload.store, upload.key)).toBe('rejected');
    const dossier = (await w.deps.dossiers.get(w.id))!.dossier;
    expect(dossier).toMatchObject({ status: 'abandoned', closedAt: new Date(dueAt + 1).toISOString() });
    expect(dossier.deadlines).toEqual([]);
    expect((await w.deps.dossiers.getUpload(w.id, upload.id))!.rejectedReason).toBe('the dossier is abandoned');
  });
});
