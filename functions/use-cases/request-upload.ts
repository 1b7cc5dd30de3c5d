import { actorOf, assertCanSee, type Caller } from '../domain/caller';
import { openInfoRequest } from '../domain/dossier';
import { evidenceRequirement } from '../domain/dossier-rules/evidence';
import type { UploadRequest } from '../domain/schemas';
import { assertGrantCapacity, newUpload, sentInParts, UPLOAD_URL_TTL_SECONDS } from '../domain/upload';
import { MULTIPART_PART_BYTES } from '../domain/upload-rules';
import { grantsForParts } from './multipart-upload';
import type { Dependencies } from '../container';
import { loadDossierWithUploads } from './legal-effects';

/**
 * Grants a presigned PUT for one file of a dossier.
 * Input: purpose (and requirement for a proof), file name, type, exact size, SHA-256 (base64).
 * Output: the upload id and what the client must send (method, url, headers) before `expiresAt`.
 * Steps: authorise (candidate of the dossier's company) → load → check purpose, type, size,
 * the dossier's status and, for a proof, that its requirement is applicable and its section
 * still open → store the pending upload → sign the PUT (sensitive evidence goes to its own
 * bucket). The bytes never pass here. A request with `parts` gets one presigned PUT per part instead
 * (multipart-upload.ts grants them again and completes the file).
 */
export const requestUpload = async (deps: Dependencies, caller: Caller, dossierId: string, request: UploadRequest) => {
  const loaded = await loadDossierWithUploads(deps, dossierId);
  const dossier = assertCanSee(caller, loaded?.stored.dossier);
  const uploads = loaded!.uploads;
  const sensitive =
    request.purpose === 'proof' &&
    evidenceRequirement(
      dossier,
      (await deps.referentials.get(dossier.referentialVersion))?.catalogue,
      request.requirementId!,
      dossier.status === 'instruction' ? uploads : [],
    ).sensitive;
  const upload = newUpload(dossier, request, actorOf(caller).sub, deps.clock.now(), {
    sensitive,
    candidateMayAct: openInfoRequest(dossier) !== undefined,
  });
  // the file itself is acceptable: does the dossier have room for one more grant under way?
  assertGrantCapacity(uploads, upload.size, deps.clock.now());
  if (request.parts && sentInParts(request, sensitive)) {
    // in parts: storage opens the multipart upload first, so the record names it from the start
    const storageId = await deps.storage.startMultipart(upload.store, upload.key, upload);
    const multipart = { ...upload, multipart: { partSize: MULTIPART_PART_BYTES, parts: request.parts, storageId } };
    await deps.dossiers.createUpload(multipart);
    return {
      uploadId: upload.id,
      method: 'PUT' as const,
      partSize: MULTIPART_PART_BYTES,
      parts: await grantsForParts(
        deps,
        multipart,
        request.parts.map((_, i) => i + 1),
      ),
      expiresAt: upload.expiresAt,
    };
  }
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
