import { describe, expect, it } from 'vitest';
import type { Certificate } from './certificate';
import {
  decideCertificate,
  giveNonRenewalNotice,
  renewalApplication,
  renewalPending,
  renewalView,
} from './certificate-life';
import { isMember } from './upload';
import { submissionErrors } from './submission';
import { isPubliclyListed, publicListingChange } from './public-candidature';
import { infoRequestDeadline, runningClocks } from './clocks';
import { createDossier, type Dossier } from './dossier';
import {
  isUnreachable,
  issueNotification,
  received,
  receiptsDeemedBy,
  withDeemedReceipts,
  withoutDeemedReceipt,
} from './notifications';
import { appealUntil, deemReceipts, openNotification, recordReceipt } from './dossier-rules/notifications';
import { answerInformationRequest, requestInformation } from './dossier-rules/information-requests';
import { BusinessRuleError, ConflictError } from './errors';
import { defaultCalendarPolicy, parisDate } from './calendar';
import { matrixFor, profileErrors } from './profile-matrix';
import { startDecisionClock } from './decision-clock';

/**
 * Contract v1.2 (issue 22) as pure rules, each case dated; instants in UTC (Paris is UTC+1 in
 * winter, UTC+2 in summer).
 */
const at = (iso: string) => new Date(iso);
const policy = defaultCalendarPolicy;
const instructor = { sub: 'i', roles: ['instructor' as const] };
const candidate = { sub: 'c', roles: ['candidate' as const], ensId: 'co' };

const certificate = (over: Partial<Certificate> = {}): Certificate => ({
  number: 'TLC-2026-000001',
  dossierId: 'd',
  companyId: 'co',
  companyName: 'Acme',
  product: { name: 'P', version: '1' },
  referentialVersion: '1.4.2',
  profiles: ['general'],
  status: 'valid',
  grantedAt: '2025-01-10T10:00:00.000Z',
  grantedBy: 'college',
  withReservations: false,
  updatedAt: '2025-01-10T10:00:00.000Z',
  conventionTermAt: '2030-01-10T22:59:59.999Z',
  renewalRequiredBy: '2026-06-30',
  renewalReason: 'referential 1.5.0',
  ...over,
});

const inInstruction = (): Dossier => ({
  ...createDossier(
    { product: { name: 'P', version: '1' }, useCase: 'teleconsultation_company', profiles: [] },
    'co',
    'c',
    at('2026-01-05T09:00:00Z'),
    'd1',
  ),
  status: 'instruction',
});

/** Request q1 (one missing item), opened by an instructor on Mon 5 Jan 2026 at 10:00 Paris. */
const askedOn5January = (d: Dossier) =>
  requestInformation(d, { requestId: 'q1', missingItems: ['x'] }, instructor, at('2026-01-05T09:00:00Z'), policy);

