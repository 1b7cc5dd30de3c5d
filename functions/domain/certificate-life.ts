import { DateTime } from './luxon';
import { addIsoDuration, LEGAL_ZONE, legalDeadline, type CalendarPolicy, defaultCalendarPolicy } from './calendar';
import { APPEAL_TEXT } from './decision';
import {
  FAULT_CASES,
  type Certificate,
  type CertificateStatus,
  type FaultCase,
  type RenewalApplication,
  type SanctionAct,
} from './certificate';
export { FAULT_CASES, type CertificateLife, type FaultCase, type FormalNotice } from './certificate';
import { BusinessRuleError, ConflictError } from './errors';
import { CLOCKS } from './legal-periods';
import { CLOSED_WITHOUT_CERTIFICATE, type Dossier } from './dossier-model';

/**
 * The life of a certificate after it is granted (guide §5.4 and chapter 7): the 5-year
 * convention renewed tacitly, formal notice (R.1470-9, at most 6 months), suspension,
 * withdrawal, termination, renewal requests, and the exceptional certificate's fixed expiry.
 */
export const CONVENTION_TERM = CLOCKS.convention_term.period;
export const FORMAL_NOTICE_MAX = CLOCKS.formal_notice.period;

const ENDED: readonly CertificateStatus[] = ['withdrawn', 'terminated', 'expired'];
export const hasEnded = (c: Certificate) => ENDED.includes(c.status);

export const conventionTermFrom = (signedAt: Date, policy: CalendarPolicy = defaultCalendarPolicy) =>
  legalDeadline(signedAt, CONVENTION_TERM, { ...policy, extendToWorkingDay: false });

const LAW = 'Code de la santé publique, art. R.1470-9';
const CONVENTION_REASONABLE = 'Convention de certification, art. 15 (délai raisonnable)';
/** The shortest time to remedy or to be heard, unless the stage says otherwise (`SANCTION_MIN_NOTICE`). */
export const MIN_NOTICE = 'P15D';
const CONVENTION = 'Convention de certification, art. 14 à 16';

