import type { Caller } from './caller';
import { BusinessRuleError, ForbiddenError, NotFoundError, RateLimitedError } from './errors';

/**
 * A company's API client (API.md [1.2] « Company API clients and webhooks »): a machine of the
 * company (a quality system, a CI pipeline) that gets tokens by the OAuth 2.0 client-credentials
 * grant and acts as a candidate of that company, with the same binding checks as a person. The
 * identity provider (Cognito in AWS, the local issuer) holds its secret; the platform holds this
 * record, which every request of the client reads: a revoked client is refused at once, its
 * tokens still unexpired included.
 */
export interface ApiClient {
  clientId: string;
  companyId: string;
  name: string;
  createdAt: string;
  /** the person who created it (an account's sub) */
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** The resource server's scope a client's tokens carry (Cognito: `<identifier>/<scope>`). */
export const API_CLIENT_SCOPE = 'tlc-api/candidate';
/** A company needs a few (one per tool); more is a leak waiting to happen. */
export const MAX_ACTIVE_API_CLIENTS = 10;
/**
 * Requests a client may send per window (API.md: « rate limits per client »): 300 a minute is five
 * a second, more than a pipeline filing candidatures needs, far less than a flood.
 */
export const API_CLIENT_RATE = { requests: 300, windowSeconds: 60 } as const;

/** The caller's sub for a client's token (never an account's: a client is not a person). */
export const clientSubject = (clientId: string) => `client:${clientId}`;

/** API clients and webhooks are managed by a person of the company; another company's is a 404. */
export const assertActsForCompany = (caller: Caller, companyId: string): void => {
  if (!caller.roles.includes('candidate') || caller.ensId !== companyId) throw new NotFoundError('no such company');
};

/** A client never creates or revokes clients: a leaked secret must not be able to mint more. */
export const assertPerson = (caller: Caller): void => {
  if (caller.clientId) throw new ForbiddenError('an API client cannot manage API clients: a person of the company can');
};

export const newApiClient = (
  input: { clientId: string; name: string },
  caller: Caller,
  companyId: string,
  active: ApiClient[],
  now: Date,
): ApiClient => {
  if (active.filter((c) => !c.revokedAt).length >= MAX_ACTIVE_API_CLIENTS)
    throw new BusinessRuleError(`a company has at most ${MAX_ACTIVE_API_CLIENTS} active API clients: revoke one first`);
  return { clientId: input.clientId, companyId, name: input.name, createdAt: now.toISOString(), createdBy: caller.sub };
};

export const revokeApiClient = (client: ApiClient | null, caller: Caller, now: Date): ApiClient => {
  if (!client || client.companyId !== caller.ensId) throw new NotFoundError('no such API client');
  if (client.revokedAt) return client; // revoking twice is revoking once
  return { ...client, revokedAt: now.toISOString(), revokedBy: caller.sub };
};

/** The window a request counts in, e.g. `2027-01-04T08:01` for a minute's window. */
export const rateWindow = (now: Date): { key: string; expiresAt: number } => {
  const start = Math.floor(now.getTime() / 1000 / API_CLIENT_RATE.windowSeconds) * API_CLIENT_RATE.windowSeconds;
  return { key: String(start), expiresAt: start + API_CLIENT_RATE.windowSeconds * 2 };
};

export const assertWithinRate = (count: number, now: Date): void => {
  if (count <= API_CLIENT_RATE.requests) return;
  const windowEnd =
    (Math.floor(now.getTime() / 1000 / API_CLIENT_RATE.windowSeconds) + 1) * API_CLIENT_RATE.windowSeconds;
  throw new RateLimitedError(
    `an API client may send ${API_CLIENT_RATE.requests} requests a minute: wait for the next minute`,
    Math.max(1, windowEnd - Math.floor(now.getTime() / 1000)),
  );
};
