import type { ProfileCode } from './schemas';

/**
 * The requirement catalogue of a referential version: sections of requirements, each made
 * applicable by the profiles it lists. Data, versioned; a dossier keeps the version it started with.
 */
export interface Requirement {
  id: string;
  title: string;
  description: string;
  section: string;
  /** the requirement applies when the dossier has any of these profiles */
  profiles: ProfileCode[];
  /** penetration-test material: stored apart, readable by security reviewers only */
  sensitive: boolean;
  expectedEvidence: string;
}

export interface Section {
  id: string;
  title: string;
  /** a core domain: what an exceptional certificate needs compliant (guide §5.4, arrêté du 9 février 2024) */
  core?: boolean;
}

export interface Catalogue {
  version: string;
  /** the decision period for files under this version (ISO 8601); absent: R.1470-4's six months */
  decisionPeriod?: string;
  sections: Section[];
  requirements: Requirement[];
}

export const isApplicable = (requirement: Requirement, profiles: readonly ProfileCode[]) =>
  requirement.profiles.some((p) => profiles.includes(p));

/** The sections and requirements a profile set makes applicable, in catalogue order. */
export const applicableSections = (catalogue: Catalogue, profiles: readonly ProfileCode[]) =>
  catalogue.sections
    .map((section) => ({
      ...section,
      requirements: catalogue.requirements.filter((r) => r.section === section.id && isApplicable(r, profiles)),
    }))
    .filter((s) => s.requirements.length > 0);

export const findRequirement = (catalogue: Catalogue, id: string) => catalogue.requirements.find((r) => r.id === id);

/** The sections an exceptional certificate needs compliant: data of the referential version. */
export const coreSections = (catalogue: Catalogue) => catalogue.sections.filter((s) => s.core).map((s) => s.id);
