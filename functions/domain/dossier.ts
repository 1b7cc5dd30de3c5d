import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import { type CalendarPolicy, defaultCalendarPolicy } from './calendar';
import { runningClocks } from './clocks';
import { ConflictError } from './errors';
import type { DecisionClock } from './decision-clock';
import type { Decision } from './decision';
import type { DossierCreateInput, DossierPatchInput, ProfileCode, UseCase } from './schemas';

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

/** Every legal move of a dossier; anything else is a 409. */
export const TRANSITIONS: Record<DossierStatus, readonly DossierStatus[]> = {
  draft: ['admissibility_review', 'abandoned', 'withdrawn'],
  admissibility_review: ['proofs_deposit', 'inadmissible', 'abandoned', 'withdrawn'],
  proofs_deposit: ['instruction', 'abandoned', 'withdrawn'],
  // convention_pending: favourable report; college_pending: unfavourable report; certified: tacit acceptance
  instruction: ['convention_pending', 'college_pending', 'certified', 'abandoned', 'withdrawn'],
  // college_pending: signed after a favourable report; certified_with_reservations: signed after the
  // collège certified an unfavourable report with reservations. Never tacit acceptance: the clock stands still.
  convention_pending: ['college_pending', 'certified_with_reservations', 'abandoned', 'withdrawn'],
  // convention_pending: reservations on an unfavourable report, the convention is signed first
  college_pending: ['certified', 'certified_with_reservations', 'refused', 'convention_pending', 'withdrawn'],
  certified: [],
  certified_with_reservations: [],
  refused: [],
  inadmissible: [],
  abandoned: [],
  withdrawn: [],
};

export const isClosed = (status: DossierStatus) => TRANSITIONS[status].length === 0;

export type DeadlineKind =
  'inactivity_abandonment' | 'info_request' | 'decision' | 'ins_test_day' | 'formal_notice' | 'convention_term';

export interface Deadline {
  kind: DeadlineKind;
  dueAt: string;
  legalBasis: string;
}

export interface Dossier {
  id: string;
  companyId: string;
  status: DossierStatus;
  referentialVersion: string;
  product: { name: string; version: string };
  useCase: UseCase;
  profiles: ProfileCode[];
  plannedCompleteProofDate?: string;
  publishPlannedDate?: boolean;
  nie?: string;
  nil?: string;
  deployedInTeleconsultationCompany?: boolean;
  commitment?: boolean;
  components: NonNullable<DossierCreateInput['components']>;
  group?: DossierCreateInput['group'];
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
  };
  decision?: Decision;
  insTestDay?: {
    proposedDate?: string;
    proposedAt?: string;
    outcome?: 'passed' | 'failed' | 'waived';
    recordedAt?: string;
    comment?: string;
  };
  /** keys of the reminders already mailed, so that none is sent twice */
  remindersSent?: string[];
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
}

export const openInfoRequest = (dossier: Dossier): InfoRequest | undefined =>
  dossier.infoRequests?.find((r) => r.status === 'open');

export const CURRENT_REFERENTIAL_VERSION = '1.4.2';

/** The clocks shown to users, recomputed from the dossier's stored facts. */
export const withDeadlines = (dossier: Dossier, policy: CalendarPolicy = defaultCalendarPolicy): Dossier => ({
  ...dossier,
  deadlines: runningClocks(dossier, policy).map(({ kind, dueAt, legalBasis }) => ({
    kind,
    dueAt: dueAt.toISOString(),
    legalBasis,
  })),
});

export const createDossier = (
  input: DossierCreateInput,
  companyId: string,
  actor: string,
  clock: Clock,
  id: string = randomUUID(),
  referentialVersion: string = CURRENT_REFERENTIAL_VERSION,
): Dossier => {
  const now = clock.now().toISOString();
  return withDeadlines({
    id,
    companyId,
    status: 'draft',
    referentialVersion,
    ...input,
    components: input.components ?? [],
    createdAt: now,
    updatedAt: now,
    createdBy: actor,
    lastCandidateActivityAt: now,
    deadlines: [],
  });
};

/** Applies a progressive save; only a draft can be edited. */
export const patchDossier = (dossier: Dossier, patch: DossierPatchInput, clock: Clock): Dossier => {
  if (dossier.status !== 'draft') {
    throw new ConflictError(`the candidature can only be edited while draft (it is ${dossier.status})`);
  }
  const now = clock.now().toISOString();
  const next: Record<string, unknown> = { ...dossier };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  if (patch.components === null) next.components = [];
  return withDeadlines({ ...(next as unknown as Dossier), updatedAt: now, lastCandidateActivityAt: now });
};

export const transition = (dossier: Dossier, to: DossierStatus, clock: Clock): Dossier => {
  if (!TRANSITIONS[dossier.status].includes(to)) {
    throw new ConflictError(
      isClosed(dossier.status)
        ? `the dossier is ${dossier.status} and never reopens: a new candidature is required`
        : `a dossier cannot go from ${dossier.status} to ${to}`,
    );
  }
  const now = clock.now().toISOString();
  return withDeadlines({ ...dossier, status: to, updatedAt: now, ...(isClosed(to) ? { closedAt: now } : {}) });
};

/** A change made by the candidate: it restarts the inactivity clock. */
export const touchedByCandidate = (dossier: Dossier, clock: Clock): Dossier => {
  const now = clock.now().toISOString();
  return withDeadlines({ ...dossier, updatedAt: now, lastCandidateActivityAt: now });
};

/** "One candidature per product": the key an open dossier holds for its company and product. */
export const productKeyOf = (dossier: Dossier): string | undefined =>
  isClosed(dossier.status)
    ? undefined
    : `${dossier.companyId}#${dossier.product.name
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim()}`;

/** What the product key must do when a dossier goes from `before` to `after`. */
export const productKeyChange = (before: Dossier | null, after: Dossier) => {
  const held = before ? productKeyOf(before) : undefined;
  const wanted = productKeyOf(after);
  if (held === wanted) return undefined;
  return { ...(wanted ? { acquire: wanted } : {}), ...(held ? { release: held } : {}) };
};
