import { writeFileSync } from 'node:fs';
import { runSoak } from './soak';

/**
 * `npm run soak`: the long soak. SOAK_BURSTS, SOAK_COMPANIES, SOAK_MONTHS and SOAK_PAUSE_MS
 * override the defaults; the figures go to stdout and bench/soak-results.json.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const figures = await runSoak({
  bursts: env('SOAK_BURSTS', 10),
  companiesPerBurst: env('SOAK_COMPANIES', 8),
  monthsPerBurst: env('SOAK_MONTHS', 5),
  pauseMs: env('SOAK_PAUSE_MS', 75_000),
  concurrentRequests: env('SOAK_CONCURRENT', 20),
  log: (line) => console.log(line),
});
const { perBurst: _perBurst, ...summary } = figures;
console.log(JSON.stringify(summary, null, 2));
writeFileSync(new URL('../../bench/soak-results.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
process.exit(figures.violations.length ? 1 : 0);
