import { assertCanSee, type Caller } from '../domain/caller';
import { withDeadlines } from '../domain/dossier';
import type { Dependencies } from '../container';

/** Reads a dossier the caller may see (another company's dossier is a 404). */
export const getDossier = async (deps: Dependencies, caller: Caller, id: string) => {
  const stored = await deps.dossiers.get(id);
  assertCanSee(caller, stored?.dossier);
  return { ...stored!, dossier: withDeadlines(stored!.dossier, deps.calendar) };
};
