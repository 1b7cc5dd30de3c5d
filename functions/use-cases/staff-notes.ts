import type { Dependencies } from '../container';
import type { Caller } from '../domain/caller';
import { NotFoundError } from '../domain/errors';
import { newStaffNote } from '../domain/staff-notes';
import { loadDossier } from './legal-effects';

/**
 * Private notes between ANS staff on a dossier (routes for staff roles only; never in the
 * dossier's view, journal, webhooks or mail).
 * Input: the dossier's id, the caller, the note (or page parameters). Output: the note (a page).
 * Steps: load the dossier, legal effects first (404 when it does not exist or was erased) → store
 * the note beside it, or read them, oldest first.
 */
export const addStaffNote = async (deps: Dependencies, caller: Caller, id: string, body: string) => {
  if (!(await loadDossier(deps, id))) throw new NotFoundError('no such dossier');
  const note = newStaffNote(id, caller, body, deps.clock.now());
  await deps.dossiers.addNote(note);
  return note;
};

export const listStaffNotes = async (deps: Dependencies, id: string, limit: number, cursor?: string) => {
  if (!(await deps.dossiers.get(id))) throw new NotFoundError('no such dossier');
  return deps.dossiers.notes(id, limit, cursor);
};
