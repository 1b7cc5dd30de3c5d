import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** bundled as infra/constructs/certification-function.ts bundles: minified, map beside it, no sources' text */
const deployed = async (withMap: boolean) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stack-'));
  await build({
    entryPoints: [path.join(ROOT, 'test/fixtures/throws-in-a-handler.ts')],
    outfile: path.join(dir, 'index.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: withMap,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  return path.join(dir, 'index.mjs');
};

const stackOf = async (bundle: string) => {
  const script = `import(${JSON.stringify(bundle)}).then((m) => m.handler()).catch((e) => process.stdout.write(e.stack))`;
  const { stdout } = await run(process.execPath, ['-e', script], { env: { ...process.env, NODE_OPTIONS: '' } });
  return stdout;
};

describe('stack traces of a deployed bundle', () => {
  it('name the TypeScript source and line, read from the map only when the stack is written', async () => {
    const stack = await stackOf(await deployed(true));
    expect(stack).toMatch(/^Error: cannot go on\n/);
    expect(stack).toContain('at failDeepInside (test/fixtures/throws-in-a-handler.ts:5:9)');
    expect(stack).toContain('test/fixtures/throws-in-a-handler.ts:10:3');
  }, 30_000);

  it('stay as V8 wrote them when no map is beside the bundle', async () => {
    const stack = await stackOf(await deployed(false));
    expect(stack).toMatch(/^Error: cannot go on\n/);
    expect(stack).toMatch(/index\.mjs:\d+:\d+\)/);
  }, 30_000);
});