describe('1 and 9. renewal by application (R.1470-11 « sont tenus de solliciter »)', () => {
  const renewal = (over: Partial<Pick<Dossier, 'id' | 'submittedAt' | 'status' | 'closedAt'>>) => ({
    id: 'r1',
    status: 'admissibility_review' as Dossier['status'],
    submittedAt: '2026-01-05T10:00:00.000Z',
    ...over,
  });

  it('keeps a certificate applied for by the date valid past it, while its renewal is instructed', () => {
    // the audit's case: required by 30 Jun 2026, filed 5 Jan, complete 1 Mar, decided in September
    const c = certificate({ renewalApplication: renewalApplication([renewal({ status: 'instruction' })]) });
    expect(renewalPending(c)).toBe(true);
    expect(decideCertificate(c, at('2026-07-01T00:00:00+02:00')).kind).toBe('none');
    expect(decideCertificate(c, at('2026-09-15T10:00:00Z')).kind).toBe('none');
    expect(renewalView(c)).toEqual({
      requiredBy: '2026-06-30',
      reason: 'new_referential',
      dossierId: 'r1',
      appliedAt: '2026-01-05T10:00:00.000Z',
    });
  });

  it('ends a certificate not applied for at the end of the day required, Paris time', () => {
    const c = certificate();
    expect(decideCertificate(c, at('2026-06-30T21:59:59.999Z')).kind).not.toBe('renewal_expired');
    expect(decideCertificate(c, at('2026-06-30T22:00:00.000Z')).kind).toBe('renewal_expired');
  });

  it('counts a candidature submitted at 23:59 Paris on the last day, not one a minute after midnight', () => {
    const inTime = certificate({
      renewalApplication: renewalApplication([renewal({ submittedAt: '2026-06-30T21:59:00.000Z' })]),
    });
    expect(decideCertificate(inTime, at('2026-07-02T10:00:00Z')).kind).toBe('none');
    const late = certificate({
      renewalApplication: renewalApplication([renewal({ submittedAt: '2026-06-30T22:01:00.000Z' })]),
    });
    expect(decideCertificate(late, at('2026-07-02T10:00:00Z')).kind).toBe('renewal_expired');
  });

  it('ends it when its renewal is refused after the date, naming the dossier', () => {
    const c = certificate({
      renewalApplication: renewalApplication([renewal({ status: 'refused', closedAt: '2026-09-20T14:00:00.000Z' })]),
    });
    expect(decideCertificate(c, at('2026-09-20T14:00:01Z'))).toMatchObject({
      kind: 'renewal_expired',
      application: { dossierId: 'r1', ended: { status: 'refused' } },
    });
  });

  it('lets a holder whose first renewal was inadmissible before the date apply again in time', () => {
    const first = renewal({ id: 'r1', status: 'inadmissible', closedAt: '2026-03-01T10:00:00.000Z' });
    const c = certificate({ renewalApplication: renewalApplication([first]) });
    // before the date the certificate stands; the ended candidature no longer holds it past the date
    expect(decideCertificate(c, at('2026-04-01T10:00:00Z')).kind).not.toBe('renewal_expired');
    expect(renewalPending(c)).toBe(false);
    const again = certificate({
      renewalApplication: renewalApplication([
        first,
        { ...renewal({ submittedAt: '2026-05-02T08:00:00.000Z' }), id: 'r2' },
      ]),
    });
    expect(renewalPending(again)).toBe(true);
    expect(renewalView(again)?.dossierId).toBe('r2');
  });

  it('sends no renewal reminder once applied for', () => {
    const c = certificate({ renewalApplication: renewalApplication([renewal({})]) });
    expect(decideCertificate(c, at('2026-06-20T10:00:00Z')).kind).toBe('none');
    expect(decideCertificate(certificate(), at('2026-06-20T10:00:00Z')).kind).toBe('renewal_reminder');
  });

  it('ignores drafts never submitted', () => {
    expect(renewalApplication([{ id: 'r', status: 'draft' }])).toBeUndefined();
  });
});

