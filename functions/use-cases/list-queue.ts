import { requireRole, type Caller } from '../domain/caller';
import type { QueueStage } from '../domain/schemas';
import type { Dependencies } from '../container';

/**
 * Input: stage, page parameters. Output: ANS's FIFO queue for that stage (the collège sees its own).
 * Steps: authorise per stage → one Query on the queue index (oldest first) → answer.
 */

/** ANS's FIFO queue of a stage, oldest first (the collège sees its own stage). */
export const listQueue = async (
  deps: Dependencies,
  caller: Caller,
  stage: QueueStage,
  limit: number,
  cursor?: string,
) => {
  requireRole(caller, stage === 'college' ? ['instructor', 'college'] : ['instructor']);
  return deps.dossiers.queue(stage, limit, cursor);
};
