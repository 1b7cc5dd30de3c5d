import { describe, expect, it } from 'vitest';
import { callers, certifiedBySilence } from '../../test/support/use-case-journey';
import { certificateKey } from '../domain/certificate';
import { ConflictError, NotFoundError } from '../domain/errors';
import {
  collegeAgenda,
  downloadCertificate,
  publishedCertificates,
  publishedCertificatesCsv,
  toCsv,
  verifyCertificate,
} from './certificates';

describe('certificates as the public and the holder read them', () => {
  it('verifies a number and lists what is published, without any person in it', async () => {
    const w = await certifiedBySilence(141);
    const view = await verifyCertificate(w.deps, w.number);
    expect(view).toMatchObject({ number: w.number, status: 'valid', grantedBy: 'tacit_acceptance' });
    expect(JSON.stringify(view)).not.toMatch(/@|firstName|lastName/);
    await expect(verifyCertificate(w.deps, 'TLC-1999-9999')).rejects.toThrow(NotFoundError);
    expect((await publishedCertificates(w.deps, 10)).items.map((c) => c.number)).toEqual([w.number]);
    const csv = await publishedCertificatesCsv(w.deps);
    expect(csv.split('\r\n')[1]).toContain(w.number);
  });

  it('guards a spreadsheet against formulas in cells', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['a;b']])).toBe('\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n"a;b"\r\n');
  });

  it('gives the PDF to its holder and staff once rendered, and to nobody else', async () => {
    const w = await certifiedBySilence(142);
    await expect(downloadCertificate(w.deps, w.candidate, w.number)).rejects.toThrow(ConflictError);
    await w.deps.storage.put('evidence', certificateKey(w.id, w.number), Buffer.from('%PDF'), 'application/pdf');
    expect((await downloadCertificate(w.deps, w.candidate, w.number)).url).toBeTruthy();
    expect((await downloadCertificate(w.deps, callers.instructor, w.number)).url).toBeTruthy();
    await expect(downloadCertificate(w.deps, callers.candidate('other'), w.number)).rejects.toThrow(NotFoundError);
  });

  it('dates the collège’s next session on a Thursday', async () => {
    const w = await certifiedBySilence(143);
    w.clock.set('2027-03-01T09:00:00Z'); // a Monday
    expect((await collegeAgenda(w.deps, callers.college, 10)).session).toBe('2027-03-04');
  });
});
