import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows, writeXlsx } from '../../functions/adapters/spreadsheet/xlsx';
import { CertificationFunction } from '../../infra/constructs/certification-function';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/services';
import { api } from '../support/api-client';
import { pdfsig } from '../support/clerk';
import { admissibleDossier, completeFile } from '../support/journeys';
import { startTestStack, type TestStack } from '../support/local-stack';

/**
 * The Lambda bundles as `cdk synth` builds them (the stack's own function construct, esbuild, ESM,
 * minified), loaded and invoked in Node 22 as the Lambda runtime does, for the routes that use
 * CommonJS-only libraries (and the proof libraries). A library that loads under vitest but not in
 * a bundle fails here.
 */
const run = promisify(execFile);
const NODE = existsSync('node_modules/.bin/node') ? path.resolve('node_modules/.bin/node') : process.execPath;
const ENTRIES = {
  exportQueue: 'functions/http/handlers/export-queue.ts',
  importReferential: 'functions/http/handlers/import-referential.ts',
  probe: 'test/integration/bundle-probe/probe.ts',
} as const;

let outdir: string;
let bundles: Record<keyof typeof ENTRIES, string>;
let stack: TestStack;

beforeAll(async () => {
  outdir = await mkdtemp(path.join(os.tmpdir(), 'tlc-bundles-'));
  // the asset metadata names each bundle's folder (the CDK CLI turns it on; a bare App must ask)
  const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  const scope = new Stack(app, 'Bundles', { env: { account: '000000000000', region: LOCAL_REGION } });
  const functions = Object.entries(ENTRIES).map(
    ([name, entry]) => [name, new CertificationFunction(scope, name, { entry, description: name })] as const,
  );
  app.synth();
  bundles = Object.fromEntries(
    functions.map(([name, fn]) => {
      const asset = (fn.fn.node.defaultChild as CfnFunction).getMetadata('aws:asset:path') as string;
      return [name, path.join(outdir, asset, 'index.mjs')];
    }),
  ) as typeof bundles;
  // the Lambda runtime provides the AWS SDK (external to the bundles) and nothing else: so here
  await mkdir(path.join(outdir, 'node_modules'));
  await symlink(path.resolve('node_modules/@aws-sdk'), path.join(outdir, 'node_modules/@aws-sdk'), 'dir');
  stack = await startTestStack();
}, 300_000);

afterAll(async () => {
  await stack?.dispose();
  await rm(outdir, { recursive: true, force: true });
}, 60_000);

/** Imports the bundle in a fresh Node 22 process and calls its handler, as the Lambda runtime does. */
const invoke = async (bundle: string, event: unknown, env: Record<string, string> = {}) => {
  const script = `
    const { handler } = await import(${JSON.stringify(bundle)});
    const context = { functionName: 'smoke', awsRequestId: 'smoke', getRemainingTimeInMillis: () => 10000 };
    const result = await handler(JSON.parse(process.env.SMOKE_EVENT), context);
    process.stdout.write(JSON.stringify(result));`;
  const { stdout } = await run(NODE, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: stack.endpoints.dynamodb,
      TABLE_NAME: stack.tableName,
      EVIDENCE_BUCKET: stack.buckets.evidence,
      SENSITIVE_EVIDENCE_BUCKET: stack.buckets.sensitive,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      POWERTOOLS_METRICS_DISABLED: 'true',
      SMOKE_EVENT: JSON.stringify(event),
      ...env,
    },
    maxBuffer: 20 * 1024 * 1024,
  });
  return JSON.parse(stdout) as { statusCode: number; body: string; isBase64Encoded?: boolean; headers?: object };
};

const httpEvent = (
  routeKey: string,
  claims: Record<string, string>,
  options: { query?: Record<string, string>; body?: unknown } = {},
) => ({
  version: '2.0',
  routeKey,
  rawPath: routeKey.split(' ')[1],
  rawQueryString: new URLSearchParams(options.query).toString(),
  headers: { 'content-type': 'application/json' },
  queryStringParameters: options.query,
  body: options.body === undefined ? undefined : JSON.stringify(options.body),
  isBase64Encoded: false,
  requestContext: {
    requestId: 'smoke',
    routeKey,
    http: { method: routeKey.split(' ')[0], path: routeKey.split(' ')[1], sourceIp: '127.0.0.1', userAgent: 'smoke' },
    authorizer: { jwt: { claims, scopes: [] } },
  },
});

describe('the synthesised Lambda bundles (esbuild), run as Lambda runs them', () => {
  it('bundle SheetJS, d3-dsv, pdf-lib and the proof libraries so that they work', async () => {
    const { sealed, ...result } = (await invoke(bundles.probe, {}, { PROBE_API_URL: stack.url })) as unknown as Record<
      string,
      unknown
    >;
    const report = pdfsig(Buffer.from(String(sealed), 'base64'));
    expect(report.valid, report.output).toBe(true);
    expect(result).toEqual({
      rows: [
        ['a', 'b'],
        ['1', "'=2"],
      ],
      csv: [
        ['x', 'y'],
        ['1', '2'],
      ],
      pdfPages: 1,
      pdfTitle: 'Certificat ANS-TLC-2026-0001',
    });
  });

  it('export a queue as XLSX from the real table', async () => {
    const http = api(stack.url);
    const d = await admissibleDossier(http, 4101, 'company');
    await completeFile(http, d.id, d.candidate);
    const response = await invoke(
      bundles.exportQueue,
      httpEvent(
        'GET /v1/queue/export',
        { sub: 'instructor-smoke', 'cognito:groups': '[instructor]', token_use: 'access' },
        { query: { stage: 'instruction', format: 'xlsx' } },
      ),
    );
    expect(response.statusCode).toBe(200);
    const rows = readXlsxRows(Buffer.from(response.body, response.isBase64Encoded ? 'base64' : 'utf8'));
    expect(rows.slice(1).some((row) => row.includes(d.id))).toBe(true);
  }, 120_000);

  it('import an XLSX referential into the real table', async () => {
    const header = 'section_id;section_title;requirement_id;title;description;profiles;sensitive;expected_evidence';
    const content = writeXlsx('Exigences', header.split(';'), [
      ['ins', 'INS', 'INS-01', 'Traits', 'd', 'general', 'non', 'x'],
    ]).toString('base64');
    const response = await invoke(
      bundles.importReferential,
      httpEvent(
        'POST /v1/referentials',
        { sub: 'admin-smoke', 'cognito:groups': '[admin]', token_use: 'access' },
        { body: { version: '7.0.0', format: 'xlsx', content } },
      ),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(JSON.parse(response.body)).toMatchObject({ version: '7.0.0', sections: 1, requirements: 1 });
  }, 60_000);

  it('answer a refusal in French from the problem texts shipped beside the bundle', async () => {
    const response = await invoke(
      bundles.importReferential,
      httpEvent(
        'POST /v1/referentials',
        { sub: 'admin-smoke', 'cognito:groups': '[admin]', token_use: 'access' },
        { body: { version: '7.0.1', format: 'xlsx', content: Buffer.from('not a workbook').toString('base64') } },
      ),
    );
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    expect(response.statusCode, response.body).toBeLessThan(500);
    expect(JSON.parse(response.body)).toMatchObject({
      code: 'xlsx-refused',
      detail: 'le classeur XLSX est refusé : ce n’est pas une archive ZIP',
    });
  }, 60_000);
});
