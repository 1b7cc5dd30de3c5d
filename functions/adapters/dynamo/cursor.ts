import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BadRequestError } from '../../domain/errors';

/**
 * Opaque pagination cursors: the DynamoDB key of the last item, bound to the query it came from
 * and signed (HMAC-SHA256), so a client can neither steer a query to another partition nor feed
 * it a key of its own. In AWS the key comes from `CURSOR_SIGNING_KEY` (a generated secret); the
 * local stack makes one per process (cursors then live as long as the process).
 */
let signingKey: Buffer | undefined;
const key = () => {
  if (signingKey) return signingKey;
  const configured = process.env.CURSOR_SIGNING_KEY;
  if (!configured && process.env.AWS_LAMBDA_FUNCTION_NAME) throw new Error('CURSOR_SIGNING_KEY is not set');
  return (signingKey = configured ? Buffer.from(configured, 'utf8') : randomBytes(32));
};

const mac = (payload: string, scope: string) =>
  createHmac('sha256', key()).update(`${scope}\n${payload}`).digest().subarray(0, 16);

export const encodeCursor = (key: Record<string, unknown> | undefined, scope: string): string | undefined => {
  if (!key) return undefined;
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${mac(payload, scope).toString('base64url')}`;
};

export const decodeCursor = (cursor: string | undefined, scope: string): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  const [payload, signature, extra] = cursor.split('.');
  if (payload && signature && extra === undefined) {
    const given = Buffer.from(signature, 'base64url');
    const expected = mac(payload, scope);
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
