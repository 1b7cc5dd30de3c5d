import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteSpec } from '../../functions/http/routes';
import { api } from '../support/api-client';
import { readyForCollege, tokens } from '../support/journeys';
import { useLocalStack } from '../support/local-stack';

/**
 * Property-based fuzzing of every route's body, path and query parameters (issue 11), over HTTP
 * against the local stack: whatever arrives, the answer is a 4xx problem document, never a 5xx,
 * and the dossier does not change. `FUZZ_RUNS` sets the number of cases (a few hundred in
 * `npm test`, 10,000 in `npm run fuzz`); `FUZZ_SEED` replays a run (the seed is printed).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

let http: ReturnType<typeof api>;
let target: { id: string; companyId: string };
useLocalStack((ctx) => ({ http } = ctx));
beforeAll(async () => {
  target = await readyForCollege(http, 950);
}, 180_000);

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }), // any code unit, lone surrogates included
  fc.constantFrom('\u202eevil', 'a\u200bb', '\ud800', '\udfff x', '%00', '../../etc', 'TLC-2026-00000\u0661', ''),
  fc.string({ maxLength: 8 }).map((s) => s.repeat(5000)),
  fc.constant('x'.repeat(256 * 1024 + 1)),
);
/** What fits in a request line or a header (an oversized one is refused by the HTTP layer: a few cases suffice). */
const nastySmall = fc.oneof(
  { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 5, arbitrary: fc.constantFrom('\u202eevil', 'a\u200bb', '\ud800', '%00', '../../etc', '-1', '1e400', '') },
  { weight: 1, arbitrary: fc.constant('y'.repeat(20_000)) },
);
const edgyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1e308, 2 ** 53, 0.1),
  fc.integer(),
);
/** Deeply nested JSON, built as text (a nested object would overflow the test's own stack when printed). */
const deep = fc
  .integer({ min: 50, max: 20_000 })
  .map((n) => (n % 2 ? `${'{"a":'.repeat(n)}1${'}'.repeat(n)}` : `${'['.repeat(n)}1${']'.repeat(n)}`));
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    edgyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(nasty, fc.constantFrom('product', 'decision', 'outcome', 'body')), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

/** A body that no strict schema accepts (an unknown key), with whatever else inside. */
const body = fc.oneof(
  fc
    .record({ __fuzz: jsonish, rest: jsonish })
    .map(({ __fuzz, rest }) =>
      rest && typeof rest === 'object' && !Array.isArray(rest) ? { ...rest, __fuzz } : { __fuzz, value: rest },
    ),
  deep,
  fc.constantFrom('{', '[]', 'null', '"x"', '{"a":1,"a":2', '\u0000'),
);

/** Percent-encodes anything, lone surrogates included (sent as the invalid UTF-8 bytes of a surrogate). */
const encodePath = (value: string) =>
  [...value]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('') || 'x';

// a route that takes nothing (no path parameter, body or query, e.g. GET /v1/me/data) has no input to malform
const routesWithInput = ROUTES.filter((r) => r.auth && (r.body || r.path.includes('{') || r.query?.length));

const param = fc.oneof(
  nastySmall,
  fc.constantFrom('r-unknown', 'TLC-2026-999999', 'ins'),
  // ids of every length around the 64-character limit and far past it (a 3,000-character id once
  // reached DynamoDB as a key: a 500), within what an HTTP request line carries
  fc.integer({ min: 60, max: 8_000 }).map((n) => 'a'.repeat(n)),
  fc.constantFrom('a.b', 'ü', 'a b', '.', '~', 'TLC-2026-0000001', 'tlc-2026-000001'),
);

describe('fuzzing (fast-check)', () => {
  it(`answers ${RUNS} malformed requests with 4xx only and changes nothing (seed ${SEED})`, async () => {
    console.info(`fuzz: ${RUNS} runs, seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    const t = tokens(http);
    const snapshot = async () =>
      (await http.call('GET', `/v1/dossiers/${target.id}/journal`, { token: await t.instructor() })).json.head;
    const before = await snapshot();
    const tokenFor: Record<string, () => Promise<string>> = {
      candidate: () => t.candidate(target.companyId),
      instructor: t.instructor,
      college: t.college,
      admin: t.admin,
      security_reviewer: t.security,
    };
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: routesWithInput.length - 1 }),
        fc.nat(),
        body,
        param,
        fc.boolean(),
        fc.dictionary(fc.constantFrom('stage', 'limit', 'cursor', 'format', 'to'), nastySmall, { maxKeys: 3 }),
        async (routeIndex, callerIndex, payload, junk, fuzzPath, q) => {
          const route: RouteSpec = routesWithInput[routeIndex]!;
          // a route that reads no body acts on a well-formed request: only its path can be malformed
          const junkPath = fuzzPath || !route.body;
          const path = route.path
            .replace('{id}', junkPath ? encodePath(`${junk}\u0000`) : target.id)
            .replace(/\{\w+\}/g, () => encodePath(junk));
          // a list without path parameters: a forged cursor is what can be malformed
          const query = route.path.includes('{') || !junkPath ? q : { ...q, cursor: `${junk}!` };
          const search = new URLSearchParams(query as Record<string, string>).toString();
          const response = await http.call(route.method, `${path}${search ? `?${search}` : ''}`, {
            // a caller the route admits: the input, not the role, is what is fuzzed
            token: await tokenFor[route.roles![callerIndex % route.roles!.length]!]!(),
            headers: { 'if-match': fuzzPath ? junk.replace(/[^\x20-\x7e]/g, '') || '"x"' : '*' },
            ...(route.method === 'GET' || route.method === 'DELETE'
              ? {}
              : { body: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const label = `${route.method} ${route.path} → ${response.status} ${response.text.slice(0, 200)}`;
          expect(response.status, label).toBeGreaterThanOrEqual(400);
          expect(response.status, label).toBeLessThan(500);
          // the HTTP layer itself refuses oversized request lines and headers (API Gateway does too)
          if (![414, 431].includes(response.status))
            expect(String(response.headers.get('content-type')), label).toContain('application/problem+json');
        },
      ),
      {
        numRuns: RUNS,
        seed: SEED,
        endOnFailure: true,
        // counterexamples can hold 256 KB strings: report their shape, not their bytes
        reporter: (details) => {
          if (details.failed)
            throw new Error(
              `fuzz failed (seed ${SEED}, path ${details.counterexamplePath}): ${String(details.errorInstance).slice(0, 600)}`,
            );
        },
      },
    );
    expect(await snapshot()).toEqual(before);
    console.info(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  }, 1_800_000);
});
