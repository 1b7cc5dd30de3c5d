import { assertCanSee, type Caller } from '../domain/caller';
import { withDeadlines } from '../domain/dossier';
import type { Dependencies } from '../container';

/** Reads a dossier and its uploads, if the caller may see it (another company's dossier is a 404). */
export const getDossier = async (deps: Dependencies, caller: Caller, id: string) => {
  const loaded = await deps.dossiers.getWithUploads(id);
  assertCanSee(caller, loaded?.stored.dossier);
  const { stored, uploads } = loaded!;
  return { stored: { ...stored, dossier: withDeadlines(stored.dossier, deps.calendar) }, uploads };
};
