import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { BUNDLE_ALIASES } from '../../infra/constructs/certification-function';
import { deployedBundle } from '../support/deployed-bundle';
import { describe, expect, it } from 'vitest';

/**
 * What a function's bundle builds at its cold start. Every zod schema is made when its module is
 * evaluated, so a bundle must carry the schemas of its own route and no others: the schema modules
 * mark each declaration `/* @__PURE__ *\/` and avoid what esbuild cannot prove free of side effects
 * (spreads, unmarked calls in arguments) — a slip keeps a schema, and what it names, everywhere.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

const bundle = async (entry: string) => {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    alias: BUNDLE_ALIASES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    metafile: true,
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
};

/** messages of refinements that only their own schema holds */
const FOREIGN_SCHEMAS = {
  companyInputSchema: 'must be 14 digits and Luhn-valid',
  dossierCreateSchema: 'profiles must not repeat',
  sanctionSchema: 'a sanction states its reasons',
  clockAdvanceSchema: 'give either advance or to',
};

describe('a function’s bundle', () => {
  it('builds no request schema when its route has no body (GET /v1/dossiers/{id})', async () => {
    const code = await bundle('functions/http/handlers/get-dossier.ts');
    for (const [schema, marker] of Object.entries(FOREIGN_SCHEMAS)) expect(code.includes(marker), schema).toBe(false);
    expect(code).not.toMatch(/var \w+Schema = /);
  }, 30_000);

  it('builds its own route’s body schema and no other (POST /v1/dossiers/{id}/messages)', async () => {
    const code = await bundle('functions/http/handlers/post-message.ts');
    expect(code).toMatch(/var messageSchema = /);
    for (const [schema, marker] of Object.entries(FOREIGN_SCHEMAS)) expect(code.includes(marker), schema).toBe(false);
    const schemas = [...code.matchAll(/var (\w+Schema) = /g)].map((m) => m[1]);
    expect(schemas).toEqual(['messageSchema']);
  }, 30_000);
});

describe('the document renderer as deployed (pdf-lib without its PNG decoder)', () => {
  it('renders a certificate, and says so when asked for a PNG', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'renderer-'));
    const entry = path.join(dir, 'entry.ts');
    await writeFile(
      entry,
      `export { certificatePdf } from ${JSON.stringify(path.join(ROOT, 'functions/documents/pdf.ts'))};
       export { PDFDocument } from 'pdf-lib';`,
    );
    const bundle = await deployedBundle(entry, { nodePaths: [path.join(ROOT, 'node_modules')] });
    const script = `
      const { certificatePdf, PDFDocument } = await import(${JSON.stringify(bundle)});
      const bytes = await certificatePdf({ number: 'TLC-2027-0001', grantedAt: '2027-03-26T22:30:00Z', grantedBy: 'college',
        companyName: 'Télé Santé', product: { name: 'Consult', version: '2.1' }, profiles: ['general'],
        referentialVersion: '1.4.2', withReservations: false });
      const pdf = await PDFDocument.load(bytes);
      const png = await pdf.embedPng(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])).catch((e) => e.message);
      process.stdout.write(JSON.stringify({ head: Buffer.from(bytes).subarray(0, 5).toString(), pages: pdf.getPageCount(), title: pdf.getTitle(), png }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual({
      head: '%PDF-',
      pages: 1,
      title: 'Certificat TLC-2027-0001',
      png: 'PNG images are not bundled with the document renderer (functions/documents/no-png.ts)',
    });
  }, 60_000);
});
