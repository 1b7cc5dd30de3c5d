import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '../domain/errors';
import { ENV } from '../config/env';
import type { HttpEvent } from './types';

/**
 * The API serves only what came through the front (CloudFront and its web ACL, issue 23): the
 * distribution adds a secret header to every request it forwards, and the API refuses any request
 * without it — a caller who found the execute-api endpoint gets a 403. The secret is read from
 * Secrets Manager at run time (`ORIGIN_VERIFY_SECRET`: its ARN), cached per container; both the
 * current and the previous value pass, so that a rotation never refuses traffic in flight.
 * Locally (no secret configured) there is no front: nothing is checked.
 */
export const ORIGIN_HEADER = 'x-origin-verify';

let accepted: Promise<Buffer[]> | undefined;

const readValues = async (secretId: string): Promise<Buffer[]> => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  const current = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const previous = await client
    .send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: 'AWSPREVIOUS' }))
    .catch(() => undefined);
  return [current.SecretString, previous?.SecretString]
    .filter((v): v is string => Boolean(v))
    .map((v) => Buffer.from(v, 'utf8'));
};

const values = (secretId: string) => {
  // a failed read is not remembered: the next request tries again
  accepted ??= readValues(secretId).catch((error: unknown) => {
    accepted = undefined;
    throw error;
  });
  return accepted;
};

export const verifyOrigin = async (event: HttpEvent): Promise<void> => {
  const secretId = process.env[ENV.originVerifySecret];
  if (!secretId) return;
  const given = Buffer.from(String(event.headers[ORIGIN_HEADER] ?? ''), 'utf8');
  const ok = (await values(secretId)).some((v) => v.length === given.length && timingSafeEqual(v, given));
  if (!ok) throw new ForbiddenError('this API answers through the portal’s front only');
};
