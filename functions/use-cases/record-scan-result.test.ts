import { describe, expect, it } from 'vitest';
import { admissibleDossier, depositFile } from '../../test/support/use-case-journey';
import { recordScanResult } from './record-scan-result';

describe('recording a malware scan result', () => {
  it('stores the verdict on its upload, once, journaled; an unknown verdict counts as a failed scan', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 191);
    const { uploadId } = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'INS-01' });
    const upload = (await w.deps.dossiers.getUpload(w.id, uploadId))!;
    expect(await recordScanResult(w.deps, upload.store, upload.key, 'NO_THREATS_FOUND')).toBe('NO_THREATS_FOUND');
    expect(await recordScanResult(w.deps, upload.store, upload.key, 'NO_THREATS_FOUND')).toBe('ignored');
    expect((await w.deps.dossiers.getUpload(w.id, uploadId))!.scan?.status).toBe('NO_THREATS_FOUND');
    expect(await recordScanResult(w.deps, upload.store, upload.key, 'SOMETHING_NEW')).toBe('FAILED');
    const events = (await w.deps.dossiers.journal(w.id)).filter((e) => e.type === 'upload_scanned');
    expect(events.map((e) => e.data?.scan)).toEqual(['NO_THREATS_FOUND', 'FAILED']);
  });

  it('ignores a key that names no upload, or the wrong bucket', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 192);
    const { uploadId } = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'INS-01' });
    const upload = (await w.deps.dossiers.getUpload(w.id, uploadId))!;
    expect(await recordScanResult(w.deps, upload.store, 'not/a/key', 'THREATS_FOUND')).toBe('ignored');
    expect(await recordScanResult(w.deps, 'sensitive', upload.key, 'THREATS_FOUND')).toBe('ignored');
  });
});
