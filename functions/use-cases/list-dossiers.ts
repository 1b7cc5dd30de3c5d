import { requireRole, type Caller } from '../domain/caller';
import { withDeadlines } from '../domain/dossier';
import type { Dependencies } from '../container';

/** A candidate's own company's dossiers, newest first. */
export const listDossiers = async (deps: Dependencies, caller: Caller, limit: number, cursor?: string) => {
  requireRole(caller, ['candidate']);
  if (!caller.ensId) return { items: [] };
  const page = await deps.dossiers.listByCompany(caller.ensId, limit, cursor);
  return { ...page, items: page.items.map((d) => withDeadlines(d, deps.calendar)) };
};
