import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../functions/config/env';
import type { HttpEvent } from '../../functions/http/types';

/**
 * The API answers only what came through the front (issue 23): CloudFront adds the secret header;
 * the execute-api endpoint reached directly gets a 403. Both the current and the previous value of
 * the secret pass, so that a rotation refuses nothing in flight.
 */
const secrets = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:eu-west-3:111111111111:secret:OriginVerifySecret-abc';
const load = async () => {
  vi.resetModules(); // the values are cached per module instance, as per container
  return import('../../functions/http/origin-guard');
};
const event = (header?: string) =>
  ({ headers: header === undefined ? {} : { 'x-origin-verify': header } }) as HttpEvent;

beforeEach(() => {
  secrets.reset();
  secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: 'current-value' });
  secrets
    .on(GetSecretValueCommand, { SecretId: ARN, VersionStage: 'AWSPREVIOUS' })
    .resolves({ SecretString: 'old-value' });
  vi.stubEnv(ENV.originVerifySecret, ARN);
});
afterEach(() => vi.unstubAllEnvs());

describe('the front’s secret header', () => {
  it('refuses a request without it, or with a wrong value', async () => {
    const { verifyOrigin } = await load();
    await expect(verifyOrigin(event())).rejects.toMatchObject({ name: 'ForbiddenError', status: 403 });
    await expect(verifyOrigin(event('current-valuE'))).rejects.toMatchObject({ name: 'ForbiddenError', status: 403 });
  });

  it('takes the current value and, during a rotation, the previous one; reads the secret once', async () => {
    const { verifyOrigin } = await load();
    await expect(verifyOrigin(event('current-value'))).resolves.toBeUndefined();
    await expect(verifyOrigin(event('old-value'))).resolves.toBeUndefined();
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2); // current + previous, once
  });

  it('checks nothing where there is no front (the local stack)', async () => {
    vi.unstubAllEnvs();
    const { verifyOrigin } = await load();
    await expect(verifyOrigin(event())).resolves.toBeUndefined();
  });
});
