import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookSender } from '../../domain/ports';
import { DELIVERY_TIMEOUT_MS } from '../../domain/webhooks';
import { isAllowedAddress, webhookUrlProblem, type UrlPolicy } from '../../domain/webhook-url';

/** A receiver may answer with a body; it is not read past this (a receiver cannot stall a worker). */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs a delivery. The host is resolved once, every address checked (domain/webhook-url.ts), and
 * the socket connects to the checked address — a DNS that answers a public address to the check
 * and a private one to the connection gets nowhere. A 3xx is an answer like any other non-2xx:
 * redirects are never followed. The whole exchange has `timeoutMs`.
 */
export class HttpWebhookSender implements WebhookSender {
  constructor(
    private readonly policy: UrlPolicy,
    private readonly timeoutMs = DELIVERY_TIMEOUT_MS,
  ) {}

  async send(url: string, headersAt: (sentAt: Date) => Record<string, string>, body: string) {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const refused = webhookUrlProblem(url, this.policy);
    if (refused) return { error: refused, durationMs: elapsed() };
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    let address: { address: string; family: number };
    try {
      const all = await lookup(host, { all: true, verbatim: true });
      const bad = all.find((a) => !isAllowedAddress(a.address, this.policy));
      if (bad || !all[0]) return { error: 'the webhook URL resolves to a private address', durationMs: elapsed() };
      address = all[0];
    } catch {
      return { error: 'the webhook host does not resolve', durationMs: elapsed() };
    }
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if ((options as { all?: boolean }).all) callback(null, [address]);
      else callback(null, address.address, address.family);
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<{ status?: number; error?: string; durationMs: number }>((resolve) => {
      let settled = false;
      const finish = (outcome: { status?: number; error?: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...outcome, durationMs: elapsed() });
      };
      const req = send(
        target,
        {
          method: 'POST',
          lookup: pinned,
          // the wall clock, as the receiver's: this adapter is the transport
          headers: { ...headersAt(new Date()), 'content-length': String(Buffer.byteLength(body)) },
          // the name the certificate is checked against stays the URL's, not the address's
          servername: target.protocol === 'https:' && !/^[\d.:]+$/.test(host) ? host : undefined,
          agent: false,
        },
        (res) => {
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_ANSWER_BYTES) res.destroy();
          });
          res.on('close', () => finish({ status: res.statusCode }));
          res.on('error', () => finish({ status: res.statusCode }));
        },
      );
      const timer = setTimeout(() => {
        finish({ error: `no answer within ${this.timeoutMs / 1000} s` });
        req.destroy();
      }, this.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) =>
        finish({ error: `connection failed (${error.code ?? 'error'})` }),
      );
      req.end(body);
    });
  }
}
