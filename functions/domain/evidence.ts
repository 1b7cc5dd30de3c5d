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
