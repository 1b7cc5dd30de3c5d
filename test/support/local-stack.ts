import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { killProcessGroup } from '../../infra/local/services';
import { api } from './api-client';
import { tokens } from './journeys';

/**
 * Where a test stack's virtual clock begins unless a test pins another instant: a Monday morning
 * in Paris, far from any public holiday. Nothing a test asserts may depend on the day it runs.
 */
export const TEST_CLOCK_START = '2026-12-07T09:00:00+01:00';

export interface StackOptions {
  /** the fresh stack's first instant (RFC 3339); default `TEST_CLOCK_START` */
  clockStart?: string;
  /** environment of the stack's process */
  env?: Record<string, string>;
  /** keep every line the stack writes (stdout and stderr), at the log level AWS runs with (INFO) */
  captureLogs?: boolean;
}

/** What a test needs of a running stack, whichever way it was started. */
export interface TestStack {
  url: string;
  urls: Record<string, string>;
  endpoints: { dynamodb: string; s3: string; ses: string };
  tableName: string;
  buckets: { evidence: string; sensitive: string };
  dataDir: string;
  /** the stack's process (when apart, the leader of its process group) and the DynamoDB Local JVM */
  pids: { stack?: number; group?: number; dynamodb: number };
  restart(): Promise<TestStack>;
  dispose(): Promise<void>;
  /** every line written so far, when `captureLogs` */
  logs: string[];
}

const QUIET_ENV = {
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
};

const tsxBin = path.resolve('node_modules/.bin/tsx');

/**
 * Starts the local stack exactly as `npm start` does — `tsx infra/local/main.ts`, in its own
 * process — on ports it binds itself, in a temporary folder. The stack stops with `dispose()`,
 * or when this process ends (its standard input closes).
 */
export const startTestStack = async (options: StackOptions = {}, dataDir?: string): Promise<TestStack> => {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tlc-test-')));
  const child: ChildProcess = spawn(tsxBin, ['infra/local/main.ts'], {
    env: {
      ...process.env,
      ...QUIET_ENV,
      PORT: '0',
      DYNAMODB_PORT: '0',
      S3_PORT: '0',
      SES_PORT: '0',
      LOCAL_DATA_DIR: dir,
      LOCAL_CLOCK_START: options.clockStart ?? TEST_CLOCK_START,
      LOCAL_STACK_CONTROL: 'stdio',
      ...(options.captureLogs ? { POWERTOOLS_LOG_LEVEL: 'INFO' } : {}),
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const logs: string[] = [];
  if (options.captureLogs) {
    createInterface({ input: child.stdout! }).on('line', (line) => logs.push(line));
    createInterface({ input: child.stderr! }).on('line', (line) => logs.push(line));
  }
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
    process.stderr.write(d); // the stack's own errors belong to the test's output
  });
  const ready = await new Promise<
    Omit<TestStack, 'restart' | 'dispose' | 'dataDir' | 'pids'> & { pid: number; dynamoPid: number }
  >((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('LOCAL_STACK_READY ')) resolve(JSON.parse(line.slice('LOCAL_STACK_READY '.length)));
    });
    child.once('exit', (code) =>
      reject(new Error(`the local stack exited (${code}) before it was ready: ${stderr.slice(-2000)}`)),
    );
  });
  const stop = async () => {
    // closing its standard input asks for a clean stop; the group kill is for a stack that hangs
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin!.end();
      const timer = setTimeout(() => killProcessGroup(child.pid!), 20_000);
      await exited;
      clearTimeout(timer);
    }
    // whatever the stack spawned (its JVM above all) leaves with its process group
    killProcessGroup(child.pid!);
  };
  return {
    url: ready.url,
    urls: ready.urls,
    endpoints: ready.endpoints,
    tableName: ready.tableName,
    buckets: ready.buckets,
    dataDir: dir,
    pids: { stack: ready.pid, group: child.pid!, dynamodb: ready.dynamoPid },
    logs,
    restart: async () => {
      await stop();
      return startTestStack(options, dir);
    },
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

export interface InProcessStack extends TestStack, Pick<LocalStack, 'engine' | 'bodyStats'> {}

/**
 * The stack in this process, for what must reach inside it: the adapters' persistence tests and the
 * benchmarks (which run under tsx, as `npm start` does). Every e2e test uses `startTestStack`.
 */
export const startInProcessStack = async (options: StackOptions = {}, dataDir?: string): Promise<InProcessStack> => {
  Object.assign(process.env, QUIET_ENV, options.env);
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tlc-test-')));
  const stack = await startLocalStack({
    port: 0,
    dynamoPort: 0,
    s3Port: 0,
    sesPort: 0,
    dataDir: dir,
    quiet: true,
    clockStart: new Date(options.clockStart ?? TEST_CLOCK_START),
  });
  return {
    ...stack,
    dataDir: dir,
    pids: { dynamodb: stack.dynamoPid },
    logs: [],
    restart: async () => {
      await stack.stop();
      return startInProcessStack(options, dir);
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
 * The shared set-up of an e2e file: a real local stack for the file's tests, started as `npm start`
 * starts it before them and disposed after, with an HTTP client and token helpers.
 */
export const useLocalStack = (ready: (ctx: LocalStackContext) => void, options: StackOptions = {}) => {
  let stack: TestStack | undefined;
  beforeAll(async () => {
    stack = await startTestStack(options);
    const http = api(stack.url);
    ready({ stack, http, t: tokens(http) });
  }, 120_000);
  afterAll(async () => {
    await stack?.dispose();
  }, 60_000);
};
