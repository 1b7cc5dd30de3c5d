import type { Dossier } from './dossier-model';
import type { QueueStage } from './queue-stages';

/**
 * Where a dossier sits in ANS's queues, if anywhere: in a stage where ANS is the one to act — during
 * the evidence deposit, reviewing each proof as it arrives — ordered by the date that stage was
 * entered; or, while an information request waits for the company's answer, among the dossiers
 * awaiting an answer, the nearest due date first (an instructor follows them there, not in a stage
 * where nothing is theirs to do).
 */
export interface QueueEntry {
  stage: QueueStage;
  /** when the dossier entered the stage */
  since: string;
  /** what the stage is ordered by: arrival, or for the collège the decision deadline (API.md [1.2]) */
  orderBy: string;
}

/** The clock that ends first among a dossier's running ones (the queue, its export and the portal show it). */
export const nearestDeadline = <D extends { dueAt: string }>(deadlines: readonly D[]): D | undefined =>
  deadlines.reduce<D | undefined>((first, d) => (!first || d.dueAt < first.dueAt ? d : first), undefined);

export const queueEntry = (dossier: Dossier): QueueEntry | null => {
  const request = dossier.infoRequests?.find((r) => r.status === 'open');
  if (request) return { stage: 'awaiting_answer', since: request.openedAt, orderBy: request.dueAt };
  if (dossier.status === 'admissibility_review' && dossier.submittedAt) {
    return { stage: 'admissibility', since: dossier.submittedAt, orderBy: dossier.submittedAt };
  }
  // evidence deposit: the company deposits, ANS reviews each proof as it arrives — FIFO by admissibility
  if (dossier.status === 'proofs_deposit' && dossier.admissibleAt)
    return { stage: 'deposit', since: dossier.admissibleAt, orderBy: dossier.admissibleAt };
  // instruction: FIFO by the complete file's acknowledgement of receipt
  if (dossier.status === 'instruction' && dossier.receipt)
    return { stage: 'instruction', since: dossier.receipt.at, orderBy: dossier.receipt.at };
  // the collège's agenda: ready since the convention's signature (favourable report) or the
  // unfavourable report itself (no convention before the collège decides); ordered by the decision
  // deadline, the most urgent first
  const readyForCollege = dossier.convention?.signedAt ?? dossier.instructionReport?.at;
  if (dossier.status === 'college_pending' && readyForCollege)
    return { stage: 'college', since: readyForCollege, orderBy: dossier.decisionDueAt ?? readyForCollege };
  return null;
};
