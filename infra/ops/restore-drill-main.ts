import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestStack } from '../../test/support/local-stack';
import { restoreDrillOnStack } from '../../test/support/restore-drill-on-stack';

/**
 * `npm run drill:restore`: starts a throw-away local stack, files two dossiers through the
 * procedure, then runs the export → restore → verify drill and prints its report.
 */
const stack = await startTestStack({}, await mkdtemp(path.join(os.tmpdir(), 'tlc-drill-stack-')));
try {
  const report = await restoreDrillOnStack(stack, 9101);
  console.log(JSON.stringify(report, null, 2));
  const ok =
    report.restored === report.exported &&
    report.restoredJournals.broken.length === 0 &&
    Object.values(report.indexes).every((c) => c.source === c.restored);
  console.log(ok ? 'drill passed: every item restored, every journal intact' : 'DRILL FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await stack.dispose();
  await rm(stack.dataDir, { recursive: true, force: true });
}
