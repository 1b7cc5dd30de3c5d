/// <reference lib="webworker" />
import { createSHA256 } from 'hash-wasm';

/**
 * SHA-256 of a file, read in 4 MB slices so that a 200 MB file never sits in memory whole, off the
 * page's thread; reports progress after each slice. With `partSize` (a multiple of the slice),
 * each part's SHA-256 as well, in the same pass: a file sent in parts announces them all.
 * Answers base64, as the upload request wants it.
 */
const SLICE = 4 * 1024 * 1024;

const base64 = (digest: Uint8Array) => {
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
};

self.onmessage = async (event: MessageEvent<{ file: Blob; partSize?: number }>) => {
  try {
    const { file, partSize } = event.data;
    const whole = await createSHA256();
    const part = await createSHA256();
    whole.init();
    part.init();
    const parts: string[] = [];
    for (let offset = 0; offset < file.size; offset += SLICE) {
      const bytes = new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer());
      whole.update(bytes);
      if (partSize) {
        part.update(bytes);
        const end = Math.min(offset + SLICE, file.size);
        if (end % partSize === 0 || end === file.size) {
          parts.push(base64(part.digest('binary')));
          part.init();
        }
      }
      self.postMessage({ type: 'progress', done: Math.min(offset + SLICE, file.size) });
    }
    self.postMessage({ type: 'done', sha256: base64(whole.digest('binary')), ...(partSize ? { parts } : {}) });
  } catch (error) {
    self.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
