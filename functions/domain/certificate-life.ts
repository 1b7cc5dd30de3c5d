import { legalDeadline, type CalendarPolicy, defaultCalendarPolicy } from './calendar';
import type { Certificate, CertificateStatus } from './certificate';
import { BusinessRuleError, ConflictError } from './errors';

/**
 * The life of a certificate after it is granted (guide §5.4 and chapter 7): the 5-year
 * convention renewed tacitly, formal notice (R.1470-9, at most 6 months), suspension,
 * withdrawal, termination, renewal requests, and the exceptional certificate's fixed expiry.
 */
export const CONVENTION_TERM = { years: 5 } as const;
export const FORMAL_NOTICE_MAX = { months: 6 } as const;

export const FAULT_CASES = [
  'inaccurate_information',
  'no_longer_compliant',
  'no_regular_service',
  'misuse_of_certificate',
  'obstruction_of_control',
  'serious_or_repeated_breach',
] as const;
export type FaultCase = (typeof FAULT_CASES)[number];

export interface FormalNotice {
  id: string;
  nonConformities: string[];
  issuedAt: string;
  issuedBy: string;
  respondBy: string;
  status: 'open' | 'remedied' | 'lapsed';
  response?: { message: string; at: string; by: string };
  closedAt?: string;
  /** instructors were told that withdrawal is open */
  lapseNotifiedAt?: string;
}

export interface CertificateLife {
  conventionTermAt: string;
  renewals?: { at: string; previousTermAt: string; nextTermAt: string }[];
  formalNotices?: FormalNotice[];
  observationsNotice?: { facts: string; at: string; by: string };
  ended?: {
    status: 'withdrawn' | 'terminated' | 'expired';
    at: string;
    by: string;
    ground?: string;
    faultCase?: FaultCase;
    reason?: string;
  };
  /** exceptional certificate (guide §5.4): expires by itself on this date unless replaced */
  exceptionalExpiresAt?: string;
  renewalRequiredBy?: string;
  renewalReason?: string;
  substantialChange?: { description: string; declaredAt: string };
  replacedBy?: string;
}

const ENDED: readonly CertificateStatus[] = ['withdrawn', 'terminated', 'expired'];
export const hasEnded = (c: Certificate) => ENDED.includes(c.status);

export const conventionTermFrom = (grantedAt: Date, policy: CalendarPolicy = defaultCalendarPolicy) =>
  legalDeadline(grantedAt, { months: 60 }, { ...policy, extendToWorkingDay: false });

export const openNotice = (c: Certificate) => c.formalNotices?.find((n) => n.status === 'open');

const assertAlive = (c: Certificate) => {
  if (hasEnded(c)) throw new ConflictError(`the certificate is ${c.status}`);
};

