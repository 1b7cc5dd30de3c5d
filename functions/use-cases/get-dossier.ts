import { assertCanSee, isStaff, type Caller } from '../domain/caller';
import { withDeadlines } from '../domain/dossier';
import { deemReceipts } from '../domain/dossier-rules/notifications';
import type { Dependencies } from '../container';

/**
 * Input: dossier id, caller. Output: the dossier (deadlines recomputed) and its uploads.
 * Steps: one Query (dossier and uploads) → 404 for another company → recompute the running clocks.
 * A read never applies legal effects (it has no write grant): the next command or timer does.
 * It shows the receipts already deemed, though: they follow from the stored facts and the instant.
 */

/** Reads a dossier and its uploads, if the caller may see it (another company's dossier is a 404). */
export const getDossier = async (deps: Dependencies, caller: Caller, id: string) => {
  const loaded = await deps.dossiers.getWithUploads(id);
  assertCanSee(caller, loaded?.stored.dossier);
  const { stored, uploads } = loaded!;
  const dossier = deemReceipts(stored.dossier, deps.clock.now(), deps.calendar)?.dossier ?? stored.dossier;
  // ANS staff work from the company's name (issue 25), kept on the dossier since it was filed; a
  // dossier filed before that costs one more read
  const companyName = isStaff(caller)
    ? (dossier.companyName ?? (await deps.companies.get(dossier.companyId))?.name ?? '')
    : undefined;
  return {
    stored: { ...stored, dossier: withDeadlines(dossier, deps.calendar) },
    uploads,
    ...(companyName !== undefined ? { companyName } : {}),
  };
};
