import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../functions/config/env';

/**
 * In AWS the cursors' HMAC key is read from Secrets Manager when a list is first paged (the
 * function's configuration holds only the secret's ARN): once per container, and again after a
 * failed read rather than never.
 */
const secrets = mockClient(SecretsManagerClient);
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-3:111111111111:secret:CursorSigningKey-abc';
const load = async () => {
  vi.resetModules(); // the key is cached per module instance, as per container
  return import('../../functions/adapters/dynamo/cursor');
};

beforeEach(() => {
  secrets.reset();
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'Http-list-dossiers');
  vi.stubEnv(ENV.cursorSigningSecret, SECRET_ARN);
});
afterEach(() => vi.unstubAllEnvs());

describe('the cursor signing key in AWS', () => {
  it('is read once from the secret the configuration names, and cursors made with it verify', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: 'k'.repeat(48) });
    const { encodeCursor, decodeCursor } = await load();
    const cursor = await encodeCursor({ pk: 'COMPANY#c1', sk: 'DOSSIER#d1' }, 'COMPANY#c1');
    expect(await decodeCursor(cursor, 'COMPANY#c1')).toEqual({ pk: 'COMPANY#c1', sk: 'DOSSIER#d1' });
    await expect(decodeCursor(cursor, 'COMPANY#c2')).rejects.toThrow(/not one this API returned/);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('signs with the secret’s value: another container with another key rejects the cursor', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'a'.repeat(48) });
    const cursor = await (await load()).encodeCursor({ pk: 'QUEUE#admissibility' }, 'QUEUE#admissibility');
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'b'.repeat(48) });
    await expect((await load()).decodeCursor(cursor, 'QUEUE#admissibility')).rejects.toThrow(/not one this API/);
  });

  it('tries again on the next request after a failed read', async () => {
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: 'k'.repeat(48) });
    const { encodeCursor } = await load();
    await expect(encodeCursor({ pk: 'x' }, 'x')).rejects.toThrow('throttled');
    await expect(encodeCursor({ pk: 'x' }, 'x')).resolves.toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('refuses to sign in Lambda without the secret named', async () => {
    vi.stubEnv(ENV.cursorSigningSecret, '');
    const { encodeCursor } = await load();
    await expect(encodeCursor({ pk: 'x' }, 'x')).rejects.toThrow(ENV.cursorSigningSecret);
  });
});
