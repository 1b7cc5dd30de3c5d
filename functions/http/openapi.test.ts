import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';
import { ROUTES } from './routes';
import {
  API_TYPES_FILE,
  CLIENT_TYPES_FILE,
  OPENAPI_FILE,
  generatedApiTypes,
  generatedOpenApiJson,
} from '../../portal/scripts/generate-api';

const run = promisify(execFile);

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, Record<string, { operationId: string; summary: string; responses: Record<string, unknown> }>>;
  };
  const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));

  it('describes every route, each with a unique operationId, a summary and its success answer', () => {
    expect(operations).toHaveLength(ROUTES.length);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of operations) {
      expect(o.summary, o.operationId).toBeTruthy();
      expect(
        Object.keys(o.responses).some((code) => /^2\d\d$/.test(code)),
        o.operationId,
      ).toBe(true);
    }
  });

  it('passes `redocly lint` (recommended rules) with no error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'openapi-'));
    const file = path.join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(doc));
    const cli = path.resolve('node_modules/@redocly/cli/bin/cli.js');
    const result = await run(process.execPath, [cli, 'lint', file, '--format=json'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout: string; stderr: string }) => error);
    const report = JSON.parse(result.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems.filter((p) => (p as { severity: string }).severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);

  it('is the committed functions/http/openapi.json that GET /v1/openapi.json serves (npm run portal:api)', async () => {
    expect(await readFile(OPENAPI_FILE, 'utf8')).toBe(generatedOpenApiJson());
  });

  it('is what the portal’s committed client types were generated from (npm run portal:api)', async () => {
    expect(await readFile(API_TYPES_FILE, 'utf8')).toBe(await generatedApiTypes());
    // and the companies' typed client's (clients/typescript)
    expect(await readFile(CLIENT_TYPES_FILE, 'utf8')).toBe(await generatedApiTypes());
  });
});