/** The end (Europe/Paris) of a date given as YYYY-MM-DD: fixed dates of the law end there. */
export const endOfLegalDay = (isoDate: string) =>
  legalDeadline(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`), { days: 0 }, { extendToWorkingDay: false });

/** The fixed instant the exceptional regime (arrêté du 9 février 2024) ends: the end of its expiry date. */
export const exceptionalRegimeEnd = endOfLegalDay;

/** Mails before the convention's term: it renews tacitly unless a party gives notice (guide §5.4). */
export const TERM_REMINDERS = [
  { key: 'M-3', period: { months: 3 } },
  { key: 'M-1', period: { months: 1 } },
] as const;

/**
 * A notice against the convention's tacit renewal (guide §5.4 « renouvelable à chaque échéance par
 * tacite reconduction »), by the company or by ANS, before the term: the certificate then ends at
 * the term. The convention's own notice period is not in the guide: any time before the term.
 */
export const giveNonRenewalNotice = (
  c: Certificate,
  notice: { by: string; party: 'company' | 'ans'; reasons: string[] },
  now: Date,
): Certificate => {
  assertAllowed('give_non_renewal_notice', c);
  if (c.nonRenewal) throw new ConflictError(`notice against renewal was already given on ${c.nonRenewal.at}`);
  if (!c.conventionTermAt || now.getTime() > Date.parse(c.conventionTermAt))
    throw new ConflictError('the convention’s term has passed: it was renewed', undefined, 'Guide de dépôt ANS §5.4');
  const at = now.toISOString();
  return { ...c, nonRenewal: { ...notice, at }, updatedAt: at };
};

/** Mails before the date a certificate must be renewed by (R.1470-11). */
export const RENEWAL_REMINDERS = [
  { key: 'M-2', period: { months: 2 } },
  { key: 'J-15', period: { days: 15 } },
  { key: 'J-3', period: { days: 3 } },
] as const;

/**
 * The instant by which a certificate flagged for renewal must have been applied for (R.1470-11:
 * the holders « sont tenus de solliciter » a new certificate by the date), or it ends.
 */
export const renewalDeadline = (c: Certificate): Date | undefined =>
  c.renewalRequiredBy && !c.replacedBy ? endOfLegalDay(c.renewalRequiredBy) : undefined;

/** A renewal candidature submitted by the date and not yet ended: the certificate stays valid meanwhile. */
export const renewalPending = (c: Certificate): boolean => {
  const by = renewalDeadline(c);
  const application = c.renewalApplication;
  return Boolean(by && application && !application.ended && Date.parse(application.appliedAt) <= by.getTime());
};

/**
 * The renewal candidature that answers a certificate's required renewal, from the dossiers that
 * renew it: the last one submitted — ended when it closed without a certificate. The dossiers
 * are the source of truth (no copy on the certificate to drift).
 */
export const renewalApplication = (
  renewals: readonly Pick<Dossier, 'id' | 'submittedAt' | 'status' | 'closedAt'>[],
): RenewalApplication | undefined => {
  const last = renewals
    .filter((d) => d.submittedAt)
    .sort((a, b) => a.submittedAt!.localeCompare(b.submittedAt!))
    .at(-1);
  if (!last) return undefined;
  const ended = (CLOSED_WITHOUT_CERTIFICATE as readonly string[]).includes(last.status);
  return {
    dossierId: last.id,
    appliedAt: last.submittedAt!,
    ...(ended ? { ended: { at: last.closedAt ?? last.submittedAt!, status: last.status } } : {}),
  };
};

/** What the company and ANS read of a required renewal (API.md [1.2]). */
export const renewalView = (c: Certificate) =>
  c.renewalRequiredBy
    ? {
        requiredBy: c.renewalRequiredBy,
        reason:
          c.renewalReason === 'substantial_change' ? ('substantial_change' as const) : ('new_referential' as const),
        ...(c.renewalApplication && !c.renewalApplication.ended
          ? { dossierId: c.renewalApplication.dossierId, appliedAt: c.renewalApplication.appliedAt }
          : {}),
      }
    : undefined;

export const openNotice = (c: Certificate) => c.formalNotices?.find((n) => n.status === 'open');

const ALIVE: readonly CertificateStatus[] = ['valid', 'formal_notice', 'suspended'];

/**
 * Which command a certificate accepts in which status — the one table (R.1470-9, convention art.
 * 14–16); the sanction's own conditions (a lapsed notice, observations heard) follow in its rule.
 */
export const CERTIFICATE_COMMANDS = {
  issue_formal_notice: ALIVE,
  respond_to_notice: ALIVE,
  close_notice: ALIVE,
  suspend: ['valid', 'formal_notice'],
  reinstate: ['suspended'],
  withdraw: ALIVE,
  terminate: ALIVE,
  require_renewal: ALIVE,
  issue_observations_notice: ALIVE,
  present_observations: ALIVE,
  give_non_renewal_notice: ALIVE,
} as const satisfies Record<string, readonly CertificateStatus[]>;
export type CertificateCommand = keyof typeof CERTIFICATE_COMMANDS;

const assertAllowed = (command: CertificateCommand, c: Certificate) => {
  if ((CERTIFICATE_COMMANDS[command] as readonly CertificateStatus[]).includes(c.status)) return;
  throw new ConflictError(
    command === 'suspend' && c.status === 'suspended'
      ? 'the certificate is already suspended'
      : command === 'reinstate'
        ? `only a suspended certificate is reinstated (it is ${c.status})`
        : `the certificate is ${c.status}`,
  );
};

export const issueFormalNotice = (
  c: Certificate,
  notice: { id: string; nonConformities: string[]; respondBy: Date; by: string },
  now: Date,
  policy: CalendarPolicy = defaultCalendarPolicy,
): Certificate => {
  assertAllowed('issue_formal_notice', c);
  if (openNotice(c)) throw new ConflictError('a formal notice is already open');
  const latest = legalDeadline(now, FORMAL_NOTICE_MAX, { ...policy, extendToWorkingDay: false });
  if (notice.respondBy.getTime() > latest.getTime()) {
    throw new BusinessRuleError('the time to remedy may not exceed six months (R.1470-9)', [
      { path: 'respondBy', message: `must be on or before ${latest.toISOString()}` },
    ]);
  }
  const earliest = addIsoDuration(now, policy.sanctionMinNotice ?? MIN_NOTICE)!;
  if (notice.respondBy.getTime() < earliest.getTime()) {
    throw new BusinessRuleError(
      `the time to remedy must be reasonable: at least ${policy.sanctionMinNotice ?? MIN_NOTICE}`,
      [{ path: 'respondBy', message: `must be on or after ${earliest.toISOString()}` }],
      CONVENTION_REASONABLE,
    );
  }
  const at = now.toISOString();
  return {
    ...c,
    status: c.status === 'suspended' ? 'suspended' : 'formal_notice',
    formalNotices: [
      ...(c.formalNotices ?? []),
      {
        id: notice.id,
        nonConformities: notice.nonConformities,
        issuedAt: at,
        issuedBy: notice.by,
        respondBy: notice.respondBy.toISOString(),
        status: 'open',
      },
    ],
    updatedAt: at,
  };
};

export const respondToNotice = (c: Certificate, response: { message: string; by: string }, now: Date): Certificate => {
  assertAllowed('respond_to_notice', c);
  const notice = openNotice(c);
  if (!notice) throw new ConflictError('no formal notice is open');
  const at = now.toISOString();
  return {
    ...c,
    formalNotices: c.formalNotices!.map((n) => (n.id === notice.id ? { ...n, response: { ...response, at } } : n)),
    updatedAt: at,
  };
};

/** A formal notice that is open or lapsed, and not remedied: what a sanction rests on. */
const unremedied = (c: Certificate) =>
  (c.formalNotices ?? []).filter((n) => n.status === 'open' || n.status === 'lapsed');

/** How long a notice lapsed without remedy supports a sanction (said in the README, API.md [1.2]). */
export const LAPSED_NOTICE_SUPPORT = { months: 6 } as const;

/**
 * A notice lapsed without remedy (its lapse may not have been stored yet: legal effects first) that
 * still supports a sanction: within six months of its lapse — ANS acts on a recent failure, not on
 * one it let stand for years.
 */
const hasLapsedNotice = (c: Certificate, now: Date) =>
  unremedied(c).some((n) => {
    const lapsedAt = Date.parse(n.respondBy);
    const supportEnds = DateTime.fromMillis(lapsedAt, { zone: LEGAL_ZONE }).plus(LAPSED_NOTICE_SUPPORT).toMillis();
    return now.getTime() > lapsedAt && now.getTime() <= supportEnds;
  });

/** A notice still open (its time to remedy running): what a suspension may rest on too. */
const runningNotice = (c: Certificate, now: Date) =>
  unremedied(c).some((n) => n.status === 'open' && now.getTime() <= Date.parse(n.respondBy));

/** A decision on the certificate, kept with its reasons (and its means of appeal when it grieves). */
const act = (
  c: Certificate,
  kind: SanctionAct,
  reasons: string[],
  by: string,
  at: string,
  appeal?: string,
): Certificate['acts'] => [...(c.acts ?? []), { kind, reasons, at, by, ...(appeal ? { appeal } : {}) }];

const statesReasons = (reasons: string[]) => {
  if (!reasons.length)
    throw new BusinessRuleError('a sanction states its reasons', [{ path: 'reasons', message: 'at least one reason' }]);
};

/**
 * Closes a named notice as remedied (or the only one open); the certificate is valid again only
 * when no other notice remains open.
 */
export const closeNoticeRemedied = (c: Certificate, now: Date, noticeId?: string): Certificate => {
  assertAllowed('close_notice', c);
  const candidates = unremedied(c);
  const notice = noticeId ? candidates.find((n) => n.id === noticeId) : candidates[0];
  if (!notice)
    throw new ConflictError(noticeId ? `no open or lapsed formal notice ${noticeId}` : 'no formal notice to close');
  if (!noticeId && candidates.length > 1)
    throw new BusinessRuleError('several formal notices are open: name the one remedied', [
      { path: 'noticeId', message: `one of ${candidates.map((n) => n.id).join(', ')}` },
    ]);
  const at = now.toISOString();
  const notices = c.formalNotices!.map((n) =>
    n.id === notice.id ? { ...n, status: 'remedied' as const, closedAt: at } : n,
  );
  const stillOpen = notices.some((n) => n.status === 'open' || n.status === 'lapsed');
  return {
    ...c,
    status: c.status === 'suspended' ? 'suspended' : stillOpen ? 'formal_notice' : 'valid',
    formalNotices: notices,
    updatedAt: at,
  };
};

/**
 * Suspension (R.1470-9) rests on a formal notice still running or lapsed without remedy within six
 * months, and states its reasons; it lasts « jusqu'à ce qu'il soit remédié ».
 */
export const suspend = (c: Certificate, sanction: { reasons: string[]; by: string }, now: Date): Certificate => {
  assertAllowed('suspend', c);
  statesReasons(sanction.reasons);
  if (!runningNotice(c, now) && !hasLapsedNotice(c, now))
    throw new ConflictError(
      'suspension needs a formal notice that is open, or lapsed without remedy within the last six months',
      undefined,
      LAW,
    );
  const at = now.toISOString();
  return {
    ...c,
    status: 'suspended',
    acts: act(c, 'suspended', sanction.reasons, sanction.by, at, APPEAL_TEXT),
    updatedAt: at,
  };
};

/** Reinstatement once every notice is remedied (R.1470-9: suspended « jusqu'à ce qu'il soit remédié »). */
export const reinstate = (c: Certificate, decision: { reasons: string[]; by: string }, now: Date): Certificate => {
  assertAllowed('reinstate', c);
  if (unremedied(c).length)
    throw new ConflictError(
      'a suspended certificate is reinstated once its formal notices are remedied (close the notice first)',
      undefined,
      LAW,
    );
  const at = now.toISOString();
  return {
    ...c,
    status: 'valid',
    acts: act(c, 'reinstated', decision.reasons, decision.by, at),
    updatedAt: at,
  };
};

/** Withdrawal is a person's decision with its reasons, open once a formal notice lapsed without remedy. */
export const withdraw = (
  c: Certificate,
  sanction: { reasons: string[]; by: string; basis?: 'L242-1' },
  now: Date,
): Certificate => {
  assertAllowed('withdraw', c);
  statesReasons(sanction.reasons);
  if (sanction.basis === 'L242-1') return withdrawTacitGrant(c, sanction, now);
  if (!hasLapsedNotice(c, now))
    throw new ConflictError(
      'withdrawal is open only after a formal notice lapsed without remedy, for six months after its lapse',
      undefined,
      LAW,
    );
  const at = now.toISOString();
  const { reasons, by } = sanction;
  return {
    ...c,
    status: 'withdrawn',
    ended: { status: 'withdrawn', at, by, reason: reasons.join(' ; '), reasons },
    acts: act(c, 'withdrawn', reasons, by, at, APPEAL_TEXT),
    updatedAt: at,
  };
};

const CRPA = 'Code des relations entre le public et l’administration, art. L242-1';

/**
 * The withdrawal of a grant by silence on a file ANS had found wanting (CRPA L242-1): within four
 * months of it, and only once the company was heard — an observations notice answered, or its
 * time limit passed.
 */
const withdrawTacitGrant = (c: Certificate, sanction: { reasons: string[]; by: string }, now: Date): Certificate => {
  if (!c.tacitReview)
    throw new ConflictError(
      'only a certificate granted by silence on a file found wanting can be withdrawn under L242-1',
      undefined,
      CRPA,
    );
  if (now.getTime() > Date.parse(c.tacitReview.until))
    throw new ConflictError(`the four months to withdraw this grant ended on ${c.tacitReview.until}`, undefined, CRPA);
  const notice = c.observationsNotice;
  const heard =
    notice && (notice.observations || (notice.respondBy !== undefined && now.getTime() > Date.parse(notice.respondBy)));
  if (!heard)
    throw new ConflictError(
      'the company must first be heard: an observations notice, answered or whose time limit passed',
      undefined,
      CRPA,
    );
  const at = now.toISOString();
  const { reasons, by } = sanction;
  return {
    ...c,
    status: 'withdrawn',
    ended: { status: 'withdrawn', at, by, ground: 'L242-1', reason: reasons.join(' ; '), reasons },
    acts: act(c, 'withdrawn', reasons, by, at, APPEAL_TEXT),
    updatedAt: at,
  };
};

export const terminate = (
  c: Certificate,
  t: { ground: 'by_operation_of_law' | 'fraud' | 'fault'; reasons: string[]; faultCase?: FaultCase; by: string },
  now: Date,
): Certificate => {
  assertAllowed('terminate', c);
  statesReasons(t.reasons);
  if (t.ground === 'fraud') {
    const notice = c.observationsNotice;
    if (!notice)
      throw new ConflictError(
        'termination for fraud needs the company to have been given notice to present its observations',
        undefined,
        CONVENTION,
      );
    const heard = notice.observations || (notice.respondBy && now.getTime() > Date.parse(notice.respondBy));
    if (!heard)
      throw new ConflictError(
        `the company may present its observations until ${notice.respondBy ?? '(no time limit was set)'}: termination for fraud comes after`,
        undefined,
        CONVENTION,
      );
  }
  if (t.ground === 'fault' && t.faultCase === 'no_longer_compliant' && !hasLapsedNotice(c, now)) {
    throw new ConflictError(
      'termination because the system is no longer compliant comes after a formal notice lapsed without remedy',
      undefined,
      LAW,
    );
  }
  if (t.ground === 'fault' && !t.faultCase) {
    throw new BusinessRuleError('termination for fault names its case', [
      { path: 'faultCase', message: `one of ${FAULT_CASES.join(', ')}` },
    ]);
  }
  const at = now.toISOString();
  return {
    ...c,
    status: 'terminated',
    ended: {
      status: 'terminated',
      at,
      by: t.by,
      ground: t.ground,
      reason: t.reasons.join(' ; '),
      reasons: t.reasons,
      ...(t.faultCase ? { faultCase: t.faultCase } : {}),
    },
    acts: act(c, 'terminated', t.reasons, t.by, at, APPEAL_TEXT),
    updatedAt: at,
  };
};

export const issueObservationsNotice = (
  c: Certificate,
  notice: { facts: string; respondBy: Date; by: string },
  now: Date,
  policy: CalendarPolicy = defaultCalendarPolicy,
): Certificate => {
  assertAllowed('issue_observations_notice', c);
  const earliest = addIsoDuration(now, policy.observationsMinNotice ?? MIN_NOTICE)!;
  if (notice.respondBy.getTime() < earliest.getTime())
    throw new BusinessRuleError(
      `the time to present observations must be reasonable: at least ${policy.observationsMinNotice ?? MIN_NOTICE}`,
      [{ path: 'respondBy', message: `must be on or after ${earliest.toISOString()}` }],
      CONVENTION_REASONABLE,
    );
  const at = now.toISOString();
  return {
    ...c,
    observationsNotice: { facts: notice.facts, at, by: notice.by, respondBy: notice.respondBy.toISOString() },
    updatedAt: at,
  };
};

export const presentObservations = (c: Certificate, input: { text: string; by: string }, now: Date): Certificate => {
  assertAllowed('present_observations', c);
  const notice = c.observationsNotice;
  if (!notice) throw new ConflictError('no notice to present observations was given');
  if (notice.observations) throw new ConflictError('the observations were already presented');
  if (notice.respondBy && now.getTime() > Date.parse(notice.respondBy))
    throw new ConflictError(`the time to present observations ended on ${notice.respondBy}`, undefined, CONVENTION);
  const at = now.toISOString();
  return { ...c, observationsNotice: { ...notice, observations: { ...input, at } }, updatedAt: at };
};

export type CertificateEffect =
  | { kind: 'expire' }
  | { kind: 'renew'; nextTermAt: Date }
  | { kind: 'notice_lapsed'; noticeId: string }
  | { kind: 'renewal_expired'; renewalRequiredBy: Date; application?: RenewalApplication }
  | { kind: 'renewal_reminder'; key: string; dueAt: Date; daysLeft: number }
  | { kind: 'term_reminder'; key: string; dueAt: Date; daysLeft: number }
  | { kind: 'not_renewed'; termAt: Date }
  | { kind: 'none'; nextWakeAt?: Date };

/** What falls due for a certificate at `now`, or when to look again. */
export const decideCertificate = (
  c: Certificate,
  now: Date,
  policy: CalendarPolicy = defaultCalendarPolicy,
): CertificateEffect => {
  if (hasEnded(c)) return { kind: 'none' };
  const t = now.getTime();
  if (c.exceptionalExpiresAt && t > Date.parse(c.exceptionalExpiresAt) && !c.replacedBy) return { kind: 'expire' };
  const pending = renewalPending(c);
  // applied for in time: the date is met, nothing more to remind or to wait for until that dossier ends
  const renewBy = pending ? undefined : renewalDeadline(c);
  // R.1470-11: a certificate not applied for by the date ends then; one whose renewal candidature
  // ended without a certificate ends when it does
  if (renewBy && t > renewBy.getTime())
    return {
      kind: 'renewal_expired',
      renewalRequiredBy: renewBy,
      ...(c.renewalApplication?.ended ? { application: c.renewalApplication } : {}),
    };
  const notice = openNotice(c);
  if (notice && t > Date.parse(notice.respondBy) && !notice.lapseNotifiedAt)
    return { kind: 'notice_lapsed', noticeId: notice.id };
  const sent = new Set(c.remindersSent ?? []);
  const reminderAt = (r: (typeof RENEWAL_REMINDERS)[number]) =>
    DateTime.fromJSDate(renewBy!, { zone: LEGAL_ZONE }).minus(r.period).toJSDate();
  if (renewBy) {
    // the most urgent reminder due settles the earlier ones (one mail, not three)
    const due = RENEWAL_REMINDERS.filter(
      (r) => !sent.has(`renewal:${c.renewalRequiredBy}:${r.key}`) && t >= reminderAt(r).getTime(),
    );
    const last = due.at(-1);
    if (last)
      return {
        kind: 'renewal_reminder',
        key: due.map((r) => `renewal:${c.renewalRequiredBy}:${r.key}`).join(','),
        dueAt: renewBy,
        daysLeft: Math.ceil((renewBy.getTime() - t) / 86_400_000),
      };
  }
  // the term ahead: the company is reminded (it may give notice against tacit renewal), and a
  // notice given ends the certificate at the term instead of renewing it
  const termAt = c.conventionTermAt ? new Date(c.conventionTermAt) : undefined;
  const termKey = (r: (typeof TERM_REMINDERS)[number]) => `term:${c.conventionTermAt}:${r.key}`;
  const termReminderAt = (r: (typeof TERM_REMINDERS)[number]) =>
    DateTime.fromJSDate(termAt!, { zone: LEGAL_ZONE }).minus(r.period).toJSDate().getTime();
  if (termAt && t > termAt.getTime() && c.nonRenewal) return { kind: 'not_renewed', termAt };
  if (termAt && !c.nonRenewal && t <= termAt.getTime()) {
    const due = TERM_REMINDERS.filter((r) => !sent.has(termKey(r)) && t >= termReminderAt(r));
    if (due.length)
      return {
        kind: 'term_reminder',
        key: due.map(termKey).join(','),
        dueAt: termAt,
        daysLeft: Math.ceil((termAt.getTime() - t) / 86_400_000),
      };
  }
  if (c.conventionTermAt && t > Date.parse(c.conventionTermAt)) {
    const next = legalDeadline(new Date(c.conventionTermAt), CONVENTION_TERM, { ...policy, extendToWorkingDay: false });
    // tacit renewal never carries the certificate past the date it must be renewed by
    return { kind: 'renew', nextTermAt: renewBy && renewBy < next ? renewBy : next };
  }
  const upcoming = [
    renewBy ? renewBy.getTime() + 1 : undefined,
    ...(renewBy
      ? RENEWAL_REMINDERS.filter((r) => !sent.has(`renewal:${c.renewalRequiredBy}:${r.key}`)).map((r) =>
          reminderAt(r).getTime(),
        )
      : []),
    c.exceptionalExpiresAt && !c.replacedBy ? Date.parse(c.exceptionalExpiresAt) + 1 : undefined,
    notice && !notice.lapseNotifiedAt ? Date.parse(notice.respondBy) + 1 : undefined,
    c.conventionTermAt ? Date.parse(c.conventionTermAt) + 1 : undefined,
    ...(termAt && !c.nonRenewal ? TERM_REMINDERS.filter((r) => !sent.has(termKey(r))).map(termReminderAt) : []),
  ].filter((x): x is number => x !== undefined);
  return { kind: 'none', ...(upcoming.length ? { nextWakeAt: new Date(Math.min(...upcoming)) } : {}) };
};

/**
 * A renewal required by ANS by a date (R.1470-11): in the future, no later than a date already
 * set (a second requirement never grants more time than the first).
 */
export const requireRenewal = (
  c: Certificate,
  input: { requiredBy: string; reason: 'substantial_change' | 'new_referential'; details: string },
  now: Date,
): Certificate => {
  assertAllowed('require_renewal', c);
  if (endOfLegalDay(input.requiredBy).getTime() <= now.getTime())
    throw new BusinessRuleError('the date a renewal is required by lies in the future', [
      { path: 'requiredBy', message: 'must be after today' },
    ]);
  if (c.renewalRequiredBy && input.requiredBy > c.renewalRequiredBy)
    throw new ConflictError(
      `a renewal is already required by ${c.renewalRequiredBy}: a later date would grant more time than the law gave`,
      undefined,
      'Code de la santé publique, art. R.1470-11',
    );
  const at = now.toISOString();
  return {
    ...c,
    renewalRequiredBy: input.requiredBy,
    renewalReason: input.reason,
    renewalDetails: input.details,
    updatedAt: at,
  };
};

/** CRPA L242-1: a decision that creates rights may be withdrawn for illegality within four months of it. */
export const TACIT_REVIEW_PERIOD = { months: 4 } as const;
export const tacitReviewUntil = (grantedAt: Date, policy: CalendarPolicy = defaultCalendarPolicy) =>
  legalDeadline(grantedAt, TACIT_REVIEW_PERIOD, { ...policy, extendToWorkingDay: false });

/** What ANS had found wanting in a file that silence then certified: the grounds of a review. */
export const tacitReviewGrounds = (
  dossier: Pick<Dossier, 'instructionReport'>,
  uploads: readonly { purpose: string; status: string; requirementId?: string; review?: { verdict: string } }[],
): string[] => [
  ...(dossier.instructionReport?.outcome === 'unfavourable'
    ? [
        `rapport d’instruction défavorable${dossier.instructionReport.nonConformities?.length ? ` (${dossier.instructionReport.nonConformities.join(', ')})` : ''}`,
      ]
    : []),
  ...uploads
    .filter((u) => u.purpose === 'proof' && u.status === 'received' && u.review?.verdict === 'non_compliant')
    .map((u) => `preuve non conforme : ${u.requirementId ?? 'exigence'}`),
];
