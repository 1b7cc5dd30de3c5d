import path from 'node:path';
import { build } from 'esbuild';
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
