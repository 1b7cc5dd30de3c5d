import type { Dossier } from './dossier-model';
import type { Notification } from './notifications';
import { FAULT_CASES, type FaultCase } from './termination';
export { FAULT_CASES, type FaultCase };

/**
 * The certificate of conformity (guide §5.4): a unique number, the certified product and
 * version, who granted it (the collège, or the law by tacit acceptance) and its life status.
 */
export const CERTIFICATE_STATUSES = [
  'valid',
  'formal_notice',
  'suspended',
  'withdrawn',
  'terminated',
  'expired',
] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export type SanctionAct = 'suspended' | 'reinstated' | 'withdrawn' | 'terminated';

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
  /** notice to present observations before a termination for fraud (convention art. 16) */
  observationsNotice?: {
    facts: string;
    at: string;
    by: string;
    respondBy?: string;
    observations?: { text: string; at: string; by: string };
  };
  /** reminders already mailed (renewal deadline), so that none is sent twice */
  remindersSent?: string[];
  ended?: {
    status: 'withdrawn' | 'terminated' | 'expired';
    at: string;
    by: string;
    ground?: string;
    faultCase?: FaultCase;
    reason?: string;
    reasons?: string[];
  };
  /** each decision on the certificate (suspension, reinstatement, withdrawal, termination) with its reasons */
  acts?: { kind: SanctionAct; reasons: string[]; at: string; by: string; appeal?: string }[];
  /** exceptional certificate (guide §5.4): expires by itself on this date unless replaced */
  exceptionalExpiresAt?: string;
  renewalRequiredBy?: string;
  renewalReason?: string;
  /** what ANS found when it required the renewal */
  renewalDetails?: string;
  substantialChange?: { description: string; declaredAt: string };
  replacedBy?: string;
  /** acts notified to the company, each with its certain date of receipt (R.1470-4 al. 2) */
  notifications?: Notification[];
  /**
   * The renewal candidature filed for it (R.1470-11 « solliciter »): submitted by the date required,
   * it keeps the certificate valid until that dossier ends.
   */
  renewalApplication?: RenewalApplication;
  /**
   * A grant by silence on a file ANS had found wanting (an unfavourable report, non-compliant
   * proofs): CRPA L242-1 lets it be withdrawn, for illegality, within 4 months, after the company
   * was heard (an observations notice answered or lapsed).
   */
  tacitReview?: { until: string; grounds: string[] };
  /** a notice against the convention's tacit renewal (guide §5.4): the certificate ends at the term */
  nonRenewal?: { at: string; by: string; party: 'company' | 'ans'; reasons: string[] };
}

export interface RenewalApplication {
  dossierId: string;
  appliedAt: string;
  /** the renewal dossier closed without a certificate (refused, inadmissible, abandoned, withdrawn) */
  ended?: { at: string; status: string };
}

export interface Certificate extends Partial<CertificateLife> {
  number: string;
  dossierId: string;
  companyId: string;
  companyName: string;
  product: { name: string; version: string };
  referentialVersion: string;
  profiles: string[];
  status: CertificateStatus;
  grantedAt: string;
  grantedBy: 'college' | 'tacit_acceptance';
  withReservations: boolean;
  reservations?: string[];
  /** shown publicly only when the company allowed publication of its planned date */
  plannedCompleteProofDate?: string;
  updatedAt: string;
}

export { certificateNumber, CERTIFICATE_NUMBER_PATTERN } from './certificate-number';

export const newCertificate = (
  dossier: Dossier,
  companyName: string,
  number: string,
  at: string,
  grant: { grantedBy: Certificate['grantedBy']; reservations?: string[] },
): Certificate => ({
  number,
  dossierId: dossier.id,
  companyId: dossier.companyId,
  companyName,
  product: dossier.product,
  referentialVersion: dossier.referentialVersion,
  profiles: dossier.profiles,
  status: 'valid',
  grantedAt: at,
  grantedBy: grant.grantedBy,
  withReservations: (grant.reservations?.length ?? 0) > 0,
  ...(grant.reservations?.length ? { reservations: grant.reservations } : {}),
  ...(dossier.publishPlannedDate && dossier.plannedCompleteProofDate
    ? { plannedCompleteProofDate: dossier.plannedCompleteProofDate }
    : {}),
  updatedAt: at,
});

/** What anyone may see: no person, no email, no phone. */
/**
 * What the public may know of a certificate's status (API.md [1.2]): a formal notice is a step of
 * a procedure, not a sanction, and is never published — the certificate shows as `valid` until a
 * decision (suspension, withdrawal, termination) changes it.
 */
export const publicStatus = (status: CertificateStatus): CertificateStatus =>
  status === 'formal_notice' ? 'valid' : status;

/** The published list by default: certificates in force (valid, or suspended); ended ones on request. */
export const CURRENT_PUBLIC_STATUSES: readonly CertificateStatus[] = ['valid', 'formal_notice', 'suspended'];
export const ENDED_STATUSES = ['withdrawn', 'terminated', 'expired'] as const satisfies readonly CertificateStatus[];

export const publicView = (c: Certificate) => ({ ...certificateView(c), status: publicStatus(c.status) });

/** The certificate as its company and ANS see it: its true status, formal notice included. */
export const certificateView = (c: Certificate) => ({
  number: c.number,
  status: c.status,
  product: c.product,
  company: { id: c.companyId, name: c.companyName },
  referentialVersion: c.referentialVersion,
  profiles: c.profiles,
  grantedAt: c.grantedAt,
  grantedBy: c.grantedBy,
  withReservations: c.withReservations,
  ...(c.plannedCompleteProofDate ? { plannedCompleteProofDate: c.plannedCompleteProofDate } : {}),
  updatedAt: c.updatedAt,
});

/** Where a certificate's PDF is stored (under its dossier, like every generated document). */
export const certificateKey = (dossierId: string, number: string) => `dossiers/${dossierId}/certificate/${number}.pdf`;

/** The name of a certificate's long clock (EventBridge Scheduler locally and in AWS). */
export const certificateClockName = (number: string) => `cert-${number}`;
