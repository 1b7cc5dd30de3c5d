import { describe, expect, it } from 'vitest';
import { scanBlocksStaff, type Upload } from './upload';

const upload = (scan?: Upload['scan']): Upload => ({
  id: 'u',
  dossierId: 'd',
  purpose: 'proof',
  fileName: 'f.zip',
  contentType: 'application/zip',
  size: 1,
  sha256: 'x',
  store: 'evidence',
  key: 'dossiers/d/proof/u',
  status: 'received',
  createdAt: '',
  createdBy: 'c',
  expiresAt: '',
  ...(scan ? { scan } : {}),
});

describe('malware scan gate', () => {
  it('lets staff open a file only once it is found clean (or where no scanner runs, said so)', () => {
    expect(scanBlocksStaff(upload({ status: 'NO_THREATS_FOUND', at: '' }))).toBeNull();
    expect(scanBlocksStaff(upload({ status: 'not_scanned', at: '' }))).toBeNull();
    expect(scanBlocksStaff(upload({ status: 'pending', at: '' }))).toMatch(/being scanned/);
    expect(scanBlocksStaff(upload({ status: 'THREATS_FOUND', at: '' }))).toMatch(/quarantined/);
    for (const status of ['UNSUPPORTED', 'ACCESS_DENIED', 'FAILED'] as const)
      expect(scanBlocksStaff(upload({ status, at: '' }))).toMatch(/could not conclude/);
  });
});
