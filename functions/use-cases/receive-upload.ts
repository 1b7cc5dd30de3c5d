import { SYSTEM_ACTOR } from '../domain/caller';
import { touchedByCandidate } from '../domain/dossier';
import { uploadWindowClosed } from '../domain/evidence';
import { findRequirement } from '../domain/catalogue';
import { withOptimisticRetry } from './optimistic-retry';
import type { ObjectStoreName } from '../domain/ports';
import { mismatch, parseUploadKey } from '../domain/upload';
import { CONTENT_SAMPLE_BYTES, contentMismatch } from '../domain/file-content';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { loadDossierWithUploads } from './legal-effects';

export type ReceiveOutcome = 'received' | 'rejected' | 'ignored';

/**
 * Called for every object-created event. Checks the stored object against the upload grant
 * (size, SHA-256, type) and records the upload as received, or rejected and deleted.
 * Idempotent: a duplicate or out-of-order event finds the upload already settled and does nothing.
 * Input: store and key of the new object. Output: what happened.
 * An object that lands after its window closed (section handed in, file complete, requirement
 * judged compliant, dossier closed — API.md [1.1]) is rejected and deleted, like a mismatch.
 * Steps: parse key → load the dossier, the legal effects due applied, and the grant → inspect the object → check the window, then size, SHA-256,
 * declared type and content (the first bytes' signature, read by a ranged GET) → store verdict with journal (the receipt is a candidate action: the inactivity clock
 * restarts) → remove a bad object.
 */
export const receiveUpload = async (
  deps: Dependencies,
  store: ObjectStoreName,
  key: string,
): Promise<ReceiveOutcome> => {
  const ids = parseUploadKey(key);
  if (!ids) return 'ignored';
  // the dossier moved meanwhile (a concurrent change): read and settle again
  return withOptimisticRetry(async (): Promise<ReceiveOutcome> => {
    // legal effects first (API.md [1.2]): an object that lands after the dossier's clock ran out
    // finds it abandoned, and never restarts a clock
    const loaded = await loadDossierWithUploads(deps, ids.dossierId);
    const upload = loaded?.uploads.find((u) => u.id === ids.uploadId);
    if (!loaded || !upload || upload.store !== store) return 'ignored';
    // a link reused after its file was withdrawn or rejected re-creates an object nobody tracks:
    // it is removed and journaled (a received file cannot be overwritten: `If-None-Match: *`)
    if (upload.status === 'withdrawn' || upload.status === 'rejected') {
      if (!(await deps.storage.exists(store, key))) return 'ignored';
      await commitDossier(deps, loaded.stored, loaded.stored.dossier, [
        { type: 'stray_object_removed', actor: SYSTEM_ACTOR, data: { uploadId: upload.id, was: upload.status } },
      ]);
      await deps.storage.remove(store, key);
      return 'rejected';
    }
    if (upload.status !== 'pending') return 'ignored';
    const { stored, uploads } = loaded;
    const object = await deps.storage.inspect(store, key);
    if (!object) return 'ignored'; // an event for an object deleted since: nothing to settle
    const now = deps.clock.now().toISOString();
    const referential = upload.requirementId ? await deps.referentials.get(stored.dossier.referentialVersion) : null;
    const section = referential ? findRequirement(referential.catalogue, upload.requirementId!)?.section : undefined;
    const reason =
      uploadWindowClosed(stored.dossier, upload, uploads, section) ??
      mismatch(upload, object) ??
      // the bytes are those announced: are they the kind of document announced?
      (await contentMismatch(upload.contentType, await deps.storage.readHead(store, key, CONTENT_SAMPLE_BYTES)));
    const settled = reason
      ? { ...upload, status: 'rejected' as const, rejectedAt: now, rejectedReason: reason }
      : {
          ...upload,
          status: 'received' as const,
          receivedAt: now,
          // a result that came first (GuardDuty may answer before this check) is kept, never reset
          scan:
            upload.scan && upload.scan.status !== 'pending'
              ? upload.scan
              : { status: deps.malwareScanning ? ('pending' as const) : ('not_scanned' as const), at: now },
        };
    const dossier = reason ? stored.dossier : touchedByCandidate(stored.dossier, deps.clock.now());
    await commitDossier(
      deps,
      stored,
      dossier,
      [
        {
          type: reason ? 'upload_rejected' : 'upload_received',
          actor: reason ? SYSTEM_ACTOR : { sub: upload.createdBy, role: 'candidate' },
          data: {
            uploadId: upload.id,
            purpose: upload.purpose,
            size: object.size,
            sha256: object.sha256,
            ...(reason ? { reason } : {}),
          },
        },
      ],
      {
        uploads: [settled],
        // a scan awaited: the reconciler reads the object's tag if GuardDuty's event never comes
        ...(!reason && settled.scan?.status === 'pending'
          ? { scanChecks: { open: [{ dossierId: upload.dossierId, uploadId: upload.id, store, key, since: now }] } }
          : {}),
      },
    );
    if (reason) await deps.storage.remove(store, key);
    return reason ? 'rejected' : 'received';
  });
};
