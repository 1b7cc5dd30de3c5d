import { requireRole, type Caller } from '../domain/caller';
import type { QueueStage } from '../domain/schemas';
import type { Dependencies } from '../container';

/**
 * Input: stage, page parameters. Output: ANS's FIFO queue for that stage (the collège sees its own),
 * each item with its company's name (staff recognise a dossier by its company, not its id).
 * Steps: authorise per stage → one Query on the queue index (oldest first) → one read per company
 * on the page → answer.
 */

/** Queue items with their company's name: one read per company on the page. */
export const withCompanyNames = async <T extends { companyId: string }>(deps: Dependencies, items: T[]) => {
  const names = new Map<string, string>();
  for (const id of new Set(items.map((i) => i.companyId))) names.set(id, (await deps.companies.get(id))?.name ?? '');
  return items.map((i) => ({ ...i, companyName: names.get(i.companyId) ?? '' }));
};

/** ANS's FIFO queue of a stage, oldest first (the collège sees its own stage). */
export const listQueue = async (
  deps: Dependencies,
  caller: Caller,
  stage: QueueStage,
  limit: number,
  cursor?: string,
) => {
  requireRole(caller, stage === 'college' ? ['instructor', 'college'] : ['instructor']);
  const page = await deps.dossiers.queue(stage, limit, cursor);
  return { ...page, items: await withCompanyNames(deps, page.items) };
};
