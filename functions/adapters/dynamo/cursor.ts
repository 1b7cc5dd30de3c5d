import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BadRequestError } from '../../domain/errors';
import { ENV } from '../../config/env';

/**
 * Opaque pagination cursors: the DynamoDB key of the last item, bound to the query it came from
 * and signed (HMAC-SHA256), so a client can neither steer a query to another partition nor feed
 * it a key of its own. In AWS the key is a generated Secrets Manager secret named by
 * `CURSOR_SIGNING_KEY_SECRET`, read once per container when a list is first paged (never a value
 * in the function's configuration, where anyone allowed to read configurations would see it); the
 * local stack makes one per process (cursors then live as long as the process).
 */
let signingKey: Promise<Buffer> | undefined;
const readSecret = async (secretId: string): Promise<Buffer> => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!SecretString) throw new Error('the cursor signing secret has no value');
  return Buffer.from(SecretString, 'utf8');
};
const key = (): Promise<Buffer> => {
  if (signingKey) return signingKey;
  const secretId = process.env[ENV.cursorSigningSecret];
  if (!secretId && process.env.AWS_LAMBDA_FUNCTION_NAME) throw new Error(`${ENV.cursorSigningSecret} is not set`);
  const loading = secretId ? readSecret(secretId) : Promise.resolve(randomBytes(32));
  // a failed read is not remembered: the next request tries again
  signingKey = loading.catch((error: unknown) => {
    signingKey = undefined;
    throw error;
  });
  return signingKey;
};

const mac = async (payload: string, scope: string) =>
  createHmac('sha256', await key())
    .update(`${scope}\n${payload}`)
    .digest()
    .subarray(0, 16);

export const encodeCursor = async (
  key: Record<string, unknown> | undefined,
  scope: string,
): Promise<string | undefined> => {
  if (!key) return undefined;
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${(await mac(payload, scope)).toString('base64url')}`;
};

export const decodeCursor = async (
  cursor: string | undefined,
  scope: string,
): Promise<Record<string, unknown> | undefined> => {
  if (!cursor) return undefined;
  const [payload, signature, extra] = cursor.split('.');
  if (payload && signature && extra === undefined) {
    const given = Buffer.from(signature, 'base64url');
    const expected = await mac(payload, scope);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      try {
        const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
      } catch {
        // fall through
      }
    }
  }
  throw new BadRequestError('the cursor is not one this API returned for this list');
};
