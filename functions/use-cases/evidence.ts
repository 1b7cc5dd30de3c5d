import { randomUUID } from 'node:crypto';
import { actorOf, assertCanSee, isStaff, type Caller } from '../domain/caller';
import { downloadRecorded } from '../domain/journal-requests';
import type { Upload } from '../domain/upload';
import { scanBlocksStaff, uploadView } from '../domain/upload';
import { requirementsView } from '../domain/evidence';
import { handInSection, withdrawFile } from '../domain/dossier-rules/evidence';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors';
import type { Dependencies } from '../container';
import { commitChange } from './commit-dossier';
import { loadDossierWithUploads, referentialOf } from './legal-effects';

/**
 * The requirements the dossier's profiles make applicable, by section, with their evidence and
 * each section's status. Input: dossier id. Output: `{ referentialVersion, sections }`.
 */
export const getRequirements = async (deps: Dependencies, caller: Caller, id: string) => {
  const loaded = await deps.dossiers.getWithUploads(id);
  const dossier = assertCanSee(caller, loaded?.stored.dossier);
  const referential = await referentialOf(deps, dossier);
  return {
    referentialVersion: referential.version,
    sections: requirementsView(referential.catalogue, dossier, loaded!.uploads, uploadView),
  };
};

/**
 * Hands in a section's evidence (rule: domain/dossier-rules/evidence.ts); the last section makes
 * the file complete, with its acknowledgement of receipt.
 * Steps: load with uploads (legal effects applied) → rule → commit → mail → wake the workflow.
 */
export const submitSection = async (deps: Dependencies, caller: Caller, id: string, sectionId: string) => {
  const loaded = await loadDossierWithUploads(deps, id);
  const dossier = assertCanSee(caller, loaded?.stored.dossier);
  const referential = await referentialOf(deps, dossier);
  const change = handInSection(
    dossier,
    loaded!.uploads,
    referential.catalogue,
    sectionId,
    caller,
    deps.clock.now(),
    deps.calendar,
  );
  return { stored: await commitChange(deps, loaded!.stored, change), complete: change.complete };
};

/**
 * The candidate replaces a file: the upload is withdrawn and its object deleted, as long as its
 * section (or, for candidature documents, the candidature) is still open.
 */
export const withdrawUpload = async (deps: Dependencies, caller: Caller, id: string, uploadId: string) => {
  const loaded = await loadDossierWithUploads(deps, id);
  const dossier = assertCanSee(caller, loaded?.stored.dossier);
  const upload = loaded!.uploads.find((u) => u.id === uploadId);
  const catalogue = upload?.purpose === 'proof' ? (await referentialOf(deps, dossier)).catalogue : undefined;
  const change = withdrawFile(dossier, upload, catalogue, caller, deps.clock.now());
  await commitChange(deps, loaded!.stored, change);
  await deps.storage.remove(change.withdrawn.store, change.withdrawn.key);
  return uploadView(change.withdrawn);
};

export const DOWNLOAD_URL_TTL_SECONDS = 300;

/**
 * A short presigned GET for one file, journaled. Sensitive evidence (penetration tests) only
 * for security reviewers; other files for ANS staff and the company itself.
 */
export const downloadUpload = async (deps: Dependencies, caller: Caller, id: string, uploadId: string) => {
  const loaded = await deps.dossiers.getWithUploads(id);
  // one query, then the same 404 for a missing dossier and for another company's
  assertCanSee(caller, loaded?.stored.dossier);
  const upload = loaded!.uploads.find((u) => u.id === uploadId && u.status === 'received');
  if (!upload) throw new NotFoundError('no such received file');
  // sensitive evidence has its own route, function and bucket grant: security reviewers only
  if (upload.store === 'sensitive') {
    if (!isStaff(caller)) throw new NotFoundError('no such received file');
    throw new ForbiddenError('penetration-test evidence is readable by security reviewers only, on their route');
  }
  // staff open a file only once the scanner found it clean (the company may fetch its own file)
  const blocked = isStaff(caller) ? scanBlocksStaff(upload) : null;
  if (blocked) throw new ConflictError(blocked);
  return journaledLink(deps, caller, id, upload);
};

/**
 * The link, once its journal request is stored: a read writes that request and nothing else (no
 * link without its record); the proof worker chains the event within seconds.
 */
export const journaledLink = async (
  deps: Dependencies,
  caller: Caller,
  dossierId: string,
  upload: Pick<Upload, 'id' | 'store' | 'key' | 'fileName'>,
) => {
  const now = deps.clock.now();
  await deps.journalRequests.add(
    downloadRecorded(
      randomUUID(),
      dossierId,
      actorOf(caller),
      { id: upload.id, sensitive: upload.store === 'sensitive' },
      now,
    ),
  );
  const url = await deps.storage.presignGet(upload.store, upload.key, upload.fileName, DOWNLOAD_URL_TTL_SECONDS);
  return { url, expiresAt: new Date(now.getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
};
