import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

const ROLE_AREAS = {
  candidate: 'src/pages/candidate/candidate-area.tsx',
  instructor: 'src/pages/instructor/instructor-area.tsx',
  security_reviewer: 'src/pages/security/security-area.tsx',
  college: 'src/pages/college/college-area.tsx',
  admin: 'src/pages/admin/admin-area.tsx',
} as const;

/**
 * The portal's JavaScript as a browser downloads it, gzipped (CloudFront compresses): the first
 * page is the entry with its static imports plus DSFR's own script, which `startReactDsfr` loads
 * at start; each role then adds its area's chunks (loaded on sign-in). Built afresh, read from
 * Vite's manifest, so the figure follows the code.
 */
export const measurePortalWeight = async (root: string) => {
  // what users download: React's production build whatever NODE_ENV the caller runs under
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'portal/vite.config.ts'), mode: 'production', logLevel: 'silent' });
  } finally {
    process.env.NODE_ENV = previous;
  }
  const dist = path.join(root, 'portal/dist');
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
  const closure = (key: string, seen = new Set<string>()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) closure(next, seen);
    return seen;
  };
  const kb = (keys: Set<string>) =>
    Math.round(
      [...keys].filter((k) => manifest[k]!.file.endsWith('.js')).reduce((sum, k) => sum + gz(manifest[k]!.file), 0) *
        10,
    ) / 10;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const dsfrScript = manifest[entry]!.dynamicImports!.find((k) => k.includes('dsfr.module'))!;
  const firstPage = new Set([...closure(entry), ...closure(dsfrScript)]);
  const roles = Object.fromEntries(
    Object.entries(ROLE_AREAS).map(([role, key]) => [role, kb(new Set([...firstPage, ...closure(key)]))]),
  );
  const css = [...new Set(Object.values(manifest).flatMap((c) => c.css ?? []))];
  return {
    firstPageJsGzipKb: kb(firstPage),
    perRoleJsGzipKb: roles,
    cssGzipKb: Math.round(css.reduce((sum, f) => sum + gz(f), 0) * 10) / 10,
    target: { firstPageJsGzipKb: 200 },
  };
};
