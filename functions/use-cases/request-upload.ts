import { actorOf, assertCanSee, type Caller } from '../domain/caller';
import { openInfoRequest } from '../domain/dossier';
import { evidenceRequirement } from '../domain/dossier-rules/evidence';
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
  const sensitive =
    request.purpose === 'proof' &&
    evidenceRequirement(
      dossier,
      (await deps.referentials.get(dossier.referentialVersion))?.catalogue,
      request.requirementId!,
      await uploadsIf(deps, dossierId, dossier.status === 'instruction'),
    ).sensitive;
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

/** The dossier's uploads, read only when the rule needs them (a proof during instruction). */
const uploadsIf = async (deps: Dependencies, dossierId: string, needed: boolean) =>
  needed ? ((await deps.dossiers.getWithUploads(dossierId))?.uploads ?? []) : [];
