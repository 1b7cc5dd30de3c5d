import { setTimeout as sleep } from 'node:timers/promises';
import { api, companyBody, draftBody, siret } from '../support/api-client';
import * as journey from '../support/journeys';
import { startInProcessStack } from '../support/local-stack';

/**
 * The soak (issue 12): the whole procedure for many companies on one local stack over several
 * virtual years, with real time passing between bursts (the real-time ticker fires meanwhile) and
 * requests arriving while the clock moves. After each burst it checks what degraded before:
 * parked waits against live executions, how long an empty and a one-month clock move take, and
 * the process's memory.
 */
export interface SoakOptions {
  bursts: number;
  companiesPerBurst: number;
  /** months of virtual time each burst moves, one month at a time */
  monthsPerBurst: number;
  /** real time between bursts */
  pauseMs: number;
  /** requests sent while each one-month move runs */
  concurrentRequests: number;
  log?: (line: string) => void;
}

export interface BurstFigures {
  burst: number;
  dossiers: number;
  liveExecutions: number;
  parkedWaits: number;
  maxWaitsPerDossier: number;
  emptyMoveMs: number;
  slowestMonthMoveMs: number;
  heapUsedMb: number;
  rssMb: number;
}

export interface SoakFigures {
  bursts: number;
  dossiers: number;
  virtualYears: number;
  maxParkedWaits: number;
  maxLiveExecutions: number;
  slowestEmptyMoveMs: number;
  slowestMonthMoveMs: number;
  memory: { heapBeforeMb: number; heapAfterMb: number; rssBeforeMb: number; rssAfterMb: number };
  perBurst: BurstFigures[];
  /** what broke an invariant, if anything (the caller decides whether that fails) */
  violations: string[];
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heap: mb(m.heapUsed), rss: mb(m.rss) };
};
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - started) };
};

export const EMPTY_MOVE_LIMIT_MS = 1_000;
export const MONTH_MOVE_LIMIT_MS = 30_000;

