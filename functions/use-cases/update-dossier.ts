import { actorOf, type Caller } from '../domain/caller';
import { patchDossier } from '../domain/dossier';
import { PreconditionFailedError } from '../domain/errors';
import type { DossierPatchInput } from '../domain/schemas';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { loadOwnDossier } from './legal-effects';

/**
 * Progressive save of a draft candidature.
 * Input: the patch, the version the caller read (If-Match). Output: the stored dossier.
 * Steps: authorise (candidate of the dossier's company) → load → check version → apply →
 * store with journal → tell the workflow (the inactivity clock restarts from now).
 */
export const updateDossier = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  expected: { any: true } | { any: false; versions: number[] },
  patch: DossierPatchInput,
) => {
  const { stored } = await loadOwnDossier(deps, caller, id);
  // RFC 9110: `*` matches any current version; a tag that is not the current one fails (412)
  if (!expected.any && !expected.versions.includes(stored.version))
    throw new PreconditionFailedError('the dossier was modified since you read it');
  const dossier = patchDossier(stored.dossier, patch, deps.clock.now());
  const saved = await commitDossier(deps, stored, dossier, [
    { type: 'dossier_updated', actor: actorOf(caller), data: { fields: Object.keys(patch).sort() } },
  ]);
  return saved;
};
