import { applicableSections, type Catalogue, type Requirement } from './catalogue';
import { isClosed, openInfoRequest, type Dossier } from './dossier';
import type { FieldError } from './errors';
import { PURPOSE_STATUSES, type Upload } from './upload';

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

/**
 * Why an object that lands now falls outside its upload's window (API.md [1.1]), or null: a
 * presigned PUT lives 15 minutes, and what happened meanwhile decides whether it still counts —
 * the section handed in, the file complete, the requirement judged compliant, the dossier closed.
 */
export const uploadWindowClosed = (
  dossier: Dossier,
  upload: Upload,
  uploads: Upload[],
  section: string | undefined,
): string | null => {
  if (isClosed(dossier.status)) return `the dossier is ${dossier.status}`;
  if (upload.purpose === 'proof') {
    if (dossier.status === 'proofs_deposit') {
      return section && dossier.sections?.[section]?.status === 'submitted'
        ? `the section ${section} was handed in before the file arrived`
        : null;
    }
    if (dossier.status === 'instruction') {
      const others = uploads.filter((u) => u.id !== upload.id);
      const lastRejection = proofsOf(others, upload.requirementId!)
        .map((u) => u.review)
        .filter((r) => r?.verdict === 'non_compliant')
        .map((r) => r!.at)
        .sort()
        .at(-1);
      // new evidence counts only when granted after a non-compliant verdict, while it stays open
      return isReopened(others, upload.requirementId!) && lastRejection && upload.createdAt >= lastRejection
        ? null
        : `the evidence of ${upload.requirementId} was no longer open for deposit when the file arrived`;
    }
    return `evidence is not deposited while the dossier is ${dossier.status}`;
  }
  if (!PURPOSE_STATUSES[upload.purpose].includes(dossier.status))
    return `a ${upload.purpose} is not deposited while the dossier is ${dossier.status}`;
  if (upload.purpose === 'answer')
    return dossier.infoRequests?.some((r) => r.id === upload.requestId && r.status === 'open')
      ? null
      : 'the information request this file answers was no longer open when it arrived';
  if (upload.purpose === 'attachment') return null;
  if (dossier.status === 'admissibility_review' && !openInfoRequest(dossier))
    return 'documents are deposited again only in answer to an open information request';
  return null;
};
