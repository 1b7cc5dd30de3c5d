import { actorOf, assertCanSee, requireRole, type Caller } from '../domain/caller';
import { openInfoRequest } from '../domain/dossier';
import type { UploadRequest } from '../domain/schemas';
import { newUpload, UPLOAD_URL_TTL_SECONDS } from '../domain/upload';
import type { Dependencies } from '../container';

/**
 * Grants a presigned PUT for one file of a dossier.
 * Input: purpose, file name, type, exact size, SHA-256 (base64). Output: the upload id and
 * what the client must send (method, url, headers) before `expiresAt`.
 * Steps: authorise (candidate of the dossier's company) → load → check purpose, type, size and
 * the dossier's status → store the pending upload → sign the PUT. The bytes never pass here.
 */
export const requestUpload = async (deps: Dependencies, caller: Caller, dossierId: string, request: UploadRequest) => {
  requireRole(caller, ['candidate']);
  const stored = await deps.dossiers.get(dossierId);
  const dossier = assertCanSee(caller, stored?.dossier);
  const upload = newUpload(dossier, request, actorOf(caller).sub, deps.clock, {
    sensitive: false,
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
