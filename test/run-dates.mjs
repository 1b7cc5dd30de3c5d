// `npm run test:dates`: the integration project under Debian's faketime at dates that bite, so that
// nothing the suite asserts depends on the day it runs. The JVM (DynamoDB Local) is left unfaked,
// and so is the monotonic clock (timeouts and timers keep real time). `TEST_DATES` picks dates
// (comma-separated, e.g. the one CI runs); extra arguments go to vitest.
import { spawnSync } from 'node:child_process';

const DATES = {
  '2026-12-01 08:00:00 UTC': 'Tuesday 1 December 2026 09:00 Paris (a request then falls due on a Saturday)',
  '2027-03-26 22:30:00 UTC': 'Friday 26 March 2027 23:30 Paris, the eve of Easter and of the DST change',
  '2027-12-31 22:30:00 UTC': 'New Year’s Eve 2027, 23:30 Paris',
  '2028-02-28 09:00:00 UTC': 'Monday 28 February 2028 (a leap year)',
};

const chosen = process.env.TEST_DATES ? process.env.TEST_DATES.split(',').map((d) => d.trim()) : Object.keys(DATES);
if (spawnSync('faketime', ['--version']).error) {
  console.error('faketime is missing: apt-get install -y faketime');
  process.exit(2);
}
const results = [];
for (const date of chosen) {
  console.log(`\n=== ${date} — ${DATES[date] ?? 'a date of your choice'} ===`);
  const started = Date.now();
  const run = spawnSync(
    'faketime',
    [date, 'npx', 'vitest', 'run', '--project', 'integration', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, FAKETIME_SKIP_CMDS: 'java', FAKETIME_DONT_FAKE_MONOTONIC: '1' },
    },
  );
  results.push({
    date,
    status: run.status === 0 ? 'passed' : `FAILED (${run.status ?? run.signal})`,
    seconds: Math.round((Date.now() - started) / 1000),
  });
}
console.log('\n=== npm run test:dates ===');
for (const r of results) console.log(`${r.date.padEnd(26)} ${r.status.padEnd(12)} ${r.seconds} s`);
process.exit(results.every((r) => r.status === 'passed') ? 0 : 1);
