import ipaddr from 'ipaddr.js';
import { MAX_WEBHOOK_URL_LENGTH } from './webhook-events';

/**
 * The SSRF guard of webhooks: a company names a URL and the platform POSTs to it, from inside AWS.
 * Without a guard that URL could be the instance metadata service (169.254.169.254), a VPC
 * address or the platform's own loopback. The URL is checked when subscribed and, at each
 * delivery, every address its host resolves to; the connection then goes to the checked address
 * (no second lookup a rebinding DNS could answer differently), and redirects are never followed.
 */
export interface UrlPolicy {
  /** locally only: http and loopback addresses, so tests can listen on 127.0.0.1 */
  allowLoopback: boolean;
}

export { MAX_WEBHOOK_URL_LENGTH };

/** Only ordinary public unicast addresses; loopback too when the policy allows it (locally). */
export const isAllowedAddress = (address: string, policy: UrlPolicy): boolean => {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === 'unicast') return true;
  return policy.allowLoopback && range === 'loopback';
};

/** Why a webhook URL is refused, or null. Literal addresses are checked here; names at delivery. */
export const webhookUrlProblem = (raw: string, policy: UrlPolicy): string | null => {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return `the webhook URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'the webhook URL is not a valid absolute URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowLoopback && url.protocol === 'http:'))
    return 'the webhook URL must use https';
  if (url.username || url.password) return 'the webhook URL must not carry credentials';
  if (url.hash) return 'the webhook URL must not carry a fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) return isAllowedAddress(host, policy) ? null : 'the webhook URL names a private address';
  if (!policy.allowLoopback && (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')))
    return 'the webhook URL names a private address';
  // a dotted host that is no valid address (1.2.3, 0x7f.1) would be resolved as one by some stacks
  if (/^[\d.]+$/.test(host) || /^0x/i.test(host)) return 'the webhook URL names a private address';
  return null;
};
