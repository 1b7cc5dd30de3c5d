import { checkSeal, checkToken } from '../../infra/ops/token-check';

/**
 * The checks a court clerk would make, with the tools anyone has (Debian's openssl and
 * poppler-utils), never with the platform's own code — the operators' own checks
 * (`infra/ops/token-check.ts`), shaped for the tests' assertions.
 */

/** `openssl ts -verify -digest <hash> -in <token> -token_in -CAfile <pems>`: its output and verdict. */
export const opensslVerifyToken = (tokenBase64: string, hashHex: string, certificates: string[]) => {
  const { ok, output } = checkToken(tokenBase64, hashHex, certificates);
  return { ok, output };
};

/** What `openssl ts -reply -text` reads in a token (its time, its imprint). */
export const opensslReadToken = (tokenBase64: string) => checkToken(tokenBase64, '00'.repeat(32), []).text;

/** `pdfsig <file>`: its report; `valid` when the signature is valid and covers the whole document. */
export const pdfsig = (pdf: Uint8Array) => {
  const { ok, output } = checkSeal(pdf);
  return { output, valid: ok };
};
