import { describe, expect, it } from 'vitest';
import { legalDeadline, resumedDeadline, timeLeft } from './calendar';
import type { Certificate } from './certificate';
import {
  closeNoticeRemedied,
  decideCertificate,
  exceptionalRegimeEnd,
  issueFormalNotice,
  issueObservationsNotice,
  presentObservations,
  reinstate,
  suspend,
  terminate,
  withdraw,
} from './certificate-life';
import { decideClocks, infoRequestDeadline, runningClocks } from './clocks';
import { pauseDecisionClock, resumeDecisionClock, startDecisionClock } from './decision-clock';
import { createDossier, TRANSITIONS, type Dossier } from './dossier';
import { BusinessRuleError, ConflictError } from './errors';

/**
 * The law at its edges (contract v1.1, DESIGN.md §3): each case is dated, and the expected
 * instants are written out in UTC (Paris is UTC+1 in winter, UTC+2 in summer).
 */

const at = (iso: string) => new Date(iso);

const underInstruction = (receiptAt: string): Dossier => ({
  ...createDossier(
    { product: { name: 'P', version: '1' }, useCase: 'teleconsultation_company', profiles: [] },
    'c',
    'u',
    new Date(receiptAt),
  ),
  status: 'instruction',
  ...startDecisionClock(at(receiptAt)),
});

const decisionDue = (d: Dossier) =>
  runningClocks(d)
    .find((c) => c.kind === 'decision')
    ?.dueAt.toISOString();

describe('information request (R.1470-2)', () => {
  // 20 Feb 2025 + 60 days = Mon 21 Apr 2025, Easter Monday → Tue 22 Apr, 23:59:59.999 Paris (CEST)
  const openedAt = at('2025-02-20T10:00:00Z');
  const dueAt = infoRequestDeadline(openedAt);
  const request = { id: 'r', stage: 'admissibility', missingItems: ['x'], openedBy: 'i', status: 'open' } as const;
  const withRequest: Dossier = {
    ...underInstruction('2025-01-10T10:00:00Z'),
    status: 'admissibility_review',
    infoRequests: [{ ...request, missingItems: ['x'], openedAt: openedAt.toISOString(), dueAt: dueAt.toISOString() }],
  };

  it('is due on the working day after Easter Monday', () => {
    expect(dueAt.toISOString()).toBe('2025-04-22T21:59:59.999Z');
  });

  it('accepts an answer at 23:59:59 on the last day', () => {
    expect(decideClocks(withRequest, at('2025-04-22T21:59:59Z')).expired).toBeUndefined();
  });

  it('abandons the dossier at 00:00:30 the next day', () => {
    expect(decideClocks(withRequest, at('2025-04-22T22:00:30Z')).expired).toMatchObject({
      kind: 'info_request',
      onExpiry: 'abandon',
    });
  });
});

