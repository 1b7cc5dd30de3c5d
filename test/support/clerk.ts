import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The checks a court clerk would make, with the tools anyone has (Debian's openssl and
 * poppler-utils), never with the platform's own code: a timestamp token against the authority's
 * published certificates, a sealed PDF with `pdfsig`.
 */
const inTemp = <T>(work: (dir: string) => T): T => {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** `openssl ts -verify -digest <hash> -in <token> -token_in -CAfile <pems>`: its output and exit code. */
export const opensslVerifyToken = (tokenBase64: string, hashHex: string, certificates: string[]) =>
  inTemp((dir) => {
    writeFileSync(join(dir, 'token.der'), Buffer.from(tokenBase64, 'base64'));
    writeFileSync(join(dir, 'ca.pem'), certificates.join(''));
    const run = spawnSync(
      'openssl',
      ['ts', '-verify', '-digest', hashHex, '-in', join(dir, 'token.der'), '-token_in', '-CAfile', join(dir, 'ca.pem')],
      { encoding: 'utf8' },
    );
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
  });

/** What `openssl ts -reply -text` reads in a token (its time, its imprint). */
export const opensslReadToken = (tokenBase64: string) =>
  inTemp((dir) => {
    writeFileSync(join(dir, 'token.der'), Buffer.from(tokenBase64, 'base64'));
    return execFileSync('openssl', ['ts', '-reply', '-in', join(dir, 'token.der'), '-token_in', '-text'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  });

/** `pdfsig <file>`: its report; `valid` when the signature is valid and covers the whole document. */
export const pdfsig = (pdf: Uint8Array) =>
  inTemp((dir) => {
    writeFileSync(join(dir, 'document.pdf'), pdf);
    const run = spawnSync('pdfsig', [join(dir, 'document.pdf')], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    return {
      output,
      valid:
        run.status === 0 &&
        output.includes('Signature Validation: Signature is Valid.') &&
        output.includes('Total document signed'),
    };
  });
