import { APPEAL_PERIOD, inWords } from './legal-periods';

/**
 * A decision on a candidature (R.1470-4 al. 2): it states its reasons and the means and time
 * limits of appeal, and is communicated by a means that gives a certain date of receipt — the
 * company's acknowledgement, journaled (`receivedAt`).
 */
export const DECISION_OUTCOMES = [
  'certified',
  'certified_with_reservations',
  'refused',
  'inadmissible',
  'tacit_acceptance',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
/** What the collège may decide on a dossier ready for it (guide §5.4). */
export const COLLEGE_OUTCOMES = ['certified', 'certified_with_reservations', 'refused'] as const;

export interface Decision {
  outcome: DecisionOutcome;
  decidedAt: string;
  /** a person's id for ANS, `system` for tacit acceptance */
  decidedBy: string;
  reasons?: string[];
  reservations?: string[];
  /** voies et délais de recours, quoted in the dossier, the mail and the PDF */
  appeal: string;
  receivedAt?: string;
  receivedBy?: string;
  /** the last day to appeal: two months from the receipt (CJA R.421-1) */
  appealUntil?: string;
  /** hash of the journal event that records the receipt */
  receiptHash?: string;
}

/** Voies et délais de recours (code des relations entre le public et l'administration, L411-2; CJA R.421-1). */
export const APPEAL_TEXT =
  `Voies et délais de recours : cette décision peut faire l’objet, dans un délai de ${inWords(APPEAL_PERIOD.period)} à compter de sa ` +
  'réception, d’un recours gracieux auprès de l’Agence du Numérique en Santé (ANS) et d’un recours contentieux ' +
  'devant le tribunal administratif compétent. Le recours gracieux prolonge le délai du recours contentieux, ' +
  'qui court à nouveau à compter de la réponse de l’ANS.';

export const newDecision = (
  outcome: DecisionOutcome,
  decidedAt: string,
  decidedBy: string,
  details: { reasons?: string[]; reservations?: string[] } = {},
): Decision => ({
  outcome,
  decidedAt,
  decidedBy,
  ...(details.reasons?.length ? { reasons: details.reasons } : {}),
  ...(details.reservations?.length ? { reservations: details.reservations } : {}),
  appeal: APPEAL_TEXT,
});

/** The decision as the API shows it (API.md [1.2]): its appeal with the last day once received. */
export const decisionView = ({ appeal, appealUntil, ...decision }: Decision) => ({
  ...decision,
  appeal: { text: appeal, period: 'P2M', ...(appealUntil ? { until: appealUntil } : {}) },
});
