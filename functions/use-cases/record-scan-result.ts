import { SYSTEM_ACTOR } from '../domain/caller';
import { withOptimisticRetry } from './optimistic-retry';
import type { ObjectStoreName } from '../domain/ports';
import { parseUploadKey, SCAN_STATUSES, type ScanStatus } from '../domain/upload';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';

/**
 * A malware scan result for a stored object (GuardDuty Malware Protection for S3, through an
 * EventBridge rule). Records it on the upload and in the journal; ANS staff can open the file only
 * once it is `NO_THREATS_FOUND`. Idempotent: a replayed result changes nothing. Stored whatever the
 * upload's state (pending, received, rejected): the reconciler reads the object's tag for any
 * result that never arrived.
 * Input: store, key, GuardDuty's status. Output: what was recorded, or `ignored`.
 */
export const recordScanResult = async (
  deps: Dependencies,
  store: ObjectStoreName,
  key: string,
  status: string,
): Promise<ScanStatus | 'ignored'> => {
  const ids = parseUploadKey(key);
  const scan = (SCAN_STATUSES as readonly string[]).includes(status) ? (status as ScanStatus) : 'FAILED';
  if (!ids) return 'ignored';
  return withOptimisticRetry(async (): Promise<ScanStatus | 'ignored'> => {
    const loaded = await deps.dossiers.getWithUploads(ids.dossierId);
    const upload = loaded?.uploads.find((u) => u.id === ids.uploadId && u.store === store);
    // stored whatever the upload's state: a result that arrives before the object-created check
    // (or after a rejection) is kept with the upload, never dropped — EventBridge does not resend it
    if (!loaded || !upload || upload.scan?.status === scan) return 'ignored';
    const at = deps.clock.now().toISOString();
    await commitDossier(
      deps,
      loaded.stored,
      loaded.stored.dossier,
      [{ type: 'upload_scanned', actor: SYSTEM_ACTOR, data: { uploadId: upload.id, scan } }],
      { uploads: [{ ...upload, scan: { status: scan, at } }], scanChecks: { close: [upload.id] } },
    );
    return scan;
  });
};