describe('decision clock (R.1470-4)', () => {
  it('clamps a complete file of 31 August to 28 February', () => {
    expect(legalDeadline(at('2026-08-31T10:00:00Z'), { months: 6 }, { extendToWorkingDay: false }).toISOString()).toBe(
      '2027-02-28T22:59:59.999Z',
    );
    // 28 Feb 2027 is a Sunday: the deadline shown moves to Monday 1 March
    expect(decisionDue(underInstruction('2026-08-31T10:00:00Z'))).toBe('2027-03-01T22:59:59.999Z');
  });

  it('stands still during a request and resumes with the time it had left (paused twice)', () => {
    let d = underInstruction('2026-02-02T10:00:00Z'); // raw due Sun 2 Aug 2026 → shown Mon 3 Aug
    expect(decisionDue(d)).toBe('2026-08-03T21:59:59.999Z');
    d = pauseDecisionClock(d, at('2026-03-02T10:00:00Z'), 'info_request');
    expect(decisionDue(d)).toBeUndefined();
    d = resumeDecisionClock(d, at('2026-03-12T10:00:00Z'), 'suspend'); // 10 days
    expect(decisionDue(d)).toBe('2026-08-12T21:59:59.999Z');
    d = pauseDecisionClock(d, at('2026-04-01T08:00:00Z'), 'info_request');
    d = resumeDecisionClock(d, at('2026-04-06T08:00:00Z'), 'suspend'); // 5 more days
    expect(decisionDue(d)).toBe('2026-08-17T21:59:59.999Z');
    expect(d.decisionClock!.pauses).toHaveLength(2);
    expect(d.decisionClock!.pauses.every((p) => p.to)).toBe(true);
  });

  it('does not add an hour or a day for a pause across the last Sunday of March', () => {
    let d = underInstruction('2026-02-02T10:00:00Z');
    // Sat 28 Mar 10:00 CET → Mon 30 Mar 10:00 CEST: two calendar days (47 hours of physical time)
    d = pauseDecisionClock(d, at('2026-03-28T09:00:00Z'), 'info_request');
    d = resumeDecisionClock(d, at('2026-03-30T08:00:00Z'), 'suspend');
    expect(d.decisionClock!.legalDueAt).toBe('2026-08-04T21:59:59.999Z'); // raw: 2 Aug + 2 days
    expect(decisionDue(d)).toBe('2026-08-04T21:59:59.999Z');
  });

  it('measures the pause from the raw instant, not from a deadline already moved to a working day', () => {
    let d = underInstruction('2026-02-02T10:00:00Z'); // raw Sun 2 Aug, shown Mon 3 Aug
    d = pauseDecisionClock(d, at('2026-05-04T08:00:00Z'), 'info_request');
    d = resumeDecisionClock(d, at('2026-05-05T08:00:00Z'), 'suspend'); // one day: raw Mon 3 Aug
    expect(decisionDue(d)).toBe('2026-08-03T21:59:59.999Z');
  });

  it('keeps the time left to the millisecond', () => {
    const left = timeLeft(at('2026-03-01T10:00:00.250Z'), at('2026-03-03T12:30:45.500Z'));
    expect(left).toEqual({ days: 2, milliseconds: 2 * 3600_000 + 30 * 60_000 + 45_250 });
    expect(resumedDeadline(at('2026-03-01T10:00:00.250Z'), left).raw.toISOString()).toBe('2026-03-03T12:30:45.500Z');
  });

  it('restarts in full from the answer when the policy says restart (CRPA L114-5 reading)', () => {
    let d = underInstruction('2026-02-02T10:00:00Z');
    d = pauseDecisionClock(d, at('2026-04-01T08:00:00Z'), 'info_request');
    d = resumeDecisionClock(d, at('2026-04-06T08:00:00Z'), 'restart');
    expect(decisionDue(d)).toBe('2026-10-06T21:59:59.999Z');
  });

  it('never certifies by silence while the convention waits for the company, even for a year', () => {
    const ready = '2026-03-02T10:00:00Z';
    const d: Dossier = {
      ...pauseDecisionClock(underInstruction('2026-02-02T10:00:00Z'), at(ready), 'convention'),
      status: 'convention_pending',
      convention: { generatedAt: ready },
      lastCandidateActivityAt: '2026-01-20T10:00:00Z',
    };
    // v1.2: a complete file is never abandoned by a timer; the signature has its own clock, with
    // monthly reminders and nothing done by itself at its end (an instructor may then close the dossier)
    expect(runningClocks(d).map((c) => c.kind)).toEqual(['convention_signature']);
    expect(decideClocks(d, at('2026-08-30T10:00:00Z')).expired).toBeUndefined(); // decision was due 3 Aug
    expect(decideClocks(d, at('2027-03-02T10:00:00Z')).expired).toBeUndefined(); // a year later: still nothing
    const signature = runningClocks(d)[0]!;
    expect(signature).toMatchObject({ onExpiry: 'none', remind: 'company' });
    expect(signature.dueAt.toISOString()).toBe('2026-09-02T21:59:59.999Z');
    const reminders = decideClocks({ ...d, remindersSent: [] }, at('2026-04-06T10:00:00Z')).reminders;
    expect(reminders.map((r) => r.daysLeft)).toEqual([150]); // the first monthly reminder
    expect(TRANSITIONS.convention_pending).not.toContain('certified');
  });

  it('resumes when the convention is signed, with the time it had left', () => {
    let d = underInstruction('2026-02-02T10:00:00Z');
    d = pauseDecisionClock(d, at('2026-03-02T10:00:00Z'), 'convention');
    d = resumeDecisionClock({ ...d, status: 'college_pending' }, at('2026-03-09T10:00:00Z'), 'suspend');
    expect(decisionDue(d)).toBe('2026-08-10T21:59:59.999Z'); // raw Sun 9 Aug → Mon 10 Aug
  });

  it('owes no decision once the collège has decided (reservations, convention to sign)', () => {
    const d: Dossier = {
      ...underInstruction('2026-02-02T10:00:00Z'),
      status: 'convention_pending',
      decision: {
        outcome: 'certified_with_reservations',
        decidedAt: '2026-03-01T10:00:00Z',
        decidedBy: 'c',
        appeal: '',
      },
      convention: { generatedAt: '2026-03-01T10:00:00Z' },
    };
    expect(runningClocks(d).map((c) => c.kind)).toEqual(['convention_signature']);
  });
});

