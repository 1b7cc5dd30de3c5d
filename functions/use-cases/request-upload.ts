import { actorOf, assertCanSee, type Caller } from '../domain/caller';
import { findRequirement, isApplicable } from '../domain/catalogue';
import { isReopened } from '../domain/evidence';
import { openInfoRequest } from '../domain/dossier';
import { BusinessRuleError, ConflictError } from '../domain/errors';
import type { UploadRequest } from '../domain/schemas';
import { newUpload, UPLOAD_URL_TTL_SECONDS } from '../domain/upload';
import type { Dependencies } from '../container';
import { loadDossier } from './legal-effects';

/**
 * Grants a presigned PUT for one file of a dossier.
 * Input: purpose (and requirement for a proof), file name, type, exact size, SHA-256 (base64).
 * Output: the upload id and what the client must send (method, url, headers) before `expiresAt`.
 * Steps: authorise (candidate of the dossier's company) → load → check purpose, type, size,
 * the dossier's status and, for a proof, that its requirement is applicable and its section
 * still open → store the pending upload → sign the PUT (sensitive evidence goes to its own
 * bucket). The bytes never pass here.
 */
export const requestUpload = async (deps: Dependencies, caller: Caller, dossierId: string, request: UploadRequest) => {
  const stored = await loadDossier(deps, dossierId);
  const dossier = assertCanSee(caller, stored?.dossier);
  let sensitive = false;
  if (request.purpose === 'proof' && !['proofs_deposit', 'instruction'].includes(dossier.status)) {
    throw new ConflictError(
      `evidence is deposited once the candidature is admissible (the dossier is ${dossier.status})`,
    );
  }
  if (request.purpose === 'proof') {
    const referential = await deps.referentials.get(dossier.referentialVersion);
    const requirement = referential && findRequirement(referential.catalogue, request.requirementId!);
    if (!requirement || !isApplicable(requirement, dossier.profiles)) {
      throw new BusinessRuleError(
        `the requirement ${request.requirementId} does not apply to this dossier's profiles`,
        [{ path: 'requirementId', message: 'not an applicable requirement of the dossier' }],
      );
    }
    if (dossier.status === 'proofs_deposit' && dossier.sections?.[requirement.section]?.status === 'submitted') {
      throw new ConflictError(`the section ${requirement.section} was handed in: its evidence can no longer change`);
    }
    if (dossier.status === 'instruction') {
      const loaded = await deps.dossiers.getWithUploads(dossierId);
      if (!isReopened(loaded?.uploads ?? [], requirement.id)) {
        throw new ConflictError(
          `the evidence of ${requirement.id} is under review: new evidence is taken only after a non-compliant verdict`,
        );
      }
    }
    sensitive = requirement.sensitive;
  }
  const upload = newUpload(dossier, request, actorOf(caller).sub, deps.clock.now(), {
    sensitive,
    candidateMayAct: openInfoRequest(dossier) !== undefined,
  });
  await deps.dossiers.createUpload(upload);
  const signed = await deps.storage.presignPut(upload.store, upload.key, upload, UPLOAD_URL_TTL_SECONDS);
  return {
    uploadId: upload.id,
    url: signed.url,
    method: 'PUT' as const,
    headers: signed.headers,
    expiresAt: upload.expiresAt,
  };
};
