import type { FieldError } from './errors';
import type { ProfileCode, UseCase } from './schemas';

/**
 * Which profiles each use case requires or allows, per referential version (DESIGN.md §4).
 * Data, not code: ANS can publish a new matrix with a new referential version. Where the
 * guide's prose contradicts its own table, the table wins (see DESIGN.md).
 */
export interface ProfileMatrix {
  always: ProfileCode[];
  /** exactly one of these */
  hosting: ProfileCode[];
  useCases: Record<UseCase, { required: ProfileCode[]; optional: ProfileCode[] }>;
  /** profiles that need the CNDA publisher and software numbers */
  needsNieNil: ProfileCode[];
  /**
   * Profiles the law makes required from a date, for some use cases (the guide: e-prescription
   * « exigée … pour fin 2024 … obligatoire pour les SI de téléconsultation, hors société de
   * téléconsultation »): checked at the instant of submission.
   */
  obligations?: Obligation[];
}

export interface Obligation {
  profile: ProfileCode;
  /** YYYY-MM-DD, Paris: required for candidatures submitted from this day */
  requiredFrom: string;
  useCases: UseCase[];
  legalBasis: string;
}

export const PROFILE_MATRICES: Record<string, ProfileMatrix> = {
  '1.4.2': {
    always: ['general'],
    hosting: ['hds_third_party', 'hds_self_hosted'],
    useCases: {
      teleconsultation_company: {
        required: ['identity_referential'],
        optional: ['identity_consumer', 'ciba', 'e_prescription', 'identity_referential_insi_card'],
      },
      health_facility: {
        required: ['identity_consumer', 'identity_referential_insi_card'],
        optional: ['identity_referential', 'ciba', 'e_prescription'],
      },
      city_practice: {
        required: ['identity_referential', 'e_prescription', 'identity_referential_insi_card'],
        optional: ['identity_consumer', 'ciba'],
      },
    },
    needsNieNil: ['identity_referential'],
    obligations: [
      {
        profile: 'e_prescription',
        requiredFrom: '2025-01-01',
        useCases: ['health_facility', 'city_practice'],
        legalBasis: 'Guide de dépôt ANS §3 (ordonnance numérique exigée pour fin 2024)',
      },
    ],
  },
};

export const matrixFor = (referentialVersion: string): ProfileMatrix => {
  const matrix = PROFILE_MATRICES[referentialVersion];
  if (!matrix) throw new Error(`no profile matrix for referential ${referentialVersion}`);
  return matrix;
};

/** Every way the chosen profiles break the matrix, each as a field error. */
export const profileErrors = (
  useCase: UseCase,
  profiles: readonly ProfileCode[],
  matrix: ProfileMatrix,
  /** the Paris day of submission (YYYY-MM-DD): the obligations in force that day apply */
  on?: string,
): FieldError[] => {
  const errors: FieldError[] = [];
  const rules = matrix.useCases[useCase];
  for (const o of obligationsInForce(matrix, useCase, on))
    if (!profiles.includes(o.profile))
      errors.push({
        path: 'profiles',
        message: `the profile ${o.profile} is required for the use case ${useCase} since ${o.requiredFrom} (${o.legalBasis})`,
      });
  for (const required of [...matrix.always, ...rules.required]) {
    if (!profiles.includes(required)) {
      errors.push({ path: 'profiles', message: `the profile ${required} is required for the use case ${useCase}` });
    }
  }
  const hosting = profiles.filter((p) => matrix.hosting.includes(p));
  if (hosting.length === 0) {
    errors.push({
      path: 'profiles',
      message: `exactly one hosting profile is required: ${matrix.hosting.join(' or ')}`,
    });
  } else if (hosting.length > 1) {
    errors.push({ path: 'profiles', message: `choose only one hosting profile, not ${hosting.join(' and ')}` });
  }
  const allowed = new Set([...matrix.always, ...matrix.hosting, ...rules.required, ...rules.optional]);
  for (const profile of profiles) {
    if (!allowed.has(profile)) {
      errors.push({ path: 'profiles', message: `the profile ${profile} is not available for the use case ${useCase}` });
    }
  }
  return errors;
};

/** The obligations a use case is under on a Paris day (none when no day is given). */
export const obligationsInForce = (matrix: ProfileMatrix, useCase: UseCase, on?: string): Obligation[] =>
  on
    ? (matrix.obligations ?? []).filter(
        (o) =>
          o.useCases.includes(useCase) &&
          o.requiredFrom <= on &&
          !matrix.useCases[useCase].required.includes(o.profile),
      )
    : [];