describe('inadmissibility', () => {
  it('closes the dossier from admissibility review, for good', () => {
    expect(TRANSITIONS.admissibility_review).toContain('inadmissible');
    expect(TRANSITIONS.inadmissible).toEqual([]);
  });
  it('lets instruction always end: an unfavourable report goes to the collège', () => {
    expect(TRANSITIONS.instruction).toContain('college_pending');
    expect(TRANSITIONS.college_pending).toContain('convention_pending');
    expect(TRANSITIONS.convention_pending).toContain('certified_with_reservations');
  });
});

describe('exceptional certificates (arrêté du 9 février 2024)', () => {
  it('end with their regime on its fixed date, Paris time', () => {
    const end = exceptionalRegimeEnd('2024-12-31');
    expect(end.toISOString()).toBe('2024-12-31T22:59:59.999Z');
    expect(at('2026-03-01T10:00:00Z').getTime() > end.getTime()).toBe(true); // a request in 2026 is too late
  });
});

const certificate = (over: Partial<Certificate> = {}): Certificate => ({
  number: 'TLC-2026-000001',
  dossierId: 'd',
  companyId: 'c',
  companyName: 'Acme',
  product: { name: 'P', version: '1' },
  referentialVersion: '1.4.2',
  profiles: ['general'],
  status: 'valid',
  grantedAt: '2026-01-10T10:00:00.000Z',
  grantedBy: 'college',
  withReservations: false,
  updatedAt: '2026-01-10T10:00:00.000Z',
  conventionTermAt: '2031-01-10T22:59:59.999Z',
  ...over,
});

const sanction = { reasons: ['Traits INS non affichés'], by: 'i' };
const noticed = (c: Certificate, id: string, issuedAt: string, respondBy: string) =>
  issueFormalNotice(c, { id, nonConformities: ['x'], respondBy: at(respondBy), by: 'i' }, at(issuedAt));

