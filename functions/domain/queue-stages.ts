/** ANS's queues, in the procedure's order; `deposit` follows the evidence deposit of admissible dossiers. */
export const QUEUE_STAGES = ['admissibility', 'deposit', 'instruction', 'college'] as const;
export type QueueStage = (typeof QUEUE_STAGES)[number];
