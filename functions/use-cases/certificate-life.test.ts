import { describe, expect, it } from 'vitest';
import { callers, certifiedBySilence } from '../../test/support/use-case-journey';
import { ConflictError } from '../domain/errors';
import {
  changeCertificateStatus,
  closeFormalNotice,
  evaluateCertificate,
  flagHoldersForRenewal,
  formalNotice,
  noticeToPresentObservations,
  presentObservations,
  requireRenewal,
  terminateCertificate,
} from './certificate-life';

const DAY = 86_400_000;

const certified = (seed: number) => certifiedBySilence(seed);

describe('the life of a certificate', () => {
  it('suspends only on an unremedied notice, and closes the notice it names', async () => {
    const w = await certified(31);
    const respondBy = new Date(w.clock.now().getTime() + 30 * DAY).toISOString();
    const noticed = await formalNotice(w.deps, callers.instructor, w.number, { nonConformities: ['INS'], respondBy });
    const noticeId = noticed.formalNotices![0]!.id;
    const closed = await closeFormalNotice(w.deps, callers.instructor, w.number, noticeId);
    expect(closed.status).toBe('valid');
    await expect(changeCertificateStatus(w.deps, callers.instructor, w.number, 'suspend', ['INS'])).rejects.toThrow(
      ConflictError,
    );
  });

  it('lapses a notice as a command arrives after its time (legal effects first), then allows withdrawal', async () => {
    const w = await certified(32);
    const respondBy = new Date(w.clock.now().getTime() + 20 * DAY).toISOString();
    await formalNotice(w.deps, callers.instructor, w.number, { nonConformities: ['INS'], respondBy });
    w.clock.advance(21 * DAY);
    const withdrawn = await changeCertificateStatus(w.deps, callers.instructor, w.number, 'withdraw', ['non levée']);
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.formalNotices![0]!.status).toBe('lapsed');
  });

  it('terminates for fraud after the observations, not before', async () => {
    const w = await certified(33);
    const respondBy = new Date(w.clock.now().getTime() + 20 * DAY).toISOString();
    await noticeToPresentObservations(w.deps, callers.instructor, w.number, { facts: 'faux', respondBy });
    const fraud = { ground: 'fraud' as const, reasons: ['fraude'] };
    await expect(terminateCertificate(w.deps, callers.instructor, w.number, fraud)).rejects.toThrow(ConflictError);
    await presentObservations(w.deps, w.candidate, w.number, 'nos observations');
    expect((await terminateCertificate(w.deps, callers.instructor, w.number, fraud)).status).toBe('terminated');
  });

  it('ends a certificate not renewed by the date a new referential sets, after its reminders', async () => {
    const w = await certified(34);
    const by = new Date(w.clock.now().getTime() + 100 * DAY).toISOString().slice(0, 10);
    expect(await flagHoldersForRenewal(w.deps, '1.5.0', by)).toBe(1);
    for (const days of [45, 90, 98]) {
      w.clock.set(new Date(Date.parse(`${by}T12:00:00Z`) - (100 - days) * DAY).toISOString());
      await evaluateCertificate(w.deps, w.number);
    }
    expect(w.outbox.templates().filter((t) => t === 'certificate_renewal_deadline')).toHaveLength(3);
    w.clock.set(`${by}T23:00:00Z`);
    expect((await evaluateCertificate(w.deps, w.number)).status).toBe('expired');
    expect(w.longClocks.schedules.size).toBe(0);
  });

  it('mails a sanction with its reasons and the means of appeal', async () => {
    const w = await certified(35);
    const respondBy = new Date(w.clock.now().getTime() + 20 * DAY).toISOString();
    await formalNotice(w.deps, callers.instructor, w.number, { nonConformities: ['INS'], respondBy });
    const suspended = await changeCertificateStatus(w.deps, callers.instructor, w.number, 'suspend', [
      'Traits INS non affichés',
    ]);
    expect(suspended.acts).toEqual([
      expect.objectContaining({ kind: 'suspended', reasons: ['Traits INS non affichés'] }),
    ]);
    const mail = [...w.outbox.messages.values()].filter((m) => m.template === 'certificate_status_changed').at(-1)!;
    expect(mail.text).toContain('Motifs : Traits INS non affichés.');
    expect(mail.text).toContain('tribunal administratif');
  });

  it('lets ANS require a renewal by a date for a substantial change it found, never granting more time', async () => {
    const w = await certified(36);
    const by = new Date(w.clock.now().getTime() + 90 * DAY).toISOString().slice(0, 10);
    const past = new Date(w.clock.now().getTime() - DAY).toISOString().slice(0, 10);
    const input = { reason: 'substantial_change' as const, details: 'Nouveau module de prescription' };
    await expect(requireRenewal(w.deps, callers.instructor, w.number, { ...input, requiredBy: past })).rejects.toThrow(
      /future/,
    );
    const flagged = await requireRenewal(w.deps, callers.instructor, w.number, { ...input, requiredBy: by });
    expect(flagged).toMatchObject({ renewalRequiredBy: by, renewalReason: 'substantial_change' });
    const later = new Date(w.clock.now().getTime() + 200 * DAY).toISOString().slice(0, 10);
    await expect(requireRenewal(w.deps, callers.instructor, w.number, { ...input, requiredBy: later })).rejects.toThrow(
      ConflictError,
    );
    const mail = [...w.outbox.messages.values()].filter((m) => m.template === 'renewal_required').at(-1)!;
    expect(mail.text).toContain('Nouveau module de prescription');
    // the date passes without a renewal: the certificate ends (legal effects first, at the next command)
    w.clock.set(new Date(Date.parse(`${by}T12:00:00Z`) + 2 * DAY).toISOString());
    await evaluateCertificate(w.deps, w.number);
    expect((await w.deps.certificates.get(w.number))!.status).toBe('expired');
  });
});
