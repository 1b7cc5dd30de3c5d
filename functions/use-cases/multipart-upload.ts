import { assertCanSee, type Caller } from '../domain/caller';
import { NotFoundError } from '../domain/errors';
import {
  assertPartsMayArrive,
  partsToAssemble,
  partsToSend,
  UPLOAD_URL_TTL_SECONDS,
  type MultipartTransfer,
  type Upload,
} from '../domain/upload';
import { partSize } from '../domain/upload-rules';
import type { Dependencies } from '../container';
import { loadDossierWithUploads } from './legal-effects';

type InParts = Upload & { multipart: MultipartTransfer };

/** One presigned PUT per part asked for, each signing its exact length and SHA-256. */
export const grantsForParts = (deps: Dependencies, upload: InParts, partNumbers: readonly number[]) =>
  Promise.all(
    partNumbers.map(async (partNumber) => {
      const signed = await deps.storage.presignPart(
        upload.store,
        upload.key,
        upload.multipart.storageId,
        { partNumber, size: partSize(upload.size, partNumber), sha256: upload.multipart.parts[partNumber - 1]! },
        UPLOAD_URL_TTL_SECONDS,
      );
      return { partNumber, url: signed.url, headers: signed.headers };
    }),
  );

/**
 * The caller's multipart upload still under way: a company's own (another's is a 404), sent in
 * parts, still pending and within its window.
 */
const uploadUnderWay = async (deps: Dependencies, caller: Caller, dossierId: string, uploadId: string) => {
  const loaded = await loadDossierWithUploads(deps, dossierId);
  assertCanSee(caller, loaded?.stored.dossier);
  const upload = loaded!.uploads.find((u) => u.id === uploadId);
  if (!upload?.multipart) throw new NotFoundError('no such upload in parts on this dossier');
  return upload as InParts;
};

/**
 * Where a file sent in parts stands, and fresh links for what is still to send — how a client
 * resumes after a cut connection or a reload (links last 15 minutes; the upload, 12 hours).
 * Input: the dossier and upload ids. Output: the parts storage holds with the announced SHA-256,
 * and a presigned PUT for every other part.
 * Steps: authorise → load (legal effects first) → check the upload is under way → ask storage →
 * sign the missing parts. Nothing is stored.
 */
export const resumeMultipart = async (deps: Dependencies, caller: Caller, dossierId: string, uploadId: string) => {
  const upload = await uploadUnderWay(deps, caller, dossierId, uploadId);
  const stored = assertPartsMayArrive(
    upload,
    deps.clock.now(),
    upload.status === 'pending'
      ? await deps.storage.listParts(upload.store, upload.key, upload.multipart.storageId)
      : null,
  );
  const missing = partsToSend(upload.multipart, stored);
  return {
    uploadId: upload.id,
    partSize: upload.multipart.partSize,
    expiresAt: upload.expiresAt,
    received: upload.multipart.parts.flatMap((_, i) => (missing.includes(i + 1) ? [] : [i + 1])),
    parts: await grantsForParts(deps, upload, missing),
  };
};

/**
 * Assembles a file sent in parts. Storage then reports the object as for a single PUT, and the
 * service checks its size and whole SHA-256 before it counts (`received`) — or rejects it.
 * Input: the dossier and upload ids. Output: the upload id and its status (`pending` until checked).
 * Steps: authorise → load → check the upload is under way → every part held with its announced
 * SHA-256 (409 naming the missing ones otherwise) → complete in storage. Idempotent: completing
 * a file already assembled answers its status.
 */
export const completeMultipart = async (deps: Dependencies, caller: Caller, dossierId: string, uploadId: string) => {
  const upload = await uploadUnderWay(deps, caller, dossierId, uploadId);
  const { store, key } = upload;
  const stored =
    upload.status === 'pending' ? await deps.storage.listParts(store, key, upload.multipart.storageId) : null;
  // already assembled (a retry after a lost answer): the object is there, its check under way or done
  if (!stored && (upload.status !== 'pending' || (await deps.storage.exists(store, key))))
    return { uploadId: upload.id, status: upload.status };
  const parts = partsToAssemble(upload.multipart, assertPartsMayArrive(upload, deps.clock.now(), stored));
  await deps.storage.completeMultipart(store, key, upload.multipart.storageId, parts);
  return { uploadId: upload.id, status: upload.status };
};
