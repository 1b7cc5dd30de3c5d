import { randomUUID } from 'node:crypto';
import { type CalendarPolicy, defaultCalendarPolicy } from './calendar';
import { runningClocks } from './clocks';
import { BusinessRuleError, ConflictError } from './errors';
import { assertAllowed } from './dossier-commands';
import type { Dossier, DossierStatus, InfoRequest } from './dossier-model';

export { DOSSIER_STATUSES } from './dossier-model';
export type { Deadline, DeadlineKind, Dossier, DossierStatus, InfoRequest } from './dossier-model';
import type { DossierCreateInput, DossierPatchInput } from './schemas';

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
  instant: Date,
  id: string = randomUUID(),
  referentialVersion: string = CURRENT_REFERENTIAL_VERSION,
): Dossier => {
  const now = instant.toISOString();
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

/**
 * Applies a progressive save: a draft's, or — during admissibility review — the corrections an
 * open information request names (its `fields`), nothing else.
 */
export const patchDossier = (dossier: Dossier, patch: DossierPatchInput, instant: Date): Dossier => {
  const request = openInfoRequest(dossier);
  if (dossier.status === 'admissibility_review' && request?.fields?.length) {
    const other = Object.keys(patch).filter((k) => !request.fields!.includes(k));
    if (other.length)
      throw new BusinessRuleError(
        `the open information request lets you correct ${request.fields.join(', ')} only`,
        other.map((path) => ({ path, message: 'not named by the information request' })),
        'Code de la santé publique, art. R.1470-2',
      );
  } else assertAllowed('edit', dossier);
  const now = instant.toISOString();
  const next: Record<string, unknown> = { ...dossier };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  if (patch.components === null) next.components = [];
  return withDeadlines({ ...(next as unknown as Dossier), updatedAt: now, lastCandidateActivityAt: now });
};

export const transition = (dossier: Dossier, to: DossierStatus, instant: Date): Dossier => {
  if (!TRANSITIONS[dossier.status].includes(to)) {
    throw new ConflictError(
      isClosed(dossier.status)
        ? `the dossier is ${dossier.status} and never reopens: a new candidature is required`
        : `a dossier cannot go from ${dossier.status} to ${to}`,
    );
  }
  const now = instant.toISOString();
  return withDeadlines({ ...dossier, status: to, updatedAt: now, ...(isClosed(to) ? { closedAt: now } : {}) });
};

/** A change made by the candidate: it restarts the inactivity clock. */
export const touchedByCandidate = (dossier: Dossier, instant: Date): Dossier => {
  const now = instant.toISOString();
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
