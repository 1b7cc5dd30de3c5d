import type { Clock } from '../domain/clock';
import type { WorkQueue } from '../domain/ports';

/**
 * Does each item of a claim-once queue (mail, documents) exactly once: claim it (another worker
 * that has it is skipped), do it, mark it done; a failure releases it for the next sweep.
 * Input: the queue, the items (from a stream) or none (the pending ones). Output: counts.
 */
export const drainWorkQueue = async <T extends { id: string }>(
  queue: WorkQueue<T>,
  clock: Clock,
  work: (item: T) => Promise<void>,
  items?: T[],
) => {
  let done = 0;
  let failed = 0;
  // an item whose worker died after claiming it is among the pending ones again (CLAIM_LEASE_MS)
  for (const item of items ?? (await queue.pending(25, clock.now().toISOString()))) {
    if (!(await queue.claim(item.id, clock.now().toISOString()))) continue;
    try {
      await work(item);
      await queue.markDone(item.id, clock.now().toISOString());
      done++;
    } catch (error) {
      failed++;
      await queue.release(item.id, error instanceof Error ? error.message : String(error));
    }
  }
  return { done, failed };
};
