/**
 * ANS's queues, in the procedure's order; `deposit` follows the evidence deposit of admissible
 * dossiers; `awaiting_answer` holds the dossiers whose clock is stopped on an information request
 * (the company is the one to act), by the answer's due date: instructors follow them in one place.
 */
export const QUEUE_STAGES = ['admissibility', 'deposit', 'instruction', 'college', 'awaiting_answer'] as const;
export type QueueStage = (typeof QUEUE_STAGES)[number];
