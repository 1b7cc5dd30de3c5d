import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { webcrypto } from 'node:crypto';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { Role } from '../../functions/domain/schemas';
import { API_CLIENT_SCOPE } from '../../functions/domain/api-clients';

export const LOCAL_ISSUER = 'http://localhost/local-issuer';
export const LOCAL_AUDIENCE = 'tlc-local-portal';

/**
 * Stands in for Cognito locally: signs ES256 JWTs with the claims Cognito puts in its tokens
 * (`cognito:groups`, `custom:ensId`) and verifies them as the API Gateway JWT authoriser does
 * (signature, issuer, audience, expiry). The key pair persists so tokens survive a restart.
 */
export class LocalTokenIssuer {
  private constructor(
    private readonly privateKey: webcrypto.CryptoKey,
    private readonly publicKey: webcrypto.CryptoKey,
  ) {}

  static async open(dataDir: string): Promise<LocalTokenIssuer> {
    const file = path.join(dataDir, 'jwt-keys.json');
    let jwks: { privateJwk: JWK; publicJwk: JWK };
    try {
      jwks = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      const pair = await generateKeyPair('ES256', { extractable: true });
      jwks = { privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey) };
      await mkdir(dataDir, { recursive: true });
      await writeFile(file, JSON.stringify(jwks), { mode: 0o600 });
    }
    return new LocalTokenIssuer(
      (await importJWK(jwks.privateJwk, 'ES256')) as webcrypto.CryptoKey,
      (await importJWK(jwks.publicJwk, 'ES256')) as webcrypto.CryptoKey,
    );
  }

  async issue(
    claims: { role: Role; roles?: Role[]; sub: string; email?: string; ensId?: string },
    now: Date,
    ttlSeconds = 3600,
  ): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      'cognito:groups': claims.roles ?? [claims.role],
      // an access token, as Cognito's with the pre-token-generation trigger: client_id, no aud
      token_use: 'access',
      client_id: LOCAL_AUDIENCE,
      // the sign-in's instant, as Cognito puts it in access tokens (a fresh local token is a fresh sign-in)
      auth_time: iat,
      ...(claims.email ? { email: claims.email } : {}),
      ...(claims.ensId ? { 'custom:ensId': claims.ensId } : {}),
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'local' })
      .setSubject(claims.sub)
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.privateKey);
  }

  readonly clientScope = API_CLIENT_SCOPE;

  /** A company API client's access token, as Cognito issues it for the client-credentials grant. */
  async issueClientToken(clientId: string, now: Date, ttlSeconds = 3600): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ token_use: 'access', client_id: clientId, scope: API_CLIENT_SCOPE })
      .setProtectedHeader({ alg: 'ES256', kid: 'local' })
      .setSubject(clientId)
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.privateKey);
  }

  /**
   * Verifies at the virtual instant, so a token issued "in the future" of the wall clock stays
   * valid. A token's signature, issuer and audience never change: once checked they are kept (as a
   * gateway keeps what it verified), and only its validity period is checked again at each use.
   */
  async verify(token: string, now: Date): Promise<JWTPayload> {
    const known = this.verified.get(token);
    if (known) {
      const at = now.getTime() / 1000;
      if ((known.exp === undefined || at < known.exp) && (known.nbf === undefined || at >= known.nbf))
        return { ...known };
    }
    const { payload } = await jwtVerify(token, this.publicKey, {
      issuer: LOCAL_ISSUER,
      algorithms: ['ES256'],
      currentDate: now,
    });
    // the portal's tokens name its client (`aud`, or `client_id` in an access token); an API
    // client's carry the resource server's scope instead (the authoriser's two cases in AWS)
    const audience = payload.aud ?? payload.client_id;
    const portal = (Array.isArray(audience) ? audience : [audience]).includes(LOCAL_AUDIENCE);
    const apiClient =
      String(payload.scope ?? '')
        .split(' ')
        .includes(API_CLIENT_SCOPE) && !payload['cognito:groups'];
    if (!portal && !apiClient) throw new Error('the token was issued for another client');
    if (this.verified.size >= 5_000) this.verified.clear();
    this.verified.set(token, payload);
    return payload;
  }
  private readonly verified = new Map<string, JWTPayload>();
}