describe('2. notifications with a certain date of receipt (R.1470-4 al. 2)', () => {
  it('deems receipt 15 days after the issue, to the millisecond, across the change to summer time', () => {
    const n = issueNotification('decision', 'n1', at('2026-03-20T17:00:00.000Z'), policy);
    // 29 Mar 2026 is the change to summer time: 15 days are calendar days, 18:00 Paris both ends
    expect(n.deemedReceivedAt).toBe('2026-04-04T16:00:00.000Z');
    expect(receiptsDeemedBy([n], at('2026-04-04T15:59:59.999Z'))).toEqual([]);
    expect(receiptsDeemedBy([n], at('2026-04-04T16:00:00.000Z'))).toEqual([n]);
  });

  it('takes RECEIPT_DEEMED_AFTER from the policy', () => {
    const n = issueNotification('info_request', 'n1', at('2026-01-05T09:00:00Z'), {
      ...policy,
      receiptDeemedAfter: 'P7D',
    });
    expect(n.deemedReceivedAt).toBe('2026-01-12T09:00:00.000Z');
  });

  it('keeps the first receipt: an opening after the deemed receipt changes nothing', () => {
    const n = issueNotification('decision', 'n1', at('2026-01-05T09:00:00Z'), policy);
    const deemed = withDeemedReceipts([n], at('2026-02-01T09:00:00Z')).notifications[0]!;
    expect(deemed).toMatchObject({ receipt: 'deemed', receivedAt: '2026-01-20T09:00:00.000Z' });
    expect(received(deemed, 'opened', '2026-02-01T09:00:00.000Z')).toBeNull();
  });

  it('runs the appeal period two months from receipt, to the end of a working day', () => {
    // received Sat 31 Jan 2026 → 31 Mar 2026 is a Tuesday: the end of that day, Paris (UTC+2)
    expect(appealUntil('2026-01-31T10:00:00.000Z', policy)).toBe('2026-03-31T21:59:59.999Z');
    // received 30 Aug 2026 → 30 Oct is a Friday
    expect(appealUntil('2026-08-30T10:00:00.000Z', policy)).toBe('2026-10-30T22:59:59.999Z');
  });

  it('gives an information request 60 days from its opening, and the latest possible before', () => {
    const d = inInstruction();
    const change = askedOn5January(d);
    const latest = change.request.dueAt;
    expect(latest).toBe(infoRequestDeadline(at('2026-01-20T09:00:00Z')).toISOString());
    const opened = openNotification(change.dossier, 'n1', candidate, at('2026-01-07T09:00:00Z'), policy)!;
    expect(opened.dossier.infoRequests![0]!.dueAt).toBe(infoRequestDeadline(at('2026-01-07T09:00:00Z')).toISOString());
    expect(opened.dossier.deadlines.find((x) => x.kind === 'info_request')!.dueAt).toBe(
      opened.dossier.infoRequests![0]!.dueAt,
    );
    expect(openNotification(opened.dossier, 'n1', candidate, at('2026-01-08T09:00:00Z'), policy)).toBeNull();
  });

  it('deems every due receipt at its own instant, however late the wake-up', () => {
    const d = inInstruction();
    const change = askedOn5January(d);
    expect(deemReceipts(change.dossier, at('2026-01-20T08:59:59Z'), policy)).toBeNull();
    const deemed = deemReceipts(change.dossier, at('2026-03-01T00:00:00Z'), policy)!;
    expect(deemed.dossier.notifications![0]).toMatchObject({
      receipt: 'deemed',
      receivedAt: '2026-01-20T09:00:00.000Z',
    });
    expect(deemed.events[0]).toMatchObject({
      type: 'notification_deemed_received',
      data: { receivedAt: '2026-01-20T09:00:00.000Z' },
    });
  });
});

describe('2. an answer proves receipt', () => {
  it('counts an information request as received when the company answers it unopened', () => {
    const d = { ...inInstruction(), status: 'admissibility_review' as const };
    const asked = askedOn5January(d);
    const answered = answerInformationRequest(
      asked.dossier,
      { requestId: 'q1', message: 'voici' },
      candidate,
      at('2026-01-07T10:00:00Z'),
      policy,
    );
    expect(answered.dossier.notifications![0]).toMatchObject({
      receipt: 'opened',
      receivedAt: '2026-01-07T10:00:00.000Z',
    });
    expect(answered.events[0]).toMatchObject({ type: 'notification_received', data: { byAnswer: true } });
  });
});

