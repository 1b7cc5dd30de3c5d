import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from './routes';
import { RESPONSES } from './response-schemas';

/** The route table and the handler modules agree: each route's handler exists and declares it. */
const HANDLERS = path.join(import.meta.dirname, 'handlers');
const keyOf = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('the route table', () => {
  it('names only handler modules that exist, and every module serves a route', () => {
    for (const route of ROUTES)
      expect(existsSync(path.join(HANDLERS, `${route.handler}.ts`)), route.handler).toBe(true);
    const used = new Set(ROUTES.map((r) => r.handler));
    const files = readdirSync(HANDLERS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.map((f) => f.slice(0, -3)).filter((name) => !used.has(name))).toEqual([]);
  });

  it('gives each route one entry, and each handler declares exactly the routes that name it', async () => {
    const keys = ROUTES.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    for (const name of new Set(ROUTES.map((r) => r.handler))) {
      const { handler } = (await import(`./handlers/${name}.ts`)) as { handler: { routeKeys?: string[] } };
      expect(typeof handler, name).toBe('function');
      // handlers built with endpoint() declare their routes; the few built on httpHandler serve one
      const declared = handler.routeKeys ?? ROUTES.filter((r) => r.handler === name).map(keyOf);
      expect([...declared].sort(), name).toEqual(
        ROUTES.filter((r) => r.handler === name)
          .map(keyOf)
          .sort(),
      );
    }
    // it loads every handler module (some 60) through vitest's transform: seconds on two busy cores
  }, 60_000);

  it('documents every route: a summary, an answer, and a body schema wherever one is read', () => {
    for (const route of ROUTES) {
      expect(route.summary, keyOf(route)).toBeTruthy();
      expect(RESPONSES[route.response].status, keyOf(route)).toBeGreaterThanOrEqual(200);
      if (route.optionalBody) expect(route.body, keyOf(route)).toBeDefined();
    }
  });
});
