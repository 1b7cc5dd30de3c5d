import { api, ApiProblem, unwrap, type Upload } from '../api/client';
import {
  MAX_UPLOAD_BYTES,
  MULTIPART_PART_BYTES,
  MULTIPART_THRESHOLD_BYTES,
} from '../../../functions/domain/upload-rules';
import { forget, remember, remembered, resumeAtService, resumeKey, sendInParts, type InParts } from './send-in-parts';

export type UploadPhase = 'hashing' | 'requesting' | 'sending' | 'checking' | 'received' | 'rejected' | 'failed';
export interface UploadProgress {
  phase: UploadPhase;
  /** 0–1 within the phase (hashing and sending) */
  fraction: number;
  upload?: Upload;
  message?: string;
}

const hashInWorker = (file: File, onProgress: (fraction: number) => void, partSize?: number) =>
  new Promise<{ sha256: string; parts?: string[] }>((resolve, reject) => {
    const worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (
      event: MessageEvent<{ type: string; done?: number; sha256?: string; parts?: string[]; message?: string }>,
    ) => {
      const m = event.data;
      if (m.type === 'progress') onProgress(file.size ? m.done! / file.size : 1);
      else {
        worker.terminate();
        if (m.type === 'done') resolve({ sha256: m.sha256!, ...(m.parts ? { parts: m.parts } : {}) });
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ file, ...(partSize ? { partSize } : {}) });
  });

/** Headers the browser sets itself (it sends the file's exact length); the rest go as granted. */
const BROWSER_SET = new Set(['content-length', 'host']);

const put = (
  grant: { url: string; method: string; headers: Record<string, string> },
  file: File,
  onProgress: (f: number) => void,
) =>
  new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(grant.method, grant.url);
    for (const [name, value] of Object.entries(grant.headers))
      if (!BROWSER_SET.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new Error(`le stockage a refusé le fichier (HTTP ${xhr.status})`));
    xhr.onerror = () => reject(new Error('le fichier n’a pas pu être envoyé (réseau ou stockage injoignable)'));
    xhr.send(file);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One file, end to end: hash (worker) → ask for the upload (the service checks purpose, size,
 * window) → PUT exactly as granted, with progress — above 16 MB in parts, resumable — → wait for
 * the service's verdict (`received` once storage has it and its size and SHA-256 match, or
 * `rejected`).
 */
export const uploadFile = async (
  dossierId: string,
  file: File,
  target: { purpose: Upload['purpose']; requirementId?: string },
  report: (p: UploadProgress) => void,
) => {
  const inParts = file.size > MULTIPART_THRESHOLD_BYTES;
  const key = resumeKey(dossierId, `${target.purpose}:${target.requirementId ?? ''}`, file);
  try {
    if (file.size > MAX_UPLOAD_BYTES)
      throw new Error(`un fichier ne peut dépasser ${MAX_UPLOAD_BYTES / 1024 / 1024} Mo`);
    // the same file chosen again after a cut or a reload: go on where it stopped
    const before = inParts ? remembered(key) : undefined;
    let resumed: InParts | undefined;
    if (before) {
      report({ phase: 'requesting', fraction: 0 });
      resumed = await resumeAtService(dossierId, before.uploadId);
      if (!resumed) forget(key);
    }
    let uploadId: string;
    if (resumed) {
      uploadId = resumed.uploadId;
      await sendInParts(dossierId, file, resumed, (fraction) => report({ phase: 'sending', fraction }));
    } else {
      report({ phase: 'hashing', fraction: 0 });
      const hashed = await hashInWorker(
        file,
        (fraction) => report({ phase: 'hashing', fraction }),
        inParts ? MULTIPART_PART_BYTES : undefined,
      );
      report({ phase: 'requesting', fraction: 0 });
      const grant = await unwrap(
        api.POST('/v1/dossiers/{id}/uploads', {
          params: { path: { id: dossierId } },
          body: {
            purpose: target.purpose,
            ...(target.requirementId ? { requirementId: target.requirementId } : {}),
            fileName: file.name,
            contentType: file.type || 'application/octet-stream',
            size: file.size,
            sha256: hashed.sha256,
            ...(hashed.parts ? { parts: hashed.parts } : {}),
          },
        }),
      );
      uploadId = grant.uploadId;
      // sensitive evidence is granted one PUT even when asked in parts
      if (Array.isArray(grant.parts) && typeof grant.partSize === 'number') {
        remember(key, { uploadId, sha256: hashed.sha256, parts: hashed.parts! });
        await sendInParts(
          dossierId,
          file,
          { uploadId, partSize: grant.partSize, parts: grant.parts as InParts['parts'] },
          (fraction) => report({ phase: 'sending', fraction }),
        );
      } else {
        const single = grant as { url: string; method: string; headers: Record<string, string> };
        await put(single, file, (fraction) => report({ phase: 'sending', fraction }));
      }
    }
    report({ phase: 'checking', fraction: 1 });
    for (let attempt = 0; attempt < 60; attempt++) {
      const dossier = await unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id: dossierId } } }));
      const upload = dossier.uploads.find((u) => u.id === uploadId);
      if (upload?.status === 'received') {
        forget(key);
        return report({ phase: 'received', fraction: 1, upload });
      }
      if (upload?.status === 'rejected') {
        forget(key);
        return report({ phase: 'rejected', fraction: 1, upload, message: upload.rejectedReason });
      }
      await sleep(Math.min(250 * 2 ** attempt, 2000));
    }
    report({
      phase: 'failed',
      fraction: 1,
      message: 'le service n’a pas encore confirmé la réception : rechargez la page dans un instant',
    });
  } catch (error) {
    report({
      phase: 'failed',
      fraction: 1,
      message:
        error instanceof ApiProblem ? `${error.problem.title} : ${error.problem.detail}` : (error as Error).message,
    });
  }
};
