import { CLOSED_WITHOUT_CERTIFICATE, isCertified } from '../../../functions/domain/dossier-model';
import type { Schemas } from '../api/client';

type DossierStatus = Schemas['Dossier']['status'];
type Profile = Schemas['Dossier']['profiles'][number];
type UseCase = Schemas['Dossier']['useCase'];
type DeadlineKind = Schemas['Dossier']['deadlines'][number]['kind'];

export const STATUS_LABELS: Record<DossierStatus, string> = {
  draft: 'Brouillon',
  admissibility_review: 'Examen de recevabilité',
  proofs_deposit: 'Dépôt des preuves',
  instruction: 'En instruction',
  convention_pending: 'Convention à signer',
  college_pending: 'Devant le collège',
  certified: 'Certifié',
  certified_with_reservations: 'Certifié avec réserves',
  refused: 'Refusé',
  inadmissible: 'Irrecevable',
  abandoned: 'Abandonné',
  withdrawn: 'Retiré',
};

/** DSFR badge severity for a status: closed badly is an error, closed well a success. */
export const statusSeverity = (status: DossierStatus): 'success' | 'error' | 'info' | 'new' | 'warning' => {
  if (isCertified(status)) return 'success';
  if ((CLOSED_WITHOUT_CERTIFICATE as readonly DossierStatus[]).includes(status)) return 'error';
  if (status === 'draft') return 'new';
  if (status === 'convention_pending') return 'warning';
  return 'info';
};

export const USE_CASE_LABELS: Record<UseCase, string> = {
  teleconsultation_company: 'Société de téléconsultation',
  health_facility: 'Établissement de santé',
  city_practice: 'Exercice de ville',
};

export const PROFILE_LABELS: Record<Profile, { title: string; hint: string }> = {
  general: { title: 'Général', hint: 'Exigences communes à toute solution de téléconsultation (toujours requis).' },
  identity_referential: {
    title: 'Référentiel d’identités',
    hint: 'La solution gère l’identité des patients (INS) et la qualifie auprès du téléservice INSi.',
  },
  identity_referential_insi_card: {
    title: 'Récupération INSi par carte Vitale',
    hint: 'La solution récupère l’INS par lecture de la carte Vitale.',
  },
  identity_consumer: {
    title: 'Esclave de l’identité',
    hint: 'La solution reçoit l’identité des patients d’un autre système qui en est le référentiel.',
  },
  ciba: { title: 'CIBA (authentification Pro Santé Connect)', hint: 'Authentification déportée des professionnels.' },
  e_prescription: { title: 'Ordonnance numérique', hint: 'La solution émet des e-prescriptions.' },
  hds_third_party: {
    title: 'Hébergement HDS par un tiers',
    hint: 'Les données de santé sont hébergées par un hébergeur certifié HDS.',
  },
  hds_self_hosted: {
    title: 'Hébergement HDS en propre',
    hint: 'L’éditeur héberge lui-même les données de santé (certification HDS requise).',
  },
};

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  inactivity_abandonment: 'Abandon pour inactivité',
  info_request: 'Réponse à la demande de pièces',
  decision: 'Décision (silence vaut acceptation)',
  ins_test_day: 'Journée de test INS',
  convention_signature: 'Signature de la convention',
  formal_notice: 'Réponse à la mise en demeure',
  convention_term: 'Échéance de la convention',
};

export const CERTIFICATE_STATUS_LABELS: Record<Schemas['PublicCertificate']['status'], string> = {
  valid: 'Valide',
  formal_notice: 'Mise en demeure',
  suspended: 'Suspendu',
  withdrawn: 'Retiré',
  terminated: 'Résilié',
  expired: 'Expiré',
};

export const UPLOAD_STATUS_LABELS: Record<Schemas['Upload']['status'], string> = {
  pending: 'En attente de réception',
  received: 'Reçu',
  rejected: 'Refusé',
  withdrawn: 'Retiré',
};

export const PURPOSE_LABELS: Record<Schemas['Upload']['purpose'], string> = {
  functional_documentation: 'Documentation fonctionnelle',
  mandate: 'Mandat',
  proof: 'Preuve',
  answer: 'Pièce jointe à une réponse',
};

type NotificationKind = Schemas['Dossier']['notifications'][number]['kind'];

/** What each notification communicates, as the company reads it. */
export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  info_request: 'Demande de pièces complémentaires',
  inadmissibility: 'Décision d’irrecevabilité',
  decision: 'Décision du collège de certification',
  tacit_acceptance: 'Acceptation tacite de la candidature',
  abandonment: 'Clôture de la candidature',
  formal_notice: 'Mise en demeure',
  observations_notice: 'Invitation à présenter des observations',
  suspension: 'Suspension du certificat',
  reinstatement: 'Rétablissement du certificat',
  withdrawal: 'Retrait du certificat',
  termination: 'Résiliation de la convention',
  expiry: 'Fin de validité du certificat',
  renewal_required: 'Renouvellement du certificat exigé',
};
