import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../functions/domain/clock';
import type { ApiClientDirectory } from '../../functions/domain/ports';
import type { HttpResponse } from '../../functions/http/types';
import type { LocalTokenIssuer } from './token-issuer';

interface StoredClient {
  salt: string;
  hash: string;
}

const hashOf = (secret: string, salt: string) => scryptSync(secret, Buffer.from(salt, 'base64'), 32).toString('base64');

/**
 * Stands in for Cognito's app clients locally: ids and secrets made as Cognito makes them, only a
 * scrypt hash of each secret kept (in the stack's data directory, so clients survive a restart).
 */
export class LocalApiClientDirectory implements ApiClientDirectory {
  private constructor(
    private readonly file: string,
    private readonly clients: Record<string, StoredClient>,
  ) {}

  static async open(dataDir: string) {
    const file = path.join(dataDir, 'api-clients.json');
    let clients: Record<string, StoredClient> = {};
    try {
      clients = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      await mkdir(dataDir, { recursive: true });
    }
    return new LocalApiClientDirectory(file, clients);
  }

  async create() {
    const clientId = randomUUID().replace(/-/g, '').slice(0, 26);
    const clientSecret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16).toString('base64');
    this.clients[clientId] = { salt, hash: hashOf(clientSecret, salt) };
    await this.save();
    return { clientId, clientSecret };
  }

  async remove(clientId: string) {
    delete this.clients[clientId];
    await this.save();
  }

  authenticate(clientId: string, secret: string): boolean {
    const stored = this.clients[clientId];
    if (!stored) return false;
    return timingSafeEqual(Buffer.from(hashOf(secret, stored.salt), 'base64'), Buffer.from(stored.hash, 'base64'));
  }

  private async save() {
    await writeFile(this.file, JSON.stringify(this.clients), { mode: 0o600 });
  }
}

/** An OAuth 2.0 error answer (RFC 6749 §5.2): what OAuth clients parse, not a problem document. */
const oauthError = (status: number, error: string, description: string): HttpResponse => ({
  statusCode: status,
  headers: {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...(status === 401 ? { 'www-authenticate': 'Basic realm="tlc-local"' } : {}),
  },
  body: JSON.stringify({ error, error_description: description }),
});

/**
 * `POST /_local/oauth2/token`: Cognito's token endpoint for the client-credentials grant — form
 * `grant_type=client_credentials` (and an optional `scope`), the client's id and secret in HTTP
 * Basic (or `client_secret_post`) — answering `{ access_token, token_type, expires_in }`.
 */
export const oauthTokenRoute =
  (directory: LocalApiClientDirectory, issuer: LocalTokenIssuer, clock: Clock) =>
  async ({ body, headers }: { body: string; headers: Record<string, string> }): Promise<HttpResponse> => {
    if (!/^application\/x-www-form-urlencoded\b/i.test(headers['content-type'] ?? ''))
      return oauthError(400, 'invalid_request', 'send the form as application/x-www-form-urlencoded');
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials')
      return oauthError(400, 'unsupported_grant_type', 'only the client_credentials grant is supported');
    let clientId = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(headers.authorization ?? '')?.[1];
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return oauthError(401, 'invalid_client', 'malformed Basic credentials');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (!clientId || !secret || !directory.authenticate(clientId, secret))
      return oauthError(401, 'invalid_client', 'unknown client or wrong secret');
    const scope = form.get('scope');
    if (scope && scope !== issuer.clientScope)
      return oauthError(400, 'invalid_scope', `the only scope is ${issuer.clientScope}`);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify({
        access_token: await issuer.issueClientToken(clientId, clock.now()),
        token_type: 'Bearer',
        expires_in: 3600,
      }),
    };
  };
