import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import { legalDeadline, type CalendarPolicy, defaultCalendarPolicy } from './calendar';
import { ConflictError } from './errors';
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
  'abandoned',
  'withdrawn',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Every legal move of a dossier; anything else is a 409. */
export const TRANSITIONS: Record<DossierStatus, readonly DossierStatus[]> = {
  draft: ['admissibility_review', 'abandoned', 'withdrawn'],
  admissibility_review: ['proofs_deposit', 'abandoned', 'withdrawn'],
  proofs_deposit: ['instruction', 'abandoned', 'withdrawn'],
  instruction: ['convention_pending', 'certified', 'abandoned', 'withdrawn'], // certified: tacit acceptance
  convention_pending: ['college_pending', 'certified', 'abandoned', 'withdrawn'],
  college_pending: ['certified', 'certified_with_reservations', 'refused', 'withdrawn'],
  certified: [],
  certified_with_reservations: [],
  refused: [],
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
}

export const CURRENT_REFERENTIAL_VERSION = '1.4.2';

/** Statuses in which the candidate is the one expected to act (guide §5.2). */
const CANDIDATE_TO_ACT: readonly DossierStatus[] = ['draft', 'proofs_deposit'];

export const INACTIVITY_PERIOD = { months: 6 } as const;

export const inactivityDeadline = (dossier: Dossier, policy: CalendarPolicy = defaultCalendarPolicy): Date | null =>
  CANDIDATE_TO_ACT.includes(dossier.status)
    ? legalDeadline(new Date(dossier.lastCandidateActivityAt), INACTIVITY_PERIOD, policy)
    : null;

/** The clocks shown to users, recomputed from the dossier's stored facts. */
export const withDeadlines = (dossier: Dossier, policy: CalendarPolicy = defaultCalendarPolicy): Dossier => {
  const others = dossier.deadlines.filter((d) => d.kind !== 'inactivity_abandonment');
  const inactivity = inactivityDeadline(dossier, policy);
  return {
    ...dossier,
    deadlines: inactivity
      ? [
          { kind: 'inactivity_abandonment', dueAt: inactivity.toISOString(), legalBasis: 'Guide de dépôt ANS §5.2' },
          ...others,
        ]
      : others,
  };
};

export const createDossier = (
  input: DossierCreateInput,
  companyId: string,
  actor: string,
  clock: Clock,
  id: string = randomUUID(),
): Dossier => {
  const now = clock.now().toISOString();
  return withDeadlines({
    id,
    companyId,
    status: 'draft',
    referentialVersion: CURRENT_REFERENTIAL_VERSION,
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
    throw new ConflictError(`a dossier cannot go from ${dossier.status} to ${to}`);
  }
  const now = clock.now().toISOString();
  return withDeadlines({ ...dossier, status: to, updatedAt: now, ...(isClosed(to) ? { closedAt: now } : {}) });
};

export type InactivityVerdict = { action: 'abandon' } | { action: 'wait'; until: Date } | { action: 'none' };

/**
 * Called when the inactivity timer wakes up. The timer is only a wake-up: the decision is
 * taken on the stored facts, so a late or duplicate wake-up never abandons an active dossier.
 */
export const decideInactivity = (dossier: Dossier, clock: Clock, policy?: CalendarPolicy): InactivityVerdict => {
  const due = inactivityDeadline(dossier, policy);
  if (!due) return { action: 'none' };
  return clock.now().getTime() > due.getTime() ? { action: 'abandon' } : { action: 'wait', until: due };
};
