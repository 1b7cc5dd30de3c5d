import { randomUUID } from 'node:crypto';
import type { Caller } from '../domain/caller';
import { decideAdmissibility as decide, type AdmissibilityInput } from '../domain/dossier-rules/admissibility';
import { NotFoundError } from '../domain/errors';
import type { Dependencies } from '../container';
import { commitChange } from './commit-dossier';
import { loadDossierWithUploads } from './legal-effects';

export type { AdmissibilityInput };

/**
 * ANS's admissibility verdict (rule: domain/dossier-rules/admissibility.ts).
 * Input: dossier id, the verdict and per-piece verdicts. Output: the dossier's new status.
 * Steps: load with uploads (legal effects applied) → rule → commit → wake the workflow.
 */
export const decideAdmissibility = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  input: AdmissibilityInput,
) => {
  const loaded = await loadDossierWithUploads(deps, id);
  if (!loaded) throw new NotFoundError('no such dossier');
  const { stored, uploads } = loaded;
  const change = decide(stored.dossier, uploads, input, caller, deps.clock.now(), deps.calendar, randomUUID());
  const saved = await commitChange(deps, stored, change);
  return { status: saved.dossier.status };
};