describe('sanctions follow their procedure (R.1470-9, convention art. 14–16)', () => {
  it('suspends only on a notice open or lapsed and not remedied', () => {
    const c = noticed(certificate(), 'n1', '2026-02-01T10:00:00Z', '2026-03-01T10:00:00Z');
    expect(suspend(c, sanction, at('2026-02-02T10:00:00Z')).status).toBe('suspended');
    const remedied = closeNoticeRemedied(c, at('2026-02-10T10:00:00Z'), 'n1');
    expect(remedied.status).toBe('valid');
    expect(() => suspend(remedied, sanction, at('2026-06-01T10:00:00Z'))).toThrow(ConflictError);
  });

  it('closes the named notice and stays under notice while another is open', () => {
    const one = noticed(certificate(), 'n1', '2026-02-01T10:00:00Z', '2026-03-01T10:00:00Z');
    // the first lapses (stored by the certificate clock), a second is issued
    const lapsed: Certificate = {
      ...one,
      formalNotices: one.formalNotices!.map((n) => ({ ...n, status: 'lapsed' as const })),
    };
    const two = noticed(lapsed, 'n2', '2026-03-05T10:00:00Z', '2026-05-01T10:00:00Z');
    expect(() => closeNoticeRemedied(two, at('2026-03-10T10:00:00Z'))).toThrow(/name the one/);
    const closed = closeNoticeRemedied(two, at('2026-03-10T10:00:00Z'), 'n1');
    expect(closed.status).toBe('formal_notice');
    expect(closed.formalNotices!.map((n) => n.status)).toEqual(['remedied', 'open']);
    expect(() => closeNoticeRemedied(closed, at('2026-03-10T10:00:00Z'), 'n1')).toThrow(ConflictError);
  });

  it('withdraws or terminates as no longer compliant only after a notice lapsed without remedy', () => {
    const c = noticed(certificate(), 'n1', '2026-02-01T10:00:00Z', '2026-03-01T10:00:00Z');
    const fault = { ground: 'fault' as const, faultCase: 'no_longer_compliant' as const, reasons: ['r'], by: 'i' };
    expect(() => terminate(c, fault, at('2026-02-15T10:00:00Z'))).toThrow(/R.1470-9|lapsed/);
    expect(() => withdraw(c, sanction, at('2026-02-15T10:00:00Z'))).toThrow(ConflictError);
    expect(terminate(c, fault, at('2026-03-01T10:00:01Z')).status).toBe('terminated');
    // another fault case needs no notice
    const other = { ...fault, faultCase: 'misuse_of_certificate' as const };
    expect(terminate(certificate(), other, at('2026-02-15T10:00:00Z')).status).toBe('terminated');
  });

  it('terminates for fraud one second after the observations deadline, not one second before', () => {
    const c = issueObservationsNotice(
      certificate(),
      { facts: 'f', respondBy: at('2026-06-01T10:00:00Z'), by: 'i' },
      at('2026-05-01T10:00:00Z'),
    );
    const fraud = { ground: 'fraud' as const, reasons: ['r'], by: 'i' };
    expect(() => terminate(c, fraud, at('2026-06-01T09:59:59Z'))).toThrow(ConflictError);
    expect(() => terminate(c, fraud, at('2026-06-01T10:00:00Z'))).toThrow(ConflictError);
    expect(terminate(c, fraud, at('2026-06-01T10:00:01Z')).status).toBe('terminated');
    expect(() => terminate(certificate(), fraud, at('2026-06-01T10:00:01Z'))).toThrow(ConflictError);
  });

  it('terminates for fraud at once once the observations were presented, and refuses late observations', () => {
    const c = issueObservationsNotice(
      certificate(),
      { facts: 'f', respondBy: at('2026-06-01T10:00:00Z'), by: 'i' },
      at('2026-05-01T10:00:00Z'),
    );
    const heard = presentObservations(c, { text: 'obs', by: 'u' }, at('2026-05-10T10:00:00Z'));
    expect(terminate(heard, { ground: 'fraud', reasons: ['r'], by: 'i' }, at('2026-05-10T10:00:01Z')).status).toBe(
      'terminated',
    );
    expect(() => presentObservations(c, { text: 'late', by: 'u' }, at('2026-06-01T10:00:01Z'))).toThrow(ConflictError);
  });
});

