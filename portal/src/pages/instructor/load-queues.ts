import { api, unwrap } from '../../api/client';
import { QUEUE_STAGE_LABELS, type QueueStage } from '../../ui/labels';
import type { QueueItem } from './queue-table';

/** ANS's queues in the procedure's order, the dossiers awaiting the company's answer last. */
export const STAGES = (Object.keys(QUEUE_STAGE_LABELS) as QueueStage[]).map((stage) => ({
  stage,
  label: QUEUE_STAGE_LABELS[stage],
}));

/** A queue's dossiers, every page of it (100 at a time, as the service pages them). */
export const wholeQueue = async (stage: QueueStage): Promise<QueueItem[]> => {
  const items: QueueItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET('/v1/queue', { params: { query: { stage, limit: 100, ...(cursor ? { cursor } : {}) } } }),
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
};

/** Every queue, whole. */
export const loadQueues = () =>
  Promise.all(STAGES.map(async ({ stage, label }) => ({ stage, label, items: await wholeQueue(stage) })));
