import type { Dependencies } from '../container';

/**
 * The public list of candidatures under way (guide §4.1): product, company and planned date of a
 * complete evidence file, for the companies that allowed it — maintained with each dossier write.
 * Input: page size and cursor. Output: a page ordered by planned date.
 */
export const publishedCandidatures = (deps: Dependencies, limit: number, cursor?: string) =>
  deps.dossiers.listPublicCandidatures(limit, cursor);