describe('10. a company no mail reaches is never deemed to have received', () => {
  it('needs both the contact and the legal representative undeliverable', () => {
    expect(isUnreachable([{ role: 'contact' }])).toBe(false);
    expect(isUnreachable([{ role: 'contact' }, { role: 'legal_representative' }])).toBe(true);
  });

  it('lets no information request lapse until ANS records the receipt', () => {
    const d = {
      ...inInstruction(),
      undeliverable: [
        { role: 'contact' as const, kind: 'bounce' as const, at: '2026-01-05T09:00:00Z' },
        { role: 'legal_representative' as const, kind: 'bounce' as const, at: '2026-01-05T09:00:00Z' },
      ],
    };
    const change = askedOn5January(d);
    expect(change.dossier.notifications![0]!.deemedReceivedAt).toBeNull();
    expect(runningClocks(change.dossier).map((c) => c.kind)).not.toContain('info_request');
    expect(() =>
      recordReceipt(
        change.dossier,
        'n1',
        { receivedAt: '2026-01-01T00:00:00Z', means: 'LRAR' },
        instructor,
        at('2026-02-01T00:00:00Z'),
        policy,
      ),
    ).toThrow(BusinessRuleError);
    const recorded = recordReceipt(
      change.dossier,
      'n1',
      { receivedAt: '2026-01-20T10:00:00Z', means: 'LRAR' },
      instructor,
      at('2026-02-01T00:00:00Z'),
      policy,
    )!;
    expect(
      runningClocks(recorded.dossier)
        .find((c) => c.kind === 'info_request')!
        .dueAt.toISOString(),
    ).toBe(infoRequestDeadline(at('2026-01-20T10:00:00Z')).toISOString());
  });

  it('withdraws the deemed receipt of what is still unknown when the bounces arrive, never of what was received', () => {
    const a = issueNotification('info_request', 'n1', at('2026-01-05T09:00:00Z'), policy);
    const b = received(
      issueNotification('decision', 'n2', at('2026-01-01T09:00:00Z'), policy),
      'opened',
      '2026-01-02T09:00:00.000Z',
    )!;
    const [x, y] = withoutDeemedReceipt([a, b]);
    expect(x!.deemedReceivedAt).toBeNull();
    expect(y).toEqual(b);
  });
});

describe('11. obligations with effective dates; the decision period per referential version', () => {
  const facility = ['general', 'identity_consumer', 'identity_referential_insi_card', 'hds_third_party'] as const;
  it('requires e-prescription of a health facility’s system from 1 Jan 2025, Paris, not of a teleconsultation company', () => {
    const matrix = matrixFor('1.4.2');
    expect(profileErrors('health_facility', facility, matrix, '2024-12-31')).toEqual([]);
    expect(profileErrors('health_facility', facility, matrix, '2025-01-01')).toEqual([
      expect.objectContaining({ path: 'profiles', message: expect.stringContaining('e_prescription') }),
    ]);
    expect(profileErrors('health_facility', [...facility, 'e_prescription'], matrix, '2025-01-01')).toEqual([]);
    expect(
      profileErrors(
        'teleconsultation_company',
        ['general', 'identity_referential', 'hds_third_party'],
        matrix,
        '2027-01-01',
      ),
    ).toEqual([]);
    // the day is Paris's: 31 Dec 2024 23:30 Paris is still 2024
    expect(parisDate(at('2024-12-31T22:30:00Z'))).toBe('2024-12-31');
    expect(parisDate(at('2024-12-31T23:00:00Z'))).toBe('2025-01-01');
  });

  it('counts the decision period of the file’s referential version (an arrêté may set a shorter one)', () => {
    const six = startDecisionClock(at('2026-03-02T10:00:00Z'), policy);
    const four = startDecisionClock(at('2026-03-02T10:00:00Z'), policy, 'P4M');
    expect(six.decisionDueAt).toBe('2026-09-02T21:59:59.999Z');
    expect(four.decisionDueAt).toBe('2026-07-02T21:59:59.999Z');
    expect(four.decisionClock.period).toBe('P4M');
  });
});

