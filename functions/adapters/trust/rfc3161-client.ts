import { timestampRequest, tokenImprint, tokenOfResponse } from './timestamp-protocol';

/**
 * An RFC 3161 timestamp authority over HTTP (RFC 3161 §3.4): in AWS the stage's eIDAS qualified
 * authority, locally the stack's own at `/_local/tsa` — the same client either way. A token is
 * accepted only for the digest and nonce asked; an authority down or slow is an error the
 * caller's work queue retries (the event is already stored: its legal instant never moves).
 */
export const rfc3161Stamp =
  (url: string, fetchImpl: typeof fetch = fetch, timeoutMs = 10_000) =>
  async (sha256: Uint8Array): Promise<Uint8Array> => {
    const request = timestampRequest(sha256);
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: request.der,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`the timestamp authority answered ${response.status}`);
    const token = tokenOfResponse(new Uint8Array(await response.arrayBuffer()));
    const read = tokenImprint(token);
    if (Buffer.compare(Buffer.from(read.sha256), Buffer.from(sha256)) !== 0)
      throw new Error('the timestamp authority stamped another digest');
    if (read.nonce && Buffer.compare(Buffer.from(read.nonce), Buffer.from(request.nonce)) !== 0)
      throw new Error('the timestamp authority answered another request');
    return token;
  };
