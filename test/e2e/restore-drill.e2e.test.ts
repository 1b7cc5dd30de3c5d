import { expect, it } from 'vitest';
import { restoreDrillOnStack } from '../support/restore-drill-on-stack';
import { useLocalStack, type TestStack } from '../support/local-stack';

let stack: TestStack;
useLocalStack((ctx) => ({ stack } = ctx));

/** The restore drill (README runbook, `npm run drill:restore`) on a table holding real journals. */
it('exports, restores into a new table and finds every journal intact and every index answering', async () => {
  const report = await restoreDrillOnStack(stack, 1301);
  expect(report.restored).toBe(report.exported);
  expect(report.exported).toBeGreaterThan(50);
  expect(report.source.dossiers).toBe(2);
  expect(report.restoredJournals).toEqual(report.source);
  expect(report.restoredJournals.broken).toEqual([]);
  for (const [name, counts] of Object.entries(report.indexes)) expect(counts.restored, name).toBe(counts.source);
}, 180_000);
