import { expect, it } from 'vitest';
import { runSoak } from '../soak/soak';

/** The short soak in `npm test`; `npm run soak` runs the long one (README, issue 12). */
it('keeps the local engine healthy over bursts with real time between them', async () => {
  const figures = await runSoak({
    bursts: 3,
    companiesPerBurst: 4,
    monthsPerBurst: 6,
    // more than the minute after which aws-local-stepfunctions used to fail a parked task
    pauseMs: 65_000,
    concurrentRequests: 10,
  });
  expect(figures.violations).toEqual([]);
  expect(figures.bursts).toBe(3);
  expect(figures.virtualYears).toBeGreaterThanOrEqual(1.4);
  expect(figures.maxParkedWaits).toBeLessThanOrEqual(figures.maxLiveExecutions);
}, 600_000);
