import { applicableSections, type Catalogue, type Requirement } from './catalogue';
import type { Dossier } from './dossier';
import type { FieldError } from './errors';
import type { Upload } from './upload';

/**
 * Evidence per requirement, grouped by section (guide §5.1): what the candidate must hand in,
 * what it has handed in, and whether the file is complete.
 */
export type SectionStatus = 'not_started' | 'in_progress' | 'ready' | 'submitted';

/** The evidence that counts for a requirement: received, not withdrawn. */
export const proofsOf = (uploads: Upload[], requirementId: string) =>
  uploads.filter((u) => u.purpose === 'proof' && u.requirementId === requirementId && u.status === 'received');

export const sectionStatus = (
  dossier: Dossier,
  sectionId: string,
  requirements: Requirement[],
  uploads: Upload[],
): SectionStatus => {
  if (dossier.sections?.[sectionId]?.status === 'submitted') return 'submitted';
  const withProof = requirements.filter((r) => proofsOf(uploads, r.id).length > 0).length;
  if (withProof === 0) return 'not_started';
  return withProof === requirements.length ? 'ready' : 'in_progress';
};

export const requirementsView = (
  catalogue: Catalogue,
  dossier: Dossier,
  uploads: Upload[],
  show: (u: Upload) => unknown,
) =>
  applicableSections(catalogue, dossier.profiles).map((section) => ({
    id: section.id,
    title: section.title,
    status: sectionStatus(dossier, section.id, section.requirements, uploads),
    ...(dossier.sections?.[section.id] ? { submittedAt: dossier.sections[section.id]!.submittedAt } : {}),
    requirements: section.requirements.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      expectedEvidence: r.expectedEvidence,
      sensitive: r.sensitive,
      proofs: uploads
        .filter((u) => u.purpose === 'proof' && u.requirementId === r.id && u.status !== 'pending')
        .map(show),
    })),
  }));

/** Requirements of a section that still lack received evidence (422 on section submission). */
export const sectionGaps = (requirements: Requirement[], uploads: Upload[]): FieldError[] =>
  requirements
    .filter((r) => proofsOf(uploads, r.id).length === 0)
    .map((r) => ({ path: `requirements.${r.id}`, message: `no received evidence for ${r.id} — ${r.title}` }));

/** Every applicable section handed in: the file is complete (R.1470-4 clock starts). */
export const isFileComplete = (catalogue: Catalogue, dossier: Dossier) =>
  applicableSections(catalogue, dossier.profiles).every((s) => dossier.sections?.[s.id]?.status === 'submitted');

/**
 * During instruction, a requirement is open for new evidence only after ANS found its evidence
 * non-compliant and until new evidence arrives (then it waits for a new review).
 */
export const isReopened = (uploads: Upload[], requirementId: string): boolean => {
  const proofs = proofsOf(uploads, requirementId);
  const rejected = proofs.filter((u) => u.review?.verdict === 'non_compliant').map((u) => u.review!.at);
  if (rejected.length === 0) return false;
  const lastRejection = rejected.sort().at(-1)!;
  return !proofs.some((u) => (u.receivedAt ?? '') > lastRejection);
};

/** The review state of a requirement, from its latest evidence (history stays on the uploads). */
export const requirementReview = (
  uploads: Upload[],
  requirementId: string,
): 'none' | 'pending' | 'compliant' | 'non_compliant' => {
  const proofs = proofsOf(uploads, requirementId);
  if (proofs.length === 0) return 'none';
  if (isReopened(uploads, requirementId)) return 'non_compliant';
  const latest = proofs.reduce((a, b) => ((a.receivedAt ?? '') >= (b.receivedAt ?? '') ? a : b));
  if (!latest.review) return 'pending';
  return proofs.every((u) => !u.review || u.review.verdict === 'compliant' || (u.receivedAt ?? '') < latest.receivedAt!)
    ? latest.review.verdict
    : 'non_compliant';
};