describe('16. the planned date published, notice against tacit renewal, mandates matched to members', () => {
  it('reminds the company three months and one month before the term, and renews unless notice was given', () => {
    const c = certificate({ renewalRequiredBy: undefined, conventionTermAt: '2030-01-10T22:59:59.999Z' });
    expect(decideCertificate(c, at('2029-10-10T10:00:00Z')).kind).toBe('none');
    expect(decideCertificate(c, at('2029-10-11T10:00:00Z'))).toMatchObject({
      kind: 'term_reminder',
      key: 'term:2030-01-10T22:59:59.999Z:M-3',
    });
    const reminded = { ...c, remindersSent: ['term:2030-01-10T22:59:59.999Z:M-3'] };
    expect(decideCertificate(reminded, at('2029-12-11T10:00:00Z'))).toMatchObject({
      kind: 'term_reminder',
      daysLeft: 31,
    });
    const both = { ...c, remindersSent: ['term:2030-01-10T22:59:59.999Z:M-3', 'term:2030-01-10T22:59:59.999Z:M-1'] };
    expect(decideCertificate(both, at('2030-01-11T00:00:00+01:00')).kind).toBe('renew');
    const noticed = giveNonRenewalNotice(
      c,
      { by: 'u', party: 'company', reasons: ['Produit arrêté'] },
      at('2029-11-01T10:00:00Z'),
    );
    expect(decideCertificate(noticed, at('2029-12-11T10:00:00Z')).kind).toBe('none'); // no reminder once noticed
    expect(decideCertificate(noticed, at('2030-01-11T00:00:00+01:00'))).toMatchObject({ kind: 'not_renewed' });
    expect(() =>
      giveNonRenewalNotice(noticed, { by: 'u', party: 'ans', reasons: ['x'] }, at('2029-11-02T10:00:00Z')),
    ).toThrow(ConflictError);
  });

  it('matches each mandate to the member it names; a mandate naming nobody still counts for one', () => {
    const members = [{ name: 'Clinique des Lilas', siret: '73282932000074' }, { name: 'Centre Santé Nord' }];
    expect(isMember(members[0]!, '732 829 320 00074')).toBe(true);
    expect(isMember(members[1]!, '  centre  santé nord ')).toBe(true);
    expect(isMember(members[1]!, 'Centre Santé Sud')).toBe(false);
    const d = { ...inInstruction(), status: 'draft' as const, group: { members } };
    const mandate = (groupMember?: string) =>
      ({ purpose: 'mandate', status: 'received', ...(groupMember ? { groupMember } : {}) }) as never;
    const doc = { purpose: 'functional_documentation', status: 'received' } as never;
    const mandateErrors = (uploads: never[]) =>
      submissionErrors(d, [doc, ...uploads], matrixFor('1.4.2')).filter((e) => e.message.includes('mandate'));
    // two mandates both from the first member: the second member has none
    expect(mandateErrors([mandate('73282932000074'), mandate('Clinique des Lilas')])[0]!.message).toContain(
      'Centre Santé Nord',
    );
    expect(mandateErrors([mandate('73282932000074'), mandate()])).toEqual([]);
    expect(mandateErrors([mandate(), mandate()])).toEqual([]);
    expect(mandateErrors([mandate()])).toHaveLength(1);
  });

  it('refuses a planned date of a complete file that is already past on the day of submission (Paris)', () => {
    const doc = { purpose: 'functional_documentation', status: 'received' } as never;
    const plannedErrors = (plannedCompleteProofDate: string, now: string) =>
      submissionErrors({ ...inInstruction(), plannedCompleteProofDate }, [doc], matrixFor('1.4.2'), at(now)).filter(
        (e) => e.path === 'plannedCompleteProofDate',
      );
    // 23:30 UTC on 31 Jan is already 1 Feb in Paris: 31 Jan is past, 1 Feb is today
    expect(plannedErrors('2027-01-31', '2027-01-31T23:30:00Z')[0]!.message).toContain('(2027-01-31) is past');
    expect(plannedErrors('2027-02-01', '2027-01-31T23:30:00Z')).toEqual([]);
    expect(plannedErrors('2027-01-31', '2027-01-31T22:30:00Z')).toEqual([]);
    expect(plannedErrors('2027-06-30', '2027-01-31T22:30:00Z')).toEqual([]);
  });

  it('lists a candidature publicly only once submitted, while open, when its company allowed it', () => {
    const d = {
      ...inInstruction(),
      publishPlannedDate: true,
      plannedCompleteProofDate: '2027-06-30',
      submittedAt: '2026-01-05T09:00:00.000Z',
    };
    expect(isPubliclyListed(d)).toBe(true);
    expect(isPubliclyListed({ ...d, publishPlannedDate: false })).toBe(false);
    expect(isPubliclyListed({ ...d, status: 'draft', submittedAt: undefined })).toBe(false);
    expect(isPubliclyListed({ ...d, status: 'refused' })).toBe(false);
    expect(publicListingChange(null, d)).toBe('put');
    expect(publicListingChange(d, { ...d, updatedAt: 'later' })).toBeUndefined();
    expect(publicListingChange(d, { ...d, status: 'college_pending' })).toBe('put');
    expect(publicListingChange(d, { ...d, status: 'withdrawn' })).toBe('remove');
  });
});
