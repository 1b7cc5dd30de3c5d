import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { API_CLIENT_SCOPE } from '../domain/api-clients';
import { ENV, requireEnv } from '../config/env';

/**
 * The API's authoriser (a Lambda authoriser: API Gateway's JWT authoriser checks a fixed list of
 * audiences, and every company's API client is an app client of its own, created at run time).
 * It verifies the token with the user pool's keys and accepts two kinds of access token: the
 * portal's (its app client) and an API client's (client-credentials grant, the resource server's
 * scope). What it hands the route are the claims the wrapper reads (`callerOf`); whether an API
 * client is revoked is the route's check (`verifyApiClient`), on every request, so the
 * authoriser's cached answers never outlive a revocation.
 */
export type AuthorisedClaims = Record<string, string>;

export const acceptedClaims = (payload: JWTPayload, portalClientId: string): AuthorisedClaims | null => {
  if (payload.token_use !== 'access' || typeof payload.sub !== 'string') return null;
  const groups = payload['cognito:groups'];
  const scopes = String(payload.scope ?? '').split(' ');
  const portal = payload.client_id === portalClientId;
  const apiClient = groups === undefined && scopes.includes(API_CLIENT_SCOPE) && payload.sub === payload.client_id;
  if (!portal && !apiClient) return null;
  const claims: AuthorisedClaims = { sub: payload.sub, token_use: 'access', client_id: String(payload.client_id) };
  if (payload.scope !== undefined) claims.scope = String(payload.scope);
  // as API Gateway hands array claims over: "[a b]" (callerOf reads both forms)
  if (Array.isArray(groups)) claims['cognito:groups'] = `[${groups.map(String).join(' ')}]`;
  if (typeof payload['custom:ensId'] === 'string') claims['custom:ensId'] = payload['custom:ensId'];
  if (typeof payload.auth_time === 'number') claims.auth_time = String(payload.auth_time);
  return claims;
};

let keys: ReturnType<typeof createRemoteJWKSet> | undefined;

/**
 * Simple responses. A request whose token fails passes with no identity: the route's wrapper then
 * answers 401 as a problem document (API Gateway's own refusal would be a bare 403); a request
 * with no Authorization header never reaches here (the identity source answers 401).
 */
export const handler = async (event: { headers?: Record<string, string | undefined> }) => {
  const issuer = requireEnv(ENV.tokenIssuer);
  keys ??= createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  const token = /^Bearer\s+(\S+)$/i.exec(event.headers?.authorization ?? '')?.[1];
  if (!token) return { isAuthorized: true, context: {} };
  try {
    const { payload } = await jwtVerify(token, keys, { issuer, algorithms: ['RS256'] });
    return { isAuthorized: true, context: acceptedClaims(payload, requireEnv(ENV.portalClientId)) ?? {} };
  } catch {
    return { isAuthorized: true, context: {} };
  }
};
