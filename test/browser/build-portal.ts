import { build } from 'vite';

/** Vitest global set-up of the browser tests: the portal as `npm start` serves it, built once. */
export default async function buildPortal() {
  await build({ configFile: new URL('../../portal/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
