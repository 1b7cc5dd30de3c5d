import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: {
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      AWS_REGION: 'eu-west-3',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'functions/**/*.test.ts',
            'infra/**/*.test.ts',
            'test/unit/**/*.test.ts',
            'portal/src/**/*.test.ts',
          ],
        },
      },
      { extends: true, test: { name: 'handler', include: ['test/handler/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/contracts/**/*.test.ts'],
          // every 2xx answer of the local stack is checked against the OpenAPI document
          env: { VALIDATE_RESPONSES: '1' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // each file starts its own emulators: keep them from competing for the 2 cores
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          globalSetup: ['test/browser/build-portal.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          env: { VALIDATE_RESPONSES: '1' },
        },
      },
    ],
  },
});
