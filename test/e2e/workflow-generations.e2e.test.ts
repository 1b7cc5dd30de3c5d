import { describe, expect, it } from 'vitest';
import { api, companyBody, draftBody, siret } from '../support/api-client';
import * as journey from '../support/journeys';
import { useLocalStack } from '../support/local-stack';

/**
 * Clocks that outlive executions (issue 12): the local engine ends an execution after a year as
 * AWS does, so a dossier's clocks must pass from one generation to the next, and a reconciler
 * must notice a dossier whose execution is gone.
 */
let http: ReturnType<typeof api>;
let t: ReturnType<typeof journey.tokens>;
useLocalStack((ctx) => ({ http, t } = ctx));

const YEAR_MS = 365 * 86_400_000;

interface Execution {
  dossierId: string;
  name: string;
  status: string;
  startedAt: string;
  stoppedAt: string | null;
}
const workflow = async () =>
  (await http.call('GET', '/_local/workflow')).json as {
    executions: Execution[];
    waiting: { dossierId: string; dueAt: string | null }[];
    reconciler: { dossiersRepaired: string[] }[];
  };
const now = async () => new Date((await http.call('GET', '/_local/clock')).json.now as string);
const advance = (duration: string) => http.call('POST', '/_local/clock', { body: { advance: duration } });

const newDraft = async (seed: number) => {
  const company = await http.call('POST', '/v1/companies', {
    token: await t.admin(),
    body: companyBody(siret(seed), `g${seed}`),
  });
  const candidate = await t.candidate(company.json.id);
  const created = await http.call('POST', '/v1/dossiers', { token: candidate, body: draftBody(`Long ${seed}`) });
  expect(created.status).toBe(201);
  return {
    id: created.json.id as string,
    candidate,
    companyId: company.json.id as string,
    etag: created.headers.get('etag')!,
  };
};

const inactivityDue = async (id: string, token: string) => {
  const dossier = (await http.call('GET', `/v1/dossiers/${id}`, { token })).json;
  return new Date(dossier.deadlines.find((d: { kind: string }) => d.kind === 'inactivity_abandonment').dueAt);
};

describe('a draft kept alive for 15 months', () => {
  it('passes its clocks from generation to generation, then is abandoned 6 months after its last edit', async () => {
    const d = await newDraft(1201);
    let etag = d.etag;
    const start = await now();
    for (let edit = 1; edit <= 3; edit++) {
      await advance('P5M');
      const candidate = await t.candidate(d.companyId);
      const patched = await http.call('PATCH', `/v1/dossiers/${d.id}`, {
        token: candidate,
        body: { nie: `NIE-${edit}` },
        headers: { 'if-match': etag },
      });
      expect(patched.status).toBe(200);
      etag = patched.headers.get('etag')!;
    }
    expect((await now()).getTime() - start.getTime()).toBeGreaterThan(14 * 30 * 86_400_000);
    const candidate = await t.candidate(d.companyId);
    const due = await inactivityDue(d.id, candidate);

    await advance('P7M');
    const dossier = (await http.call('GET', `/v1/dossiers/${d.id}`, { token: await t.instructor() })).json;
    expect(dossier.status).toBe('abandoned');
    // at its legal instant: the generation that held the clock fired it, none was lost
    expect(Math.abs(new Date(dossier.closedAt).getTime() - due.getTime())).toBeLessThan(5_000);

    const { executions, waiting } = await workflow();
    const mine = executions.filter((e) => e.dossierId === d.id);
    expect(mine.length).toBeGreaterThanOrEqual(3); // about 21 months: three generations at least
    expect(mine.map((e) => e.status)).toEqual(mine.map(() => 'SUCCEEDED'));
    for (const e of mine) {
      const end = new Date(e.stoppedAt ?? (await now())).getTime();
      expect(end - new Date(e.startedAt).getTime()).toBeLessThan(YEAR_MS);
    }
    expect(waiting.filter((w) => w.dossierId === d.id)).toHaveLength(0);
  }, 180_000);
});

describe('the reconciler', () => {
  it('restarts a dossier whose execution was stopped, and its clock fires at its legal instant', async () => {
    const d = await newDraft(1202);
    const due = await inactivityDue(d.id, d.candidate);
    const stopped = (await http.call('POST', '/_local/workflow/stop', { body: { dossierId: d.id } })).json.stopped;
    expect(stopped).toBe(`dossier-${d.id}-g1`);

    await advance('P1D');
    const after = await workflow();
    expect(after.reconciler.flatMap((r) => r.dossiersRepaired)).toContain(d.id);
    expect(after.executions.find((e) => e.name === `dossier-${d.id}-g2`)?.status).toBe('RUNNING');
    expect(after.waiting.filter((w) => w.dossierId === d.id)).toHaveLength(1);

    await advance('P7M');
    const dossier = (await http.call('GET', `/v1/dossiers/${d.id}`, { token: await t.instructor() })).json;
    expect(dossier.status).toBe('abandoned');
    expect(Math.abs(new Date(dossier.closedAt).getTime() - due.getTime())).toBeLessThan(5_000);
  }, 120_000);

  it('repairs nothing in a healthy system, and keeps one pending wait per live execution', async () => {
    const before = (await workflow()).reconciler.length;
    const d = await newDraft(1203);
    await advance('P2D');
    const { executions, waiting, reconciler } = await workflow();
    expect(reconciler.slice(before).flatMap((r) => r.dossiersRepaired)).not.toContain(d.id);
    const live = executions.filter((e) => e.status === 'RUNNING');
    expect(waiting.length).toBeLessThanOrEqual(live.length);
    expect(new Set(waiting.map((w) => w.dossierId)).size).toBe(waiting.length);
  });

  it('starts a new execution at once when a signal finds its execution gone', async () => {
    const d = await journey.admissibleDossier(http, 1204, 'company');
    await http.call('POST', '/_local/workflow/stop', { body: { dossierId: d.id } });
    const { last } = await journey.completeFile(http, d.id, d.candidate);
    expect(last.status).toBe(200);
    const { executions } = await workflow();
    expect(executions.filter((e) => e.dossierId === d.id && e.status === 'RUNNING')).toHaveLength(1);
  }, 120_000);
});
