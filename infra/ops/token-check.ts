import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The operators' checks of proof, with the tools a court clerk has — `openssl ts -verify` for a
 * timestamp token, `pdfsig` for a sealed PDF — and only public material (the certificates of
 * `GET /v1/public/trust`): nothing here trusts the platform's own code or keys.
 */
const inTemp = <T>(work: (dir: string) => T): T => {
  const dir = mkdtempSync(join(tmpdir(), 'proof-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Whether a token vouches for this SHA-256 (hex), signed by an authority chaining to `certificates`; and when. */
export const checkToken = (tokenBase64: string, hashHex: string, certificates: string[]) =>
  inTemp((dir) => {
    const token = join(dir, 'token.der');
    writeFileSync(token, Buffer.from(tokenBase64, 'base64'));
    writeFileSync(join(dir, 'ca.pem'), certificates.join(''));
    const verify = spawnSync(
      'openssl',
      ['ts', '-verify', '-digest', hashHex, '-in', token, '-token_in', '-CAfile', join(dir, 'ca.pem')],
      { encoding: 'utf8' },
    );
    const text = spawnSync('openssl', ['ts', '-reply', '-in', token, '-token_in', '-text'], { encoding: 'utf8' });
    const time = /Time stamp: (.+)/.exec(text.stdout ?? '')?.[1];
    const output = `${verify.stdout}${verify.stderr}`.trim();
    return {
      ok: verify.status === 0 && /Verification: OK/.test(verify.stdout),
      stampedAt: time ? new Date(time).toISOString() : undefined,
      detail: output.split('\n').at(-1) ?? '',
      /** what openssl printed, and what `openssl ts -reply -text` read in the token */
      output,
      text: text.stdout ?? '',
    };
  });

/** `pdfsig`'s verdict on a PDF: valid when the signature is valid and covers the whole document. */
export const checkSeal = (pdf: Uint8Array) =>
  inTemp((dir) => {
    writeFileSync(join(dir, 'document.pdf'), pdf);
    const run = spawnSync('pdfsig', [join(dir, 'document.pdf')], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    const line = (label: string) => new RegExp(`${label}: (.+)`).exec(output)?.[1]?.trim();
    return {
      ok:
        run.status === 0 &&
        output.includes('Signature Validation: Signature is Valid.') &&
        output.includes('Total document signed'),
      signer: line('Signer Certificate Common Name'),
      signingTime: line('Signing Time'),
      validation: line('Signature Validation') ?? output.trim().split('\n').at(-1),
      /** what pdfsig printed */
      output,
    };
  });

/** The certificates anyone can fetch from the platform (`GET /v1/public/trust`). */
export const publicTrust = async (apiUrl: string) => {
  const response = await fetch(`${apiUrl.replace(/\/$/, '')}/v1/public/trust`);
  if (!response.ok) throw new Error(`GET /v1/public/trust answered ${response.status}`);
  return (await response.json()) as { sealCertificates: string[]; tsaCertificates: string[] };
};
