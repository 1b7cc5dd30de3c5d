import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { BUNDLE_ALIASES } from '../../infra/constructs/certification-function';

/**
 * esbuild as infra/constructs/certification-function.ts bundles a function: ESM, minified, the
 * AWS SDK left to the runtime, the stack's aliases, the map beside it without the sources' text.
 */
export const DEPLOYED_BUILD: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  external: ['@aws-sdk/*'],
  alias: BUNDLE_ALIASES,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'silent',
};

/** Bundles an entry as deployed into a fresh folder (index.mjs, index.mjs.map); returns index.mjs. */
export const deployedBundle = async (entry: string, options: BuildOptions = {}) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-'));
  await build({ ...DEPLOYED_BUILD, entryPoints: [entry], outfile: path.join(dir, 'index.mjs'), ...options });
  return path.join(dir, 'index.mjs');
};
