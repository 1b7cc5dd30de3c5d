import type { Caller } from '../domain/caller';
import { withDeadlines } from '../domain/dossier';
import type { Dependencies } from '../container';

/**
 * Input: the candidate, page parameters. Output: a page of its company's dossiers, newest first.
 * Steps: authorise → one Query on the company index → recompute each dossier's running clocks.
 */

/** A candidate's own company's dossiers, newest first. */
export const listDossiers = async (deps: Dependencies, caller: Caller, limit: number, cursor?: string) => {
  if (!caller.ensId) return { items: [] };
  const page = await deps.dossiers.listByCompany(caller.ensId, limit, cursor);
  return { ...page, items: page.items.map((d) => withDeadlines(d, deps.calendar)) };
};
