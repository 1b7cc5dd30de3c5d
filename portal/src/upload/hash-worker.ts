/// <reference lib="webworker" />
import { createSHA256 } from 'hash-wasm';

/**
 * SHA-256 of a file, read in 4 MB slices so that a 200 MB file never sits in memory whole, off the
 * page's thread; reports progress after each slice. Answers base64, as the upload request wants it.
 */
const SLICE = 4 * 1024 * 1024;

self.onmessage = async (event: MessageEvent<{ file: Blob }>) => {
  try {
    const { file } = event.data;
    const hasher = await createSHA256();
    hasher.init();
    for (let offset = 0; offset < file.size; offset += SLICE) {
      hasher.update(new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer()));
      self.postMessage({ type: 'progress', done: Math.min(offset + SLICE, file.size) });
    }
    const digest = hasher.digest('binary');
    let binary = '';
    for (const byte of digest) binary += String.fromCharCode(byte);
    self.postMessage({ type: 'done', sha256: btoa(binary) });
  } catch (error) {
    self.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
