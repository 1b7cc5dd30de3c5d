import type { DeadlineKind } from './legal-periods';
import type { DecisionClock } from './decision-clock';
import type { Decision } from './decision';
import type { DossierCreateInput } from './schemas';
import type { Notification } from './notifications';

/**
 * The shape of a dossier and its statuses: data only, so that the rules that read it (clocks,
 * queues, views) and the rules that change it (dossier.ts) can both depend on it without a cycle.
 */
export const DOSSIER_STATUSES = [
  'draft',
  'admissibility_review',
  'proofs_deposit',
  'instruction',
  'convention_pending',
  'college_pending',
  'certified',
  'certified_with_reservations',
  'refused',
  'inadmissible',
  'abandoned',
  'withdrawn',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** The sets of statuses the rules, clocks, queues and pages speak of, named once. */
export const CERTIFIED_STATUSES = [
  'certified',
  'certified_with_reservations',
] as const satisfies readonly DossierStatus[];
/** Closed without a certificate: the dossier never reopens (a new candidature is needed). */
export const CLOSED_WITHOUT_CERTIFICATE = [
  'refused',
  'inadmissible',
  'abandoned',
  'withdrawn',
] as const satisfies readonly DossierStatus[];
export const CLOSED_STATUSES: readonly DossierStatus[] = [...CERTIFIED_STATUSES, ...CLOSED_WITHOUT_CERTIFICATE];
export const OPEN_STATUSES: readonly DossierStatus[] = DOSSIER_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
/**
 * Statuses in which the candidate is the one expected to act on an incomplete file (guide §5.2
 * « une candidature non complète »): its inactivity clock runs. A complete file is never abandoned
 * by a timer (API.md [1.2]).
 */
export const CANDIDATE_TO_ACT: readonly DossierStatus[] = ['draft', 'proofs_deposit'];
/** Statuses in which ANS owes a decision on a complete file (R.1470-4): the decision clock runs. */
export const DECISION_PENDING: readonly DossierStatus[] = ['instruction', 'college_pending'];
export const isCertified = (status: DossierStatus) => (CERTIFIED_STATUSES as readonly DossierStatus[]).includes(status);

export type { DeadlineKind };

export interface Deadline {
  kind: DeadlineKind;
  dueAt: string;
  legalBasis: string;
}

/** The candidature's own fields come from their one declaration (schemas.ts); the rest is the procedure's. */
export interface Dossier extends Omit<DossierCreateInput, 'components'> {
  id: string;
  companyId: string;
  /** the company's name when it filed (what ANS staff work from; no route renames a company) */
  companyName?: string;
  /** what people read and search for (domain/dossier-reference.ts); absent on dossiers filed before it */
  reference?: string;
  /** the ANS agent who took the dossier in charge (« je prends ce dossier »); staff only */
  assignee?: { sub: string; email?: string; at: string };
  status: DossierStatus;
  referentialVersion: string;
  components: NonNullable<DossierCreateInput['components']>;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** last change made by the candidate; the inactivity clock runs from it */
  lastCandidateActivityAt: string;
  deadlines: Deadline[];
  closedAt?: string;
  closedReason?: string;
  submittedAt?: string;
  admissibleAt?: string;
  infoRequests?: InfoRequest[];
  /** evidence sections handed in, by section id */
  sections?: Record<string, { status: 'submitted'; submittedAt: string; submittedBy: string }>;
  /** accusé de réception of the complete file: its certain date and journal proof */
  receipt?: { at: string; seq: number; hash: string };
  /** R.1470-4: silence at this instant is acceptance (absent while the clock stands still) */
  decisionDueAt?: string;
  decisionClock?: DecisionClock;
  /** how instruction ended (guide §5.4): the collège decides on either report */
  instructionReport?: {
    outcome: 'favourable' | 'unfavourable';
    nonConformities?: string[];
    exceptional?: boolean;
    at: string;
    by: string;
  };
  /** guide §5.2: the INS test day is organised within 4 weeks of the complete file */
  insTestDueAt?: string;
  insTestLate?: boolean;
  /** closed on the core domains only, with the company's commitment: an exceptional certificate */
  exceptional?: boolean;
  /** the certificate this candidature renews (substantial change, new referential) */
  renewalOf?: string;
  convention?: {
    generatedAt: string;
    key?: string;
    signedAt?: string;
    signatoryName?: string;
    signedBy?: string;
    productVersion?: string;
  };
  certificate?: {
    number: string;
    status: string;
    grantedAt: string;
    grantedBy: 'college' | 'tacit_acceptance';
    withReservations: boolean;
    conventionTermAt?: string;
    formalNoticeRespondBy?: string;
    /** when the certificate ended (expired, withdrawn, terminated): the retention period runs from it */
    endedAt?: string;
  };
  decision?: Decision;
  insTestDay?: {
    proposedDate?: string;
    proposedAt?: string;
    outcome?: 'passed' | 'failed' | 'waived';
    /** the day the test took place (YYYY-MM-DD) */
    heldOn?: string;
    recordedAt?: string;
    comment?: string;
    /** outcomes recorded before this one, each for its own test day */
    previous?: {
      proposedDate?: string;
      outcome: 'passed' | 'failed' | 'waived';
      heldOn?: string;
      recordedAt: string;
    }[];
  };
  /** a dossier closed by a person's decision (an unsigned convention): its reasons and means of appeal */
  closure?: { reasons: string[]; at: string; by: string; appeal: string; appealUntil?: string };
  /** keys of the reminders already mailed, so that none is sent twice */
  remindersSent?: string[];
  /** when the company was told its dossier's personal data would be erased (domain/retention.ts) */
  retentionNoticeAt?: string;
  /** addresses of this dossier's company that SES reported undeliverable (by role, never the address) */
  undeliverable?: UndeliverableContact[];
  /** acts notified to the company, each with its certain date of receipt (R.1470-4 al. 2) */
  notifications?: Notification[];
}

/** Demande de pièces complémentaires (R.1470-2): 60 days to answer, or the dossier is abandoned. */
export interface InfoRequest {
  id: string;
  stage: 'admissibility' | 'instruction';
  missingItems: string[];
  openedAt: string;
  openedBy: string;
  dueAt: string;
  status: 'open' | 'answered' | 'lapsed';
  answeredAt?: string;
  answeredBy?: string;
  answer?: string;
  /** files joined to the answer (uploads with purpose `answer`) */
  answerUploadIds?: string[];
  /** the notification that communicated it: the 60 days run from its receipt */
  notificationId?: string;
  /** the candidature's own fields ANS asks the company to correct (PATCH while the request is open) */
  fields?: string[];
}

/** A permanent bounce or a complaint on mail about the dossier: the people to reach another way. */
export interface UndeliverableContact {
  role: 'contact' | 'legal_representative' | 'other';
  kind: 'bounce' | 'complaint';
  at: string;
}
