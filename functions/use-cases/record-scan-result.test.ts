import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { admissibleDossier, depositFile } from '../../test/support/use-case-journey';
import type { InMemoryStorage } from '../adapters/memory/storage';
import { receiveUpload } from './receive-upload';
import { reconcile } from './reconcile';
import { recordScanResult } from './record-scan-result';
import { requestUpload } from './request-upload';

const PDF = Buffer.from('%PDF-1.4\n% preuve\n%%EOF\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('base64');

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

describe('scan results are never lost (issue 23)', () => {
  it('keeps a result that arrives before the object-created check, and the check keeps it', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 193);
    w.deps.malwareScanning = true;
    const grant = await requestUpload(w.deps, w.candidate, w.id, {
      purpose: 'proof',
      requirementId: 'INS-01',
      fileName: 'preuve.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
    });
    const pending = (await w.deps.dossiers.getUpload(w.id, grant.uploadId))!;
    // GuardDuty answers first: the upload is still pending
    expect(await recordScanResult(w.deps, pending.store, pending.key, 'NO_THREATS_FOUND')).toBe('NO_THREATS_FOUND');
    (w.deps.storage as InMemoryStorage).land(pending.store, pending.key, {
      size: PDF.length,
      sha256: sha256(PDF),
      contentType: 'application/pdf',
      body: PDF,
    });
    expect(await receiveUpload(w.deps, pending.store, pending.key)).toBe('received');
    expect((await w.deps.dossiers.getUpload(w.id, grant.uploadId))!.scan?.status).toBe('NO_THREATS_FOUND');
  });

  it('settles, from the object’s tag, a scan whose result event never came', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 194);
    w.deps.malwareScanning = true;
    const { uploadId } = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'INS-01' });
    const upload = (await w.deps.dossiers.getUpload(w.id, uploadId))!;
    expect(upload.scan?.status).toBe('pending');
    w.clock.advance(20 * 60_000);
    // the event was lost; GuardDuty tagged the object
    (w.deps.storage as InMemoryStorage).scanTags.set(`${upload.store}/${upload.key}`, 'NO_THREATS_FOUND');
    const report = await reconcile(w.deps);
    expect(report.scansRecovered).toEqual([uploadId]);
    expect((await w.deps.dossiers.getUpload(w.id, uploadId))!.scan?.status).toBe('NO_THREATS_FOUND');
    expect((await reconcile(w.deps)).scansRecovered).toEqual([]); // settled: nothing left to read
  });
});