export const issueFormalNotice = (
  c: Certificate,
  notice: { id: string; nonConformities: string[]; respondBy: Date; by: string },
  now: Date,
  policy: CalendarPolicy = defaultCalendarPolicy,
): Certificate => {
  assertAlive(c);
  if (openNotice(c)) throw new ConflictError('a formal notice is already open');
  const latest = legalDeadline(now, FORMAL_NOTICE_MAX, { ...policy, extendToWorkingDay: false });
  if (notice.respondBy.getTime() > latest.getTime()) {
    throw new BusinessRuleError('the time to remedy may not exceed six months (R.1470-9)', [
      { path: 'respondBy', message: `must be on or before ${latest.toISOString()}` },
    ]);
  }
  if (notice.respondBy.getTime() <= now.getTime()) {
    throw new BusinessRuleError('the time to remedy must end in the future', [
      { path: 'respondBy', message: 'must be in the future' },
    ]);
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
  assertAlive(c);
  const notice = openNotice(c);
  if (!notice) throw new ConflictError('no formal notice is open');
  const at = now.toISOString();
  return {
    ...c,
    formalNotices: c.formalNotices!.map((n) => (n.id === notice.id ? { ...n, response: { ...response, at } } : n)),
    updatedAt: at,
  };
};

export const closeNoticeRemedied = (c: Certificate, now: Date): Certificate => {
  assertAlive(c);
  const notice = c.formalNotices?.find((n) => n.status === 'open' || n.status === 'lapsed');
  if (!notice || notice.closedAt) throw new ConflictError('no formal notice to close');
  const at = now.toISOString();
  return {
    ...c,
    status: c.status === 'suspended' ? 'suspended' : 'valid',
    formalNotices: c.formalNotices!.map((n) => (n.id === notice.id ? { ...n, status: 'remedied', closedAt: at } : n)),
    updatedAt: at,
  };
};

export const suspend = (c: Certificate, now: Date): Certificate => {
  assertAlive(c);
  if (c.status === 'suspended') throw new ConflictError('the certificate is already suspended');
  if (!c.formalNotices?.length) throw new ConflictError('a certificate is suspended after a formal notice (R.1470-9)');
  return { ...c, status: 'suspended', updatedAt: now.toISOString() };
};

export const reinstate = (c: Certificate, now: Date): Certificate => {
  if (c.status !== 'suspended')
    throw new ConflictError(`only a suspended certificate is reinstated (it is ${c.status})`);
  return { ...c, status: openNotice(c) ? 'formal_notice' : 'valid', updatedAt: now.toISOString() };
};

/** Withdrawal is a person's decision, open once a formal notice lapsed without remedy. */
export const withdraw = (c: Certificate, by: string, reason: string | undefined, now: Date): Certificate => {
  assertAlive(c);
  const lapsed = c.formalNotices?.some(
    (n) => n.status === 'lapsed' || (n.status === 'open' && new Date(n.respondBy) < now),
  );
  if (!lapsed)
    throw new ConflictError('withdrawal is open only after a formal notice lapsed without remedy (R.1470-9)');
  const at = now.toISOString();
  return {
    ...c,
    status: 'withdrawn',
    ended: { status: 'withdrawn', at, by, ...(reason ? { reason } : {}) },
    updatedAt: at,
  };
};

export const terminate = (
  c: Certificate,
  t: { ground: 'by_operation_of_law' | 'fraud' | 'fault'; reason: string; faultCase?: FaultCase; by: string },
  now: Date,
): Certificate => {
  assertAlive(c);
  if (t.ground === 'fraud' && !c.observationsNotice) {
    throw new ConflictError(
      'termination for fraud needs the company to have been given notice to present its observations',
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
      reason: t.reason,
      ...(t.faultCase ? { faultCase: t.faultCase } : {}),
    },
    updatedAt: at,
  };
};

export type CertificateEffect =
  | { kind: 'expire' }
  | { kind: 'renew'; nextTermAt: Date }
  | { kind: 'notice_lapsed'; noticeId: string }
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
  const notice = openNotice(c);
  if (notice && t > Date.parse(notice.respondBy) && !notice.lapseNotifiedAt)
    return { kind: 'notice_lapsed', noticeId: notice.id };
  if (c.conventionTermAt && t > Date.parse(c.conventionTermAt)) {
    return {
      kind: 'renew',
      nextTermAt: legalDeadline(new Date(c.conventionTermAt), { months: 60 }, { ...policy, extendToWorkingDay: false }),
    };
  }
  const upcoming = [
    c.exceptionalExpiresAt && !c.replacedBy ? Date.parse(c.exceptionalExpiresAt) + 1 : undefined,
    notice && !notice.lapseNotifiedAt ? Date.parse(notice.respondBy) + 1 : undefined,
    c.conventionTermAt ? Date.parse(c.conventionTermAt) + 1 : undefined,
  ].filter((x): x is number => x !== undefined);
  return { kind: 'none', ...(upcoming.length ? { nextWakeAt: new Date(Math.min(...upcoming)) } : {}) };
};