export const runSoak = async (options: SoakOptions): Promise<SoakFigures> => {
  const log = options.log ?? (() => undefined);
  const stack = await startInProcessStack();
  const http = api(stack.url);
  const t = journey.tokens(http);
  const perBurst: BurstFigures[] = [];
  const violations: string[] = [];
  const drafts: { id: string; companyId: string }[] = [];
  const racing: { id: string; companyId: string; requestId: string; dueAt: string }[] = [];
  let dossiers = 0;
  const startedAt = new Date((await http.call('GET', '/_local/clock')).json.now as string);
  const before = memory();
  try {
    for (let burst = 0; burst < options.bursts; burst++) {
      // 1. the procedure, for each company of the burst, in four shapes
      for (let i = 0; i < options.companiesPerBurst; i++) {
        const seed = 7000 + burst * 100 + i;
        const shape = i % 4;
        // a draft left to be abandoned, evidence deposit, a certificate (long clocks), a request that lapses
        if (shape === 0) {
          const company = await http.call('POST', '/v1/companies', {
            token: await t.admin(),
            body: companyBody(siret(seed), `s${seed}`),
          });
          const created = await http.call('POST', '/v1/dossiers', {
            token: await t.candidate(company.json.id),
            body: draftBody(`Soak ${seed}`),
          });
          drafts.push({ id: created.json.id, companyId: company.json.id });
        } else if (shape === 1) {
          await journey.admissibleDossier(http, seed, 'company');
        } else if (shape === 2) {
          const d = await journey.readyForCollege(http, seed);
          const decided = await http.call('POST', `/v1/dossiers/${d.id}/college-decision`, {
            token: await t.college(),
            body: { decision: 'certified' },
          });
          if (decided.status !== 200) violations.push(`burst ${burst}: collège decision answered ${decided.status}`);
        } else {
          const d = await journey.admissibleDossier(http, seed, 'company');
          await journey.completeFile(http, d.id, d.candidate);
          const opened = await http.call('POST', `/v1/dossiers/${d.id}/info-requests`, {
            token: await t.instructor(),
            body: { missingItems: ['Précisez la version du module INS'] },
          });
          if (i === options.companiesPerBurst - 1)
            racing.push({ ...d, requestId: opened.json.requestId, dueAt: opened.json.dueAt });
        }
        dossiers++;
      }

      // 2. a deadline that falls due in real time, on the stack's own ticker, while the candidate
      //    answers and reads the dossier: the race the real-time ticker must survive
      for (const race of racing.splice(0)) {
        const now = new Date((await http.call('GET', '/_local/clock')).json.now as string);
        const seconds = Math.floor((new Date(race.dueAt).getTime() - now.getTime()) / 1000) - 2;
        if (seconds > 0) await http.call('POST', '/_local/clock', { body: { advance: `PT${seconds}S` } });
        const until = performance.now() + 4_000;
        const answers: number[] = [];
        while (performance.now() < until) {
          const token = await t.candidate(race.companyId);
          const [answer, read] = await Promise.all([
            http.call('POST', `/v1/dossiers/${race.id}/info-requests/${race.requestId}/answer`, {
              token,
              body: { message: 'Version 2.3 du module INS' },
            }),
            http.call('GET', `/v1/dossiers/${race.id}`, { token }),
            sleep(200),
          ]);
          answers.push(answer.status, read.status);
        }
        const failed = answers.filter((status) => status >= 500).length;
        if (failed) violations.push(`burst ${burst}: ${failed} answer(s) 5xx while the deadline fell due`);
      }

      // 3. the clock moves a month at a time while requests arrive
      let slowestMonthMoveMs = 0;
      for (let month = 0; month < options.monthsPerBurst; month++) {
        const requests = Array.from({ length: options.concurrentRequests }, async (_, k) => {
          const draft = drafts[k % Math.max(drafts.length, 1)];
          if (!draft) return http.call('GET', '/v1/public/certificates');
          const token = await t.candidate(draft.companyId);
          return k % 2
            ? http.call('GET', `/v1/dossiers/${draft.id}`, { token })
            : http.call('GET', '/v1/dossiers', { token });
        });
        const move = await timed(() => http.call('POST', '/_local/clock', { body: { advance: 'P1M' } }));
        const answers = await Promise.all(requests);
        if (move.value.status !== 200) violations.push(`burst ${burst}: one-month move answered ${move.value.status}`);
        const failed = answers.filter((a) => a.status >= 500).length;
        if (failed) violations.push(`burst ${burst}: ${failed} request(s) answered 5xx during a clock move`);
        slowestMonthMoveMs = Math.max(slowestMonthMoveMs, move.ms);
      }

      // 4. real time passes: the stack's own ticker runs meanwhile
      await sleep(options.pauseMs);

      // 5. invariants
      const empty = await timed(() => http.call('POST', '/_local/clock', { body: { advance: 'PT1S' } }));
      const workflow = (await http.call('GET', '/_local/workflow')).json as {
        executions?: { status: string }[];
        /** the engine before issue 12 listed live executions by dossier only */
        running?: string[];
        waiting: { dossierId: string }[];
      };
      const live = workflow.executions?.filter((e) => e.status === 'RUNNING').length ?? workflow.running?.length ?? 0;
      const perDossier = new Map<string, number>();
      for (const w of workflow.waiting) perDossier.set(w.dossierId, (perDossier.get(w.dossierId) ?? 0) + 1);
      const now = memory();
      const figures: BurstFigures = {
        burst,
        dossiers,
        liveExecutions: live,
        parkedWaits: workflow.waiting.length,
        maxWaitsPerDossier: Math.max(0, ...perDossier.values()),
        emptyMoveMs: empty.ms,
        slowestMonthMoveMs,
        heapUsedMb: now.heap,
        rssMb: now.rss,
      };
      perBurst.push(figures);
      log(JSON.stringify(figures));
      if (figures.parkedWaits > live)
        violations.push(`burst ${burst}: ${figures.parkedWaits} waits for ${live} executions`);
      if (figures.maxWaitsPerDossier > 1)
        violations.push(`burst ${burst}: a dossier has ${figures.maxWaitsPerDossier} waits`);
      if (empty.ms > EMPTY_MOVE_LIMIT_MS) violations.push(`burst ${burst}: an empty clock move took ${empty.ms} ms`);
      if (slowestMonthMoveMs > MONTH_MOVE_LIMIT_MS)
        violations.push(`burst ${burst}: a one-month clock move took ${slowestMonthMoveMs} ms`);
    }
  } finally {
    await stack.dispose();
  }
  const endedAt = perBurst.length
    ? new Date(startedAt.getTime() + options.bursts * options.monthsPerBurst * 30.44 * 86_400_000)
    : startedAt;
  const after = memory();
  return {
    bursts: perBurst.length,
    dossiers,
    virtualYears: Math.round(((endedAt.getTime() - startedAt.getTime()) / (365.25 * 86_400_000)) * 10) / 10,
    maxParkedWaits: Math.max(0, ...perBurst.map((b) => b.parkedWaits)),
    maxLiveExecutions: Math.max(0, ...perBurst.map((b) => b.liveExecutions)),
    slowestEmptyMoveMs: Math.max(0, ...perBurst.map((b) => b.emptyMoveMs)),
    slowestMonthMoveMs: Math.max(0, ...perBurst.map((b) => b.slowestMonthMoveMs)),
    memory: { heapBeforeMb: before.heap, heapAfterMb: after.heap, rssBeforeMb: before.rss, rssAfterMb: after.rss },
    perBurst,
    violations,
  };
};
