import { CLOCKS, inWords } from '../../../functions/domain/legal-periods';
import { CLOSED_WITHOUT_CERTIFICATE, isCertified } from '../../../functions/domain/dossier-model';
import type { Schemas } from '../api/client';
import {
  CERTIFICATE_STATUS_LABELS as DOMAIN_CERTIFICATE_STATUS_LABELS,
  DEADLINE_LABELS_FR,
  QUEUE_STAGE_LABELS as DOMAIN_QUEUE_STAGE_LABELS,
  STATUS_LABELS as DOMAIN_STATUS_LABELS,
} from '../../../functions/domain/labels-fr';

type DossierStatus = Schemas['Dossier']['status'];
type Profile = Schemas['Dossier']['profiles'][number];
type UseCase = Schemas['Dossier']['useCase'];
type DeadlineKind = Schemas['Dossier']['deadlines'][number]['kind'];
export type QueueStage = keyof typeof DOMAIN_QUEUE_STAGE_LABELS;

export const STATUS_LABELS: Record<DossierStatus, string> = DOMAIN_STATUS_LABELS;
export const QUEUE_STAGE_LABELS: Record<QueueStage, string> = DOMAIN_QUEUE_STAGE_LABELS;

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

export const DEADLINE_LABELS: Record<DeadlineKind, string> = DEADLINE_LABELS_FR;

export const CERTIFICATE_STATUS_LABELS: Record<Schemas['PublicCertificate']['status'], string> =
  DOMAIN_CERTIFICATE_STATUS_LABELS;

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
  attachment: 'Pièce jointe à un message',
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

/** The journal's events as a person reads them (never the internal code). */
export const JOURNAL_EVENT_LABELS: Record<string, string> = {
  dossier_created: 'Candidature créée',
  dossier_updated: 'Candidature modifiée',
  dossier_submitted: 'Candidature déposée',
  dossier_withdrawn: 'Candidature retirée',
  retention_notice_sent: 'Avis d’effacement prochain des données personnelles',
  dossier_taken_in_charge: 'Dossier pris en charge par l’ANS',
  dossier_released: 'Prise en charge du dossier libérée',
  dossier_admissible: 'Candidature déclarée recevable',
  dossier_inadmissible: 'Candidature déclarée irrecevable',
  dossier_abandoned: 'Candidature réputée abandonnée',
  dossier_closed_unsigned: 'Dossier clos faute de signature de la convention',
  admissibility_incomplete: 'Candidature incomplète : pièces demandées',
  piece_reviewed: 'Pièce examinée',
  upload_received: 'Fichier reçu',
  upload_rejected: 'Fichier refusé',
  upload_withdrawn: 'Fichier retiré',
  upload_scanned: 'Analyse antivirus',
  stray_object_removed: 'Fichier non suivi supprimé',
  section_submitted: 'Section de preuves remise',
  complete_file_acknowledged: 'Accusé de réception du dossier complet',
  info_request_opened: 'Demande de pièces complémentaires',
  info_request_answered: 'Réponse à la demande de pièces',
  proof_reviewed: 'Preuve examinée',
  evidence_downloaded: 'Fichier consulté',
  ins_test_day_proposed: 'Journée de test INS proposée',
  ins_test_day_recorded: 'Résultat de la journée de test INS',
  ins_test_day_late: `Journée de test INS non organisée dans les ${inWords(CLOCKS.ins_test_day.period)}`,
  instruction_completed: 'Instruction close',
  convention_signed: 'Convention signée',
  convention_renewed: 'Convention reconduite',
  college_refused: 'Certification refusée par le collège',
  college_certified_with_reservations: 'Certification avec réserves décidée par le collège',
  certificate_granted: 'Certificat délivré',
  certificate_suspended: 'Certificat suspendu',
  certificate_reinstated: 'Certificat rétabli',
  certificate_withdrawn: 'Certificat retiré',
  certificate_terminated: 'Convention résiliée',
  certificate_expired: 'Fin de validité du certificat',
  decision_received: 'Réception de la décision',
  notification_issued: 'Notification émise',
  notification_received: 'Notification reçue',
  notification_deemed_received: 'Notification réputée reçue',
  formal_notice_issued: 'Mise en demeure',
  formal_notice_answered: 'Réponse à la mise en demeure',
  formal_notice_remedied: 'Mise en demeure levée',
  formal_notice_lapsed: 'Délai de la mise en demeure expiré',
  observations_requested: 'Invitation à présenter des observations',
  observations_presented: 'Observations présentées',
  substantial_change_declared: 'Évolution substantielle déclarée',
  renewal_required: 'Renouvellement exigé',
  non_renewal_notice: 'Reconduction de la convention dénoncée',
  reminder_sent: 'Rappel d’échéance envoyé',
  message_posted: 'Message',
  mail_undeliverable: 'Courriel non distribué',
};

/** Who acted, as the journal names them by role. */
export const ACTOR_LABELS: Record<string, string> = {
  candidate: 'Entreprise',
  instructor: 'Instructeur ANS',
  security_reviewer: 'Relecteur sécurité ANS',
  college: 'Collège de certification',
  admin: 'Administrateur ANS',
  ans: 'ANS',
  timer: 'Automatique (délai légal)',
  system: 'Automatique',
};

/** Why a dossier closed without a certificate. */
export const CLOSED_REASON_LABELS: Record<string, string> = {
  inactivity_abandonment: `sans activité pendant ${inWords(CLOCKS.inactivity_abandonment.period)}`,
  info_request: 'pièces demandées non fournies dans le délai',
  inadmissible: 'candidature irrecevable',
  convention_not_signed: 'convention non signée',
  withdrawn_by_candidate: 'retirée par l’entreprise',
};

export const INS_OUTCOME_LABELS: Record<string, string> = {
  passed: 'réussie',
  failed: 'échouée',
  waived: 'dispensée',
};

/** A label, or the code itself in a form a person can still read (never a snake_case identifier). */
export const labelOf = (labels: Record<string, string>, code: string) => labels[code] ?? code.replace(/_/g, ' ');
