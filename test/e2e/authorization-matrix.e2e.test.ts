import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteSpec } from '../../functions/http/routes';
import type { Role } from '../../functions/domain/schemas';
import { api } from '../support/api-client';
import { admissibleDossier, readyForCollege, tokens } from '../support/journeys';
import { useLocalStack } from '../support/local-stack';

/**
 * The authorisation matrix, generated from the route table (issue 11): every route × every kind
 * of caller, over HTTP against the local stack. A new route is covered without writing a test.
 * Expected: 401 without a token; 403 outside the route's roles; 404 for a candidate of another
 * company on anything of the company's; otherwise never 401/403. A refused request changes
 * neither the dossier's version nor its journal head.
 */
let http: ReturnType<typeof api>;
let ids: { id: string; number: string; uploadId: string; companyId: string; otherCompanyId: string };

type Caller = {
  name: string;
  token: () => Promise<string | undefined>;
  /** the role the caller acts with (the least privileged of a multi-role token) */
  actsAs?: Role;
  /** every role the token holds (a route marked multiRole lets it act with any of them) */
  holds?: Role[];
  otherCompany?: boolean;
  /** breaks the separation of duties (candidate and staff, or staff bound to a company): 403 everywhere */
  conflicted?: boolean;
};
let callers: Caller[];

useLocalStack((ctx) => ({ http } = ctx));
beforeAll(async () => {
  const t = tokens(http);
  const d = await readyForCollege(http, 900);
  const decided = await http.call('POST', `/v1/dossiers/${d.id}/college-decision`, {
    token: await t.college(),
    body: { decision: 'certified' },
  });
  const dossier = (await http.call('GET', `/v1/dossiers/${d.id}`, { token: await t.instructor() })).json;
  const other = await admissibleDossier(http, 901, 'company');
  ids = {
    id: d.id,
    number: decided.json.certificate.number,
    uploadId: dossier.uploads.find((u: { purpose: string }) => u.purpose === 'proof').id,
    companyId: d.companyId,
    otherCompanyId: other.companyId,
  };
  callers = [
    { name: 'anonymous', token: async () => undefined },
    { name: 'candidate of the company', token: () => t.candidate(ids.companyId), actsAs: 'candidate' },
    {
      name: 'candidate of another company',
      token: () => t.candidate(ids.otherCompanyId),
      actsAs: 'candidate',
      otherCompany: true,
    },
    { name: 'instructor', token: t.instructor, actsAs: 'instructor' },
    { name: 'security reviewer', token: t.security, actsAs: 'security_reviewer' },
    { name: 'collège', token: t.college, actsAs: 'college' },
    { name: 'admin', token: t.admin, actsAs: 'admin' },
    {
      name: 'candidate who is also instructor',
      token: () =>
        http.token({
          role: 'candidate',
          roles: ['candidate', 'instructor'],
          sub: `cand-${ids.companyId}`,
          ensId: ids.companyId,
        } as never),
      actsAs: 'candidate',
      holds: ['candidate', 'instructor'],
      // separation of duties: refused on every route, whatever the route admits
      conflicted: true,
    },
    {
      name: 'instructor bound to the company',
      token: () => http.token({ role: 'instructor', sub: 'instructor-bound', ensId: ids.companyId } as never),
      actsAs: 'instructor',
      conflicted: true,
    },
  ];
}, 180_000);

const pathOf = (route: RouteSpec) =>
  route.path
    .replace('{id}', ids.id)
    .replace('{number}', ids.number)
    .replace('{uploadId}', ids.uploadId)
    .replace('{requestId}', 'r-unknown')
    .replace('{notificationId}', 'n1')
    .replace('{sectionId}', 'ins')
    .replace('{kind}', 'receipt')
    .replace('{sha256}', '0'.repeat(64))
    .replace('{clientId}', 'c-unknown')
    .replace('{webhookId}', 'w-unknown');

// the collège sees its own stage of the queue only (the use case narrows the route's roles)
const query = (route: RouteSpec) =>
  route.path === '/v1/queue' ? '?stage=college' : route.path === '/v1/queue/export' ? '?stage=instruction' : '';

const expected = (route: RouteSpec, caller: Caller): 'unauthenticated' | 'forbidden' | 'not-found' | 'allowed' => {
  if (!route.auth) return 'allowed';
  if (!caller.actsAs) return 'unauthenticated';
  if (caller.conflicted) return 'forbidden';
  const acting = route.multiRole && caller.holds ? caller.holds : [caller.actsAs];
  if (route.roles && !acting.some((r) => route.roles!.includes(r))) return 'forbidden';
  if (caller.otherCompany && /\{(id|number)\}/.test(route.path)) return 'not-found';
  return 'allowed';
};

const snapshot = async () => {
  const t = tokens(http);
  // what the streams do after an answer (a download's journal event) is done before the state is read
  await http.call('POST', '/_local/settle');
  const journal = (await http.call('GET', `/v1/dossiers/${ids.id}/journal`, { token: await t.instructor() })).json;
  const dossier = (await http.call('GET', `/v1/dossiers/${ids.id}`, { token: await t.instructor() })).json;
  return { version: dossier.version, head: journal.head };
};

describe('authorisation matrix (route table × callers)', () => {
  it('gives every route the exact refusal for every caller, and changes nothing when it refuses', async () => {
    const rows: string[] = [];
    let cells = 0;
    for (const route of ROUTES) {
      const before = await snapshot();
      // refusals first, then the callers the route admits (whose requests may change the state)
      const ordered = [...callers].sort(
        (a, b) => Number(expected(route, a) === 'allowed') - Number(expected(route, b) === 'allowed'),
      );
      let checked = false;
      for (const caller of ordered) {
        const want = expected(route, caller);
        if (want === 'allowed' && !checked) {
          expect(await snapshot(), `${route.method} ${route.path}: a refused request changed the dossier`).toEqual(
            before,
          );
          checked = true;
        }
        const response = await http.call(route.method, `${pathOf(route)}${query(route)}`, {
          token: await caller.token(),
          headers: { 'if-match': '*' }, // a well-formed client: preconditions are not what is tested here
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
        });
        const label = `${route.method} ${route.path} as ${caller.name}: ${response.status} ${response.text.slice(0, 160)}`;
        if (want === 'unauthenticated') expect(response.status, label).toBe(401);
        else if (want === 'forbidden') expect(response.status, label).toBe(403);
        else if (want === 'not-found') expect(response.status, label).toBe(404);
        else {
          expect([401, 403], label).not.toContain(response.status);
          expect(response.status, label).toBeLessThan(500);
        }
        cells++;
      }
      if (!checked) expect(await snapshot()).toEqual(before);
      rows.push(`${route.method} ${route.path}`);
    }
    expect(cells).toBe(ROUTES.length * callers.length);
    console.info(`authorisation matrix: ${ROUTES.length} routes × ${callers.length} callers = ${cells} cells`);
  }, 600_000);
});
