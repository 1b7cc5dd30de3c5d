import type { DossierStatus } from './dossier-model';
import type { DeadlineKind } from './legal-periods';
import type { QueueStage } from './queue-stages';
import type { WebhookEventType } from './webhook-events';

/**
 * The French words for the service's codes, in one place: the portal shows them, the exports
 * (CSV, XLSX) write them (issue 25: « CSVs with English codes »). Pure data: the portal imports it.
 */
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

/** The legal clocks (functions/domain/legal-periods.ts), as the people they bind read them. */
export const DEADLINE_LABELS_FR: Record<DeadlineKind, string> = {
  inactivity_abandonment: 'Abandon pour inactivité',
  info_request: 'Réponse à la demande de pièces',
  decision: 'Décision (silence vaut acceptation)',
  ins_test_day: 'Journée de test INS',
  convention_signature: 'Signature de la convention',
  formal_notice: 'Réponse à la mise en demeure',
  convention_term: 'Échéance de la convention',
};

/** ANS's queues (functions/domain/queue-stages.ts), as the instructors name them. */
export const QUEUE_STAGE_LABELS: Record<QueueStage, string> = {
  admissibility: 'Recevabilité',
  deposit: 'Dépôt des preuves',
  instruction: 'Instruction',
  college: 'Collège',
  awaiting_answer: 'En attente du candidat',
};

/** A certificate's status (its domain list, CERTIFICATE_STATUSES, is checked against these keys). */
export const CERTIFICATE_STATUS_LABELS: Record<string, string> = {
  valid: 'Valide',
  formal_notice: 'Mise en demeure',
  suspended: 'Suspendu',
  withdrawn: 'Retiré',
  terminated: 'Résilié',
  expired: 'Expiré',
};

/** How a certificate was granted. */
export const GRANTED_BY_LABELS: Record<string, string> = {
  college: 'Décision du collège',
  tacit_acceptance: 'Acceptation tacite',
};

/** What a company's webhook may hear of (functions/domain/webhook-events.ts), in words. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'dossier.status_changed': 'Changement d’étape d’un dossier',
  'notification.issued': 'Notification émise',
  'upload.settled': 'Fichier déposé accepté ou refusé',
  'certificate.status_changed': 'Changement d’état d’un certificat',
};

export const DELIVERY_STATUS_LABELS: Record<'pending' | 'delivered' | 'failed' | 'dropped', string> = {
  pending: 'En attente d’une nouvelle tentative',
  delivered: 'Remis',
  failed: 'Abandonné après 24 heures',
  dropped: 'Non envoyé (abonnement désactivé ou supprimé)',
};
