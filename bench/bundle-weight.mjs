// What a function's bundle carries, package by package, from esbuild's metafile, bundled as the
// stack bundles it (ESM, minified, AWS SDK external). `node bench/bundle-weight.mjs <entry> [...]`
import path from 'node:path';
import { build } from 'esbuild';

// the stack's BUNDLE_ALIASES (infra/constructs/certification-function.ts)
const alias = { '@pdf-lib/upng': path.resolve(import.meta.dirname, '../functions/documents/no-png.ts') };

for (const entry of process.argv.slice(2)) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    metafile: true,
    write: false,
    external: ['@aws-sdk/*'],
    alias,
    mainFields: ['module', 'main'],
  });
  const output = Object.values(result.metafile.outputs)[0];
  const byPackage = new Map();
  for (const [file, input] of Object.entries(output.inputs)) {
    const match = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const key = match ? match[1] : file.split('/').slice(0, 2).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + input.bytesInOutput);
  }
  console.log(`${entry}: ${Math.round(output.bytes / 1024)} KB`);
  for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${key.padEnd(44)} ${Math.round(bytes / 1024)} KB`);
}
