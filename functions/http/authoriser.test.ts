import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callerOf } from './request';
import type { HttpEvent } from './types';

/**
 * The Lambda authoriser against a user pool's keys served over HTTP (as Cognito serves its JWKS):
 * the portal's tokens and API clients' pass with their claims; anything else passes with none, so
 * the route answers 401 itself.
 */
let server: Server;
let issuer: string;
let sign: (claims: Record<string, unknown>, sub: string) => Promise<string>;
let foreign: (claims: Record<string, unknown>, sub: string) => Promise<string>;
// the authoriser checks expiry by the wall clock, as in AWS: pinned here
const PINNED = new Date('2027-01-04T08:00:00Z');
const NOW = Math.floor(PINNED.getTime() / 1000);

beforeAll(async () => {
  vi.useFakeTimers({ now: PINNED, toFake: ['Date'] });
  const pool = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(pool.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}/eu-west-3_pool`;
  const signer = (key: Parameters<SignJWT['sign']>[0]) => (claims: Record<string, unknown>, sub: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setSubject(sub)
      .setIssuedAt(NOW)
      .setExpirationTime(NOW + 600)
      .sign(key);
  sign = signer(pool.privateKey);
  foreign = signer(other.privateKey);
  process.env.TOKEN_ISSUER = issuer;
  process.env.PORTAL_CLIENT_ID = 'portal-client';
});
afterAll(async () => {
  vi.useRealTimers();
  await new Promise((resolve) => server.close(resolve));
});

const authorise = async (token?: string) => {
  const { handler } = await import('./authoriser');
  return handler({ headers: token ? { authorization: `Bearer ${token}` } : {} });
};
const eventWith = (context: Record<string, string>) =>
  ({ routeKey: 'GET /v1/dossiers', requestContext: { authorizer: { lambda: context } } }) as unknown as HttpEvent;

describe('the token authoriser', () => {
  it('passes a portal access token with its groups and company, as the wrapper reads them', async () => {
    const token = await sign(
      {
        token_use: 'access',
        client_id: 'portal-client',
        'cognito:groups': ['candidate'],
        'custom:ensId': 'c1',
        auth_time: NOW,
      },
      'person-1',
    );
    const { context } = await authorise(token);
    expect(context).toMatchObject({ sub: 'person-1', 'cognito:groups': '[candidate]', 'custom:ensId': 'c1' });
    expect(callerOf(eventWith(context as Record<string, string>))).toMatchObject({
      sub: 'person-1',
      roles: ['candidate'],
      ensId: 'c1',
    });
  });

  it('passes an API client’s token (client credentials, the resource server’s scope) as a client', async () => {
    const token = await sign({ token_use: 'access', client_id: 'machine-1', scope: 'tlc-api/candidate' }, 'machine-1');
    const { context } = await authorise(token);
    expect(callerOf(eventWith(context as Record<string, string>))).toEqual({
      sub: 'client:machine-1',
      roles: ['candidate'],
      clientId: 'machine-1',
    });
  });

  it.each([
    ['another app client’s token', { token_use: 'access', client_id: 'elsewhere', 'cognito:groups': ['admin'] }, 'u'],
    ['an ID token', { token_use: 'id', aud: 'portal-client', 'cognito:groups': ['admin'] }, 'u'],
    ['a client token without the scope', { token_use: 'access', client_id: 'm', scope: 'other/x' }, 'm'],
    ['a client token naming another subject', { token_use: 'access', client_id: 'm', scope: 'tlc-api/candidate' }, 'x'],
  ])('gives no identity to %s', async (_, claims, sub) => {
    const { context } = await authorise(await sign(claims, sub));
    expect(context).toEqual({});
    expect(() => callerOf(eventWith({}))).toThrow('a valid bearer token is required');
  });

  it('gives no identity to a token signed by another key, or to garbage', async () => {
    const forged = await foreign({ token_use: 'access', client_id: 'portal-client', 'cognito:groups': ['admin'] }, 'u');
    expect((await authorise(forged)).context).toEqual({});
    expect((await authorise('not.a.token')).context).toEqual({});
    expect((await authorise()).context).toEqual({});
  });
});
