import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { api } from './api-client';
import { tokens } from './journeys';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface TestStack extends LocalStack {
  dataDir: string;
  restart(): Promise<TestStack>;
  dispose(): Promise<void>;
}

/** Starts the real local stack (DynamoDB Local, s3rver, SES local, engine, HTTP) on free ports in a temp dir. */
export const startTestStack = async (dataDir?: string): Promise<TestStack> => {
  process.env.POWERTOOLS_TRACE_ENABLED = 'false';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tlc-test-')));
  const stack = await startLocalStack({
    port: 0,
    dynamoPort: await freePort(),
    s3Port: await freePort(),
    sesPort: await freePort(),
    dataDir: dir,
    quiet: true,
  });
  return {
    ...stack,
    dataDir: dir,
    restart: async () => {
      await stack.stop();
      return startTestStack(dir);
    },
    dispose: async () => {
      await stack.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

export interface LocalStackContext {
  stack: TestStack;
  http: ReturnType<typeof api>;
  t: ReturnType<typeof tokens>;
}

/**
 * The shared set-up of an e2e file: a real local stack for the file's tests, started before them
 * and disposed after, with an HTTP client and token helpers. `env` is set while the stack runs.
 */
export const useLocalStack = (
  ready: (ctx: LocalStackContext) => void,
  options: { env?: Record<string, string> } = {},
) => {
  let stack: TestStack | undefined;
  beforeAll(async () => {
    for (const [name, value] of Object.entries(options.env ?? {})) process.env[name] = value;
    stack = await startTestStack();
    const http = api(stack.url);
    ready({ stack, http, t: tokens(http) });
  }, 120_000);
  afterAll(async () => {
    for (const name of Object.keys(options.env ?? {})) delete process.env[name];
    await stack?.dispose();
  }, 60_000);
};
