import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { deployedBundle } from '../support/deployed-bundle';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

const deployed = (withMap: boolean) =>
  deployedBundle(path.join(ROOT, 'test/fixtures/throws-in-a-handler.ts'), { sourcemap: withMap });

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