describe('sanctions v1.2: reasons, reasonable time limits, and how long a lapse counts (issue 22 point 4)', () => {
  it('refuses a formal notice or an observations notice shorter than 15 days', () => {
    expect(() => noticed(certificate(), 'n1', '2026-02-01T10:00:00Z', '2026-02-01T10:01:00Z')).toThrow(
      /reasonable: at least P15D/,
    );
    expect(() => noticed(certificate(), 'n1', '2026-02-01T10:00:00Z', '2026-02-16T09:59:59Z')).toThrow(
      BusinessRuleError,
    );
    expect(noticed(certificate(), 'n1', '2026-02-01T10:00:00Z', '2026-02-16T10:00:00Z').status).toBe('formal_notice');
    const observe = (respondBy: string) =>
      issueObservationsNotice(
        certificate(),
        { facts: 'f', respondBy: at(respondBy), by: 'i' },
        at('2026-05-01T10:00:00Z'),
      );
    expect(() => observe('2026-05-01T10:00:01Z')).toThrow(/reasonable/);
    expect(observe('2026-05-16T10:00:00Z').observationsNotice).toBeDefined();
    // a stage may set its own minimum (SANCTION_MIN_NOTICE)
    expect(
      issueFormalNotice(
        certificate(),
        { id: 'n', nonConformities: ['x'], respondBy: at('2026-02-09T10:00:00Z'), by: 'i' },
        at('2026-02-01T10:00:00Z'),
        { extendToWorkingDay: true, sanctionMinNotice: 'P7D' },
      ).status,
    ).toBe('formal_notice');
  });

  it('states the reasons of every sanction', () => {
    const c = noticed(certificate(), 'n1', '2026-02-01T10:00:00Z', '2026-03-01T10:00:00Z');
    expect(() => suspend(c, { reasons: [], by: 'i' }, at('2026-02-02T10:00:00Z'))).toThrow(/states its reasons/);
    const lapsedOn = at('2026-03-02T10:00:00Z');
    expect(withdraw(c, sanction, lapsedOn).ended).toMatchObject({ status: 'withdrawn', reasons: sanction.reasons });
    expect(() => terminate(certificate(), { ground: 'by_operation_of_law', reasons: [], by: 'i' }, lapsedOn)).toThrow(
      BusinessRuleError,
    );
  });

  it('reinstates only once every notice is remedied (R.1470-9: « jusqu’à ce qu’il soit remédié »)', () => {
    const c = noticed(certificate(), 'n1', '2026-02-01T10:00:00Z', '2026-03-01T10:00:00Z');
    const suspended = suspend(c, sanction, at('2026-02-02T10:00:00Z'));
    expect(() => reinstate(suspended, { reasons: [], by: 'i' }, at('2026-02-03T10:00:00Z'))).toThrow(ConflictError);
    const remedied = closeNoticeRemedied(suspended, at('2026-02-10T10:00:00Z'), 'n1');
    expect(remedied.status).toBe('suspended');
    expect(reinstate(remedied, { reasons: [], by: 'i' }, at('2026-02-11T10:00:00Z')).status).toBe('valid');
  });

  it('lets a lapsed notice support a sanction for six months after its lapse, not years later', () => {
    const c = noticed(certificate(), 'n1', '2026-02-01T10:00:00Z', '2026-03-01T10:00:00Z');
    expect(withdraw(c, sanction, at('2026-08-31T10:00:00Z')).status).toBe('withdrawn');
    expect(() => withdraw(c, sanction, at('2026-09-02T10:00:00Z'))).toThrow(/six months after its lapse/);
    expect(() => suspend(c, sanction, at('2028-03-01T10:00:00Z'))).toThrow(ConflictError);
  });
});

describe('renewal obligations (R.1470-11)', () => {
  const flagged = certificate({ renewalRequiredBy: '2027-06-30', renewalReason: 'referential 1.5.0' });

  it('mails two months, fifteen days and three days before the date', () => {
    expect(decideCertificate(flagged, at('2027-04-29T10:00:00Z'))).toMatchObject({ kind: 'none' });
    expect(decideCertificate(flagged, at('2027-04-30T22:00:00Z'))).toMatchObject({
      kind: 'renewal_reminder',
      key: 'renewal:2027-06-30:M-2',
    });
    const sent = { ...flagged, remindersSent: ['renewal:2027-06-30:M-2'] };
    expect(decideCertificate(sent, at('2027-06-16T10:00:00Z'))).toMatchObject({
      kind: 'renewal_reminder',
      key: 'renewal:2027-06-30:J-15',
    });
  });

  it('ends a certificate not replaced at the date, before any tacit renewal carries it further', () => {
    expect(decideCertificate(flagged, at('2027-06-30T21:59:59Z')).kind).not.toBe('renewal_expired');
    expect(decideCertificate(flagged, at('2027-06-30T22:00:00Z'))).toMatchObject({ kind: 'renewal_expired' });
    expect(decideCertificate({ ...flagged, replacedBy: 'TLC-2027-000001' }, at('2027-07-01T10:00:00Z')).kind).toBe(
      'none',
    );
  });

  it('caps a tacit renewal at the renewal date', () => {
    const late = certificate({
      conventionTermAt: '2031-01-10T22:59:59.999Z',
      renewalRequiredBy: '2033-01-31',
      remindersSent: [],
    });
    expect(decideCertificate(late, at('2031-01-11T10:00:00Z'))).toEqual({
      kind: 'renew',
      nextTermAt: at('2033-01-31T22:59:59.999Z'),
    });
  });
});
