import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, certifiedBySilence, completeFile } from '../../test/support/use-case-journey';
import type { StoredDossier } from '../domain/ports';
import { CERTIFICATE_NUMBER_PATTERN } from '../domain/certificate-number';
import { createRenewalCandidature } from './renewal-candidature';
import { grantCertificate } from './grant-certificate';

/** The stored dossier as the collège's decision finds it: what comes before is tested with each step. */
const readyForCollege = (stored: StoredDossier): StoredDossier => ({
  ...stored,
  dossier: { ...stored.dossier, status: 'college_pending' },
});
const college = { sub: callers.college.sub, role: 'college' };

describe('granting a certificate', () => {
  it('numbers it from the year’s counter and stores the record, the PDF job, the mail and its long clock', async () => {
    const w = await certifiedBySilence(151);
    const certificate = (await w.deps.certificates.get(w.number))!;
    expect(w.number).toMatch(new RegExp(CERTIFICATE_NUMBER_PATTERN));
    expect(w.number.startsWith('TLC-2026-')).toBe(true);
    expect(certificate).toMatchObject({ status: 'valid', grantedBy: 'tacit_acceptance', dossierId: w.id });
    const dossier = (await w.deps.dossiers.get(w.id))!.dossier;
    // silence accepts at the first instant after the period, however late the wake-up
    expect(Date.parse(certificate.grantedAt)).toBe(Date.parse(dossier.decisionDueAt!) + 1);
    expect([...w.documentJobs.messages.values()].map((j) => j.kind)).toContain('certificate');
    expect(w.outbox.templates()).toContain('certificate_granted');
    expect([...w.longClocks.schedules.values()].map((s) => s.certificateNumber)).toEqual([w.number]);
  });

  it('ends the certificate a renewal renews, replaced by the new number', async () => {
    const w = await certifiedBySilence(152);
    const renewal = await createRenewalCandidature(w.deps, w.candidate, w.number, {});
    const stored = (await w.deps.dossiers.get(renewal.dossier.id))!;
    const { certificate } = await grantCertificate(w.deps, readyForCollege(stored), {
      grantedBy: 'college',
      actor: college,
    });
    expect(certificate.number).not.toBe(w.number);
    expect(await w.deps.certificates.get(w.number)).toMatchObject({
      status: 'expired',
      replacedBy: certificate.number,
    });
  });

  it('carries the collège’s reservations on the certificate and the dossier', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 153);
    await completeFile(w.deps, w.candidate, w.id);
    const stored = (await w.deps.dossiers.get(w.id))!;
    const { certificate, saved } = await grantCertificate(w.deps, readyForCollege(stored), {
      grantedBy: 'college',
      reservations: ['journalisation'],
      actor: college,
    });
    expect(certificate).toMatchObject({ withReservations: true, reservations: ['journalisation'] });
    expect(saved.dossier.status).toBe('certified_with_reservations');
  });
});
