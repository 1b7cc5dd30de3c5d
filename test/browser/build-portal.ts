import { build } from 'vite';

/**
 * Vitest global set-up of the browser tests: the portal built once, as `npm start` builds it. Vite
 * keeps a NODE_ENV it finds set, and vitest sets it to `test`: that would be React's development
 * build (StrictMode's double effects, absolute source paths), not what users get.
 */
export default async function buildPortal() {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: new URL('../../portal/vite.config.ts', import.meta.url).pathname,
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
