import { CLOSED_STATUSES, type Dossier } from './dossier-model';

/**
 * The guide (§4.1) asks each candidate whether ANS may publish its planned date of a complete
 * evidence file: a candidature under way whose company said yes is listed publicly — the product,
 * the company's name and that date, nothing else (no person, no status detail beyond the stage).
 */
export interface PublicCandidature {
  dossierId: string;
  product: { name: string; version: string };
  companyName: string;
  plannedCompleteProofDate: string;
  /** where the candidature is: filed (admissibility), evidence being deposited, or under instruction */
  stage: 'admissibility' | 'evidence' | 'instruction';
  since: string;
}

const STAGE: Partial<Record<Dossier['status'], PublicCandidature['stage']>> = {
  admissibility_review: 'admissibility',
  proofs_deposit: 'evidence',
  instruction: 'instruction',
  convention_pending: 'instruction',
  college_pending: 'instruction',
};

/** Whether a dossier is listed: submitted, still open, its planned date given and publication allowed. */
export const isPubliclyListed = (d: Dossier) =>
  Boolean(d.submittedAt && d.publishPlannedDate && d.plannedCompleteProofDate && !CLOSED_STATUSES.includes(d.status));

export const publicCandidature = (d: Dossier, companyName: string): PublicCandidature => ({
  dossierId: d.id,
  product: d.product,
  companyName,
  plannedCompleteProofDate: d.plannedCompleteProofDate!,
  stage: STAGE[d.status] ?? 'admissibility',
  since: d.submittedAt!,
});

/**
 * What a write does to the public list: put the listing (new, or its stage, product or date
 * changed), remove it (closed, or publication withdrawn), or nothing.
 */
export const publicListingChange = (before: Dossier | null, after: Dossier): 'put' | 'remove' | undefined => {
  const was = before ? isPubliclyListed(before) : false;
  const is = isPubliclyListed(after);
  if (!is) return was ? 'remove' : undefined;
  const same =
    was &&
    before!.status === after.status &&
    before!.plannedCompleteProofDate === after.plannedCompleteProofDate &&
    before!.product.name === after.product.name &&
    before!.product.version === after.product.version;
  return same ? undefined : 'put';
};
