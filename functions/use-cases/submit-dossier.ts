import { assertCanSee, type Caller } from '../domain/caller';
import { submit } from '../domain/dossier-rules/candidature';
import type { Dependencies } from '../container';
import { commitChange } from './commit-dossier';
import { loadDossierWithUploads, referentialOf } from './legal-effects';

/**
 * Submits a draft candidature for admissibility (rule: domain/dossier-rules/candidature.ts).
 * Input: dossier id. Output: the stored dossier (status admissibility_review).
 * Steps: load with uploads (legal effects applied; another company's dossier is a 404) →
 * rule (completeness, profile matrix) → commit with journal and mail → wake the workflow.
 */
export const submitDossier = async (deps: Dependencies, caller: Caller, id: string) => {
  const loaded = await loadDossierWithUploads(deps, id);
  const dossier = assertCanSee(caller, loaded?.stored.dossier);
  const referential = await referentialOf(deps, dossier);
  return commitChange(
    deps,
    loaded!.stored,
    submit(dossier, loaded!.uploads, referential.matrix, caller, deps.clock.now()),
  );
};
