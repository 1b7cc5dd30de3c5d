import { randomUUID } from 'node:crypto';
import { assertCanSee, type Caller } from '../domain/caller';
import { answerInformationRequest, requestInformation } from '../domain/dossier-rules/information-requests';
import { NotFoundError } from '../domain/errors';
import type { Dependencies } from '../container';
import { commitChange } from './commit-dossier';
import { loadDossier, loadDossierWithUploads } from './legal-effects';

/**
 * An instructor asks for missing items (rule: domain/dossier-rules/information-requests.ts).
 * Input: dossier id, missing items. Output: the request id and its legal due date.
 */
export const openInfoRequestUseCase = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  missingItems: string[],
) => {
  const stored = await loadDossier(deps, id);
  if (!stored) throw new NotFoundError('no such dossier');
  const change = requestInformation(
    stored.dossier,
    { requestId: randomUUID(), missingItems },
    caller,
    deps.clock.now(),
    deps.calendar,
  );
  await commitChange(deps, stored, change);
  return { requestId: change.request.id, dueAt: change.request.dueAt };
};

/**
 * The candidate answers an information request in time; its clock stops and the dossier goes
 * back to ANS. Input: dossier id, request id, message. Output: the stored dossier.
 */
export const answerInfoRequest = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  requestId: string,
  message: string,
  uploadIds?: string[],
) => {
  const loaded = await loadDossierWithUploads(deps, id);
  const dossier = assertCanSee(caller, loaded?.stored.dossier);
  const change = answerInformationRequest(
    dossier,
    { requestId, message, ...(uploadIds ? { uploadIds } : {}) },
    caller,
    deps.clock.now(),
    deps.calendar,
    loaded!.uploads,
  );
  return commitChange(deps, loaded!.stored, change);
};
