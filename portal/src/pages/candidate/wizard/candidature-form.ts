import type { Dossier } from '../../../api/client';
import { PROFILE_MATRICES } from '../../../../../functions/domain/profile-matrix';

/**
 * The candidature as the wizard holds it while a person types: its fields, its steps, how a
 * stored draft fills it and how it becomes the API's body.
 */
export type Profile = Dossier['profiles'][number];
export type UseCase = Dossier['useCase'];
export interface Component {
  name: string;
  version: string;
  nie: string;
  nil: string;
  description: string;
}
export interface Form {
  productName: string;
  productVersion: string;
  useCase: UseCase;
  profiles: Profile[];
  nie: string;
  nil: string;
  deployedInTeleconsultationCompany: boolean;
  plannedCompleteProofDate: string;
  publishPlannedDate: boolean;
  commitment: boolean;
  components: Component[];
  /** a group filing (groupement): the lead files, with one mandate per member */
  groupMembers: { name: string; siret: string }[];
}

// the matrix of the current referential, from the same data the service checks with
export const MATRIX = PROFILE_MATRICES['1.4.2']!;
export const STEPS = [
  'La solution',
  'Les profils',
  'Identifiants et engagements',
  'Composants et groupement',
  'Vérification et dépôt',
];

export const emptyForm: Form = {
  productName: '',
  productVersion: '',
  useCase: 'teleconsultation_company',
  profiles: ['general'],
  nie: '',
  nil: '',
  deployedInTeleconsultationCompany: false,
  plannedCompleteProofDate: '',
  publishPlannedDate: false,
  commitment: false,
  components: [],
  groupMembers: [],
};

export const formOf = (d: Dossier): Form => ({
  productName: d.product.name,
  productVersion: d.product.version,
  useCase: d.useCase,
  profiles: d.profiles,
  nie: d.nie ?? '',
  nil: d.nil ?? '',
  deployedInTeleconsultationCompany: d.deployedInTeleconsultationCompany ?? false,
  plannedCompleteProofDate: d.plannedCompleteProofDate ?? '',
  publishPlannedDate: d.publishPlannedDate ?? false,
  commitment: d.commitment ?? false,
  components: (d.components ?? []).map((c) => ({
    name: c.name,
    version: c.version,
    nie: c.nie ?? '',
    nil: c.nil ?? '',
    description: c.description,
  })),
  groupMembers: (d.group?.members ?? []).map((m) => ({ name: m.name, siret: m.siret ?? '' })),
});

/** The wizard step that holds a field the service names in a 422. */
export const stepOf = (path: string) => {
  if (path.startsWith('product') || path.startsWith('useCase')) return 0;
  if (path.startsWith('profiles')) return 1;
  if (path.startsWith('components') || path.startsWith('group')) return 3;
  return 2;
};

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The candidature as the API takes it; `clear` sends null for emptied optional fields (PATCH). */
export const bodyOf = (f: Form, clear: boolean) => {
  const maybe = (v: string) => optional(v) ?? (clear ? null : undefined);
  const body = {
    product: { name: f.productName.trim(), version: f.productVersion.trim() },
    useCase: f.useCase,
    profiles: f.profiles,
    nie: maybe(f.nie),
    nil: maybe(f.nil),
    deployedInTeleconsultationCompany: f.deployedInTeleconsultationCompany,
    plannedCompleteProofDate: maybe(f.plannedCompleteProofDate),
    publishPlannedDate: f.publishPlannedDate,
    commitment: f.commitment,
    components: f.components.map((c) => ({
      name: c.name.trim(),
      version: c.version.trim(),
      description: c.description.trim(),
      ...(optional(c.nie) ? { nie: c.nie.trim() } : {}),
      ...(optional(c.nil) ? { nil: c.nil.trim() } : {}),
    })),
    group: f.groupMembers.length
      ? {
          members: f.groupMembers.map((m) => ({
            name: m.name.trim(),
            ...(optional(m.siret) ? { siret: m.siret.trim() } : {}),
          })),
        }
      : clear
        ? null
        : undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
};

/** What every step receives: the form, a setter per field, and the service's refusal per field. */
export interface StepProps {
  form: Form;
  set: <K extends keyof Form>(key: K, value: Form[K]) => void;
  fieldError: (path: string) => string | undefined;
  state: (path: string) => 'error' | 'default';
}
