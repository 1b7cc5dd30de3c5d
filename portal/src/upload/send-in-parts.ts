import { api, unwrap } from '../api/client';

/**
 * A file sent in parts (S3 multipart, each part presigned with its SHA-256): three parts at a
 * time, each retried after a network error with a growing pause, the links asked for again when
 * they expired. What was sent is remembered in the browser (localStorage, by dossier, target and
 * file), so that a cut connection or a reload resumes where it stopped: the service says which
 * parts storage holds, and grants links for the others only.
 */
export interface PartGrant {
  partNumber: number;
  url: string;
  headers: Record<string, string>;
}

export interface InParts {
  uploadId: string;
  partSize: number;
  parts: PartGrant[];
  /** parts already in storage (a resumed upload) */
  received?: number[];
}

/** What the browser keeps of a file sent in parts, to resume it. */
interface Remembered {
  uploadId: string;
  sha256: string;
  parts: string[];
}

const PARALLEL_PARTS = 3;
const ATTEMPTS = 4;
const STORE_PREFIX = 'tlc-upload:';

/** The same file for the same target: its name, size and last modification. */
export const resumeKey = (dossierId: string, target: string, file: File) =>
  `${STORE_PREFIX}${dossierId}:${target}:${file.name}:${file.size}:${file.lastModified}`;

export const remembered = (key: string): Remembered | undefined => {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Remembered) : undefined;
  } catch {
    return undefined;
  }
};
export const remember = (key: string, value: Remembered) => window.localStorage.setItem(key, JSON.stringify(value));
export const forget = (key: string) => window.localStorage.removeItem(key);

/** Where the upload stands at the service, with fresh links; undefined when it cannot go on. */
export const resumeAtService = async (dossierId: string, uploadId: string): Promise<InParts | undefined> => {
  const { data } = await api.GET('/v1/dossiers/{id}/uploads/{uploadId}/parts', {
    params: { path: { id: dossierId, uploadId } },
  });
  return data ? { uploadId, partSize: data.partSize, parts: data.parts, received: data.received } : undefined;
};

class LinkExpired extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const putPart = (grant: PartGrant, body: Blob, onProgress: (bytes: number) => void) =>
  new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', grant.url);
    for (const [name, value] of Object.entries(grant.headers))
      if (!['content-length', 'host'].includes(name.toLowerCase())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      if (xhr.status === 403) return reject(new LinkExpired());
      reject(new Error(`le stockage a refusé une partie du fichier (HTTP ${xhr.status})`));
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.send(body);
  });

/**
 * Sends the parts not yet in storage, then asks the service to assemble the file. Throws a
 * French message when the connection stays cut: the file is resumed by choosing it again.
 */
export const sendInParts = async (
  dossierId: string,
  file: File,
  start: InParts,
  onProgress: (fraction: number) => void,
) => {
  let grants = new Map(start.parts.map((g) => [g.partNumber, g]));
  const sizeOf = (n: number) => Math.min(start.partSize, file.size - (n - 1) * start.partSize);
  const sent = new Map<number, number>((start.received ?? []).map((n) => [n, sizeOf(n)]));
  const report = () => onProgress([...sent.values()].reduce((a, b) => a + b, 0) / file.size);
  report();
  const queue = [...grants.keys()];
  const refresh = async () => {
    const fresh = await resumeAtService(dossierId, start.uploadId);
    if (!fresh) throw new Error('cet envoi ne peut plus reprendre : choisissez à nouveau le fichier');
    grants = new Map(fresh.parts.map((g) => [g.partNumber, g]));
  };
  const sendOne = async (n: number) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const body = file.slice((n - 1) * start.partSize, (n - 1) * start.partSize + sizeOf(n));
        await putPart(grants.get(n)!, body, (bytes) => {
          sent.set(n, bytes);
          report();
        });
        sent.set(n, sizeOf(n));
        report();
        return;
      } catch (error) {
        sent.delete(n);
        report();
        if (error instanceof LinkExpired && attempt < ATTEMPTS) await refresh();
        else if (error instanceof TypeError && attempt < ATTEMPTS) await sleep(500 * 2 ** (attempt - 1));
        else if (error instanceof TypeError)
          throw new Error(
            'la connexion a été coupée pendant l’envoi : les parties déjà envoyées sont conservées, choisissez à nouveau le même fichier pour reprendre',
          );
        else throw error;
      }
    }
  };
  const worker = async () => {
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) await sendOne(n);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, queue.length) }, worker));
  await unwrap(
    api.POST('/v1/dossiers/{id}/uploads/{uploadId}/complete', {
      params: { path: { id: dossierId, uploadId: start.uploadId } },
    }),
  );
};
