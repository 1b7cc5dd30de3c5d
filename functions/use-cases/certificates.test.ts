import { describe, expect, it } from 'vitest';
import {
  admissibleDossier,
  admissibleDossierIn,
  callers,
  certifiedBySilence,
  completeFile,
} from '../../test/support/use-case-journey';
import { completeInstruction } from './decisions';
import { certificateKey } from '../domain/certificate';
import { ConflictError, NotFoundError } from '../domain/errors';
import { formalNotice, terminateCertificate } from './certificate-life';
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
    // in French: the status and how it was granted in words, the instant in Paris time
    expect(csv.split('\r\n')[0]).toContain('Numéro;Statut;Produit');
    expect(csv.split('\r\n')[1]).toMatch(/;Valide;.*;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};Acceptation tacite;/);
    expect(csv).not.toMatch(/tacit_acceptance|;valid;/);
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

  it('never publishes a formal notice, and lists ended certificates only when asked', async () => {
    const w = await certifiedBySilence(144);
    const respondBy = new Date(w.clock.now().getTime() + 30 * 86_400_000).toISOString();
    await formalNotice(w.deps, callers.instructor, w.number, { nonConformities: ['INS'], respondBy });
    expect((await w.deps.certificates.get(w.number))!.status).toBe('formal_notice');
    expect((await verifyCertificate(w.deps, w.number)).status).toBe('valid');
    expect((await publishedCertificates(w.deps, 10)).items.map((c) => [c.number, c.status])).toEqual([
      [w.number, 'valid'],
    ]);
    await terminateCertificate(w.deps, callers.instructor, w.number, {
      ground: 'by_operation_of_law',
      reasons: ['cessation d’activité'],
    });
    expect((await publishedCertificates(w.deps, 10)).items).toEqual([]);
    expect((await publishedCertificates(w.deps, 10, undefined, 'terminated')).items.map((c) => c.status)).toEqual([
      'terminated',
    ]);
    expect((await publishedCertificates(w.deps, 10, undefined, 'withdrawn')).items).toEqual([]);
  });

  it('orders the collège’s agenda by decision deadline and names the last session in time for each', async () => {
    // A's file is complete first (earlier deadline) but reaches the collège after B
    const a = await admissibleDossier('2027-03-01T09:00:00Z', 145);
    await completeFile(a.deps, a.candidate, a.id);
    a.clock.set('2027-03-08T09:00:00Z');
    const b = await admissibleDossierIn(a, 146);
    await completeFile(a.deps, b.candidate, b.id);
    const unfavourable = { outcome: 'unfavourable' as const, nonConformities: ['x'] };
    await completeInstruction(a.deps, callers.instructor, b.id, unfavourable);
    a.clock.set('2027-03-09T09:00:00Z');
    await completeInstruction(a.deps, callers.instructor, a.id, unfavourable);
    const agenda = await collegeAgenda(a.deps, callers.college, 10);
    expect(agenda.session).toBe('2027-03-11');
    expect(agenda.items.map((i) => i.dossierId)).toEqual([a.id, b.id]);
    expect(agenda.items[0]).toMatchObject({
      decisionDueAt: '2027-09-01T21:59:59.999Z',
      lastSessionBefore: '2027-08-26',
    });
    expect(agenda.items[1]).toMatchObject({
      decisionDueAt: '2027-09-08T21:59:59.999Z',
      lastSessionBefore: '2027-09-02',
    });
  });
});
