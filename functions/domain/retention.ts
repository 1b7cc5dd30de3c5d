import type { Period as CalendarPeriod } from './calendar';
import { APPEAL_PERIOD, CLOCKS, inWords } from './legal-periods';

/**
 * How long the platform keeps personal data, per category, and why (RGPD art. 5-1-e, art. 13-2-a;
 * API.md [1.2] « A person's own data »): published at `GET /v1/public/privacy`, shown in the
 * portal's privacy notice and in `docs/rgpd/`, from this one table. A period runs from the event
 * each category names (`from`); the purge reads the same table (retention-dates.ts: when each is due).
 */
export const RETENTION_CATEGORIES = [
  'draft_not_submitted',
  'closed_without_certificate',
  'certified',
  'staff_accounts',
  'api_clients_and_webhooks',
  'mail',
  'logs',
] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

export interface RetentionRule {
  category: RetentionCategory;
  /** what it holds, in words */
  holds: string;
  /** the event the period runs from */
  from: string;
  /** one unit, as the legal calendar counts periods */
  period: CalendarPeriod;
  /** why this long, in words */
  reason: string;
  /** the legal basis of the period */
  basis: string;
}

/** A draft nobody submitted: long enough to resume it or ask why it closed. */
const DRAFT_KEPT: CalendarPeriod = { years: 1 };

/** The prescription quadriennale of claims against the State (loi n° 68-1250 du 31 décembre 1968, art. 1). */
const CLAIMS_AGAINST_THE_STATE: CalendarPeriod = { years: 4 };

export const RETENTION: readonly RetentionRule[] = [
  {
    category: 'draft_not_submitted',
    holds: 'candidatures jamais soumises, abandonnées ou retirées à l’état de brouillon',
    from: 'la clôture du brouillon',
    period: DRAFT_KEPT,
    reason: `aucune décision n’a été prise : l’entreprise peut reprendre son dossier ou demander une explication pendant ${inWords(DRAFT_KEPT)}`,
    basis: `RGPD art. 5-1-e (limitation de la conservation) ; guide de dépôt §5.2 (abandon après ${inWords(CLOCKS.inactivity_abandonment.period)} d’inactivité)`,
  },
  {
    category: 'closed_without_certificate',
    holds: 'dossiers irrecevables, refusés, abandonnés ou retirés après leur soumission',
    from: 'la clôture du dossier',
    period: CLAIMS_AGAINST_THE_STATE,
    reason: `une décision a été prise : ${inWords(APPEAL_PERIOD.period)} de recours, puis le temps d’une action en responsabilité contre l’État`,
    basis: `${APPEAL_PERIOD.legalBasis} ; loi n° 68-1250 du 31 décembre 1968, art. 1 (prescription quadriennale)`,
  },
  {
    category: 'certified',
    holds: 'dossiers qui ont conduit à un certificat, avec leurs preuves et leur journal',
    from: 'la fin du certificat (expiration, non-renouvellement, retrait ou résiliation)',
    period: { years: 5 },
    reason: `la vie du certificat, puis ${inWords(APPEAL_PERIOD.period)} de recours et le contrôle du forfait de téléconsultation, qui remonte aux certificats passés`,
    basis: `${APPEAL_PERIOD.legalBasis} ; code de la santé publique, art. R.1470-1 et suivants ; loi n° 68-1250 (prescription quadriennale)`,
  },
  {
    category: 'staff_accounts',
    holds: 'comptes des agents de l’ANS (instructeurs, relecteurs sécurité, collège, support)',
    from: 'la fin des fonctions de l’agent',
    period: { months: 6 },
    reason:
      'le temps de transmettre ses dossiers ; ses actes restent au journal des dossiers sous un identifiant, pas sous son nom',
    basis: 'RGPD art. 5-1-e ; article 6-1-e (mission d’intérêt public de l’ANS)',
  },
  {
    category: 'api_clients_and_webhooks',
    holds: 'clients d’API révoqués, abonnements et journal des remises de webhooks',
    from: 'la révocation du client, la remise ou la suppression de l’abonnement',
    period: { days: 90 },
    reason: 'le temps d’expliquer à l’entreprise une remise manquée ou un client révoqué',
    basis: 'RGPD art. 5-1-e ; art. 32 (traçabilité des accès)',
  },
  {
    category: 'mail',
    holds: 'courriels envoyés (destinataires, objet, texte) et leurs retours de distribution',
    from: 'l’envoi',
    period: { days: 90 },
    reason:
      'le temps de prouver l’envoi d’une notification ; la date certaine de réception est au journal du dossier, qui reste',
    basis: 'code de la santé publique, art. R.1470-4 (date certaine de réception) ; RGPD art. 5-1-e',
  },
  {
    category: 'logs',
    holds:
      'journaux techniques (requêtes, erreurs) : identifiants de comptes et adresses IP, jamais de nom ni d’adresse électronique',
    from: 'leur écriture',
    period: { years: 1 },
    reason: 'détecter et instruire un incident de sécurité',
    basis: 'RGPD art. 32 ; recommandation de la CNIL sur la journalisation (délibération n° 2021-122)',
  },
];

/** What `GET /v1/public/privacy` says, in the contract's words. */
export const privacyNotice = () => ({
  controller: {
    name: 'Agence du numérique en santé (ANS)',
    role: 'responsable de traitement',
    basis:
      'RGPD art. 6-1-e : mission d’intérêt public (certification des solutions de téléconsultation, CSP art. R.1470-1)',
    contact: 'le délégué à la protection des données de l’ANS (ses coordonnées sont aux mentions légales)',
  },
  purposes: [
    'instruire les candidatures à la certification et en notifier les décisions',
    'délivrer, publier et suivre les certificats pendant leur vie',
    'prouver les dates et les actes de la procédure (journal, horodatages, sceau)',
    'sécuriser la plateforme (journaux techniques, limites de débit)',
  ],
  retention: RETENTION.map((r) => ({
    category: r.category,
    period: inWords(r.period),
    from: r.from,
    holds: r.holds,
    reason: r.reason,
    basis: r.basis,
  })),
  rights:
    'Accès et portabilité : GET /v1/me/data (page « Mes données » du portail). Rectification, limitation et opposition : auprès du délégué à la protection des données de l’ANS. Réclamation : Commission nationale de l’informatique et des libertés (CNIL).',
});

/**
 * The notice before a dossier's data are erased: démarches-simplifiées warns two weeks ahead, so
 * does this platform (to the company's contact and legal representative, like every clock's reminder).
 */
export const RETENTION_NOTICE_DAYS = 14;
