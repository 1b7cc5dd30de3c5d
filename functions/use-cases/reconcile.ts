import type { Dependencies } from '../container';
import { isClosed } from '../domain/dossier';
import { executionName } from '../domain/workflow-generations';
import { certificateClockName, evaluateCertificate } from './certificate-life';
import { restartExecution } from './restart-execution';
import { recordScanResult } from './record-scan-result';

/** How late a clock may be before the reconciler repairs it (the engine wakes within seconds). */
export const RECONCILE_GRACE_MS = 15 * 60 * 1000;

export interface ReconcileReport {
  dossiersChecked: number;
  certificatesChecked: number;
  /** dossiers whose execution was gone or late and was restarted or woken */
  dossiersRepaired: string[];
  /** certificates whose clock was overdue or unscheduled and was run again */
  certificatesRepaired: string[];
  /** received files whose scan result never arrived, settled from the object's tag */
  scansRecovered: string[];
}

/**
 * The safety net under the legal clocks: in a healthy system it repairs nothing.
 * Input: none (the clock, the "next legal instant" indexes). Output: what it checked and repaired.
 * Steps: for each open dossier in the index (no Scan), if its next legal instant passed more than
 * the grace ago or its execution is not running → wake the execution, or restart it at its phase;
 * a closed dossier leaves the index. For each certificate whose clock runs, if its instant passed
 * or its schedule is missing → run the certificate's clock (which applies what fell due and
 * schedules again). Idempotent: a second run finds nothing left.
 */
export const reconcile = async (deps: Dependencies): Promise<ReconcileReport> => {
  const overdueBefore = new Date(deps.clock.now().getTime() - RECONCILE_GRACE_MS).toISOString();
  const report: ReconcileReport = {
    dossiersChecked: 0,
    certificatesChecked: 0,
    dossiersRepaired: [],
    certificatesRepaired: [],
    scansRecovered: [],
  };
  for await (const clock of deps.workflowState.list()) {
    report.dossiersChecked++;
    const overdue = clock.checkAt <= overdueBefore;
    const running = await deps.engine.isRunning(executionName(clock.dossierId, clock.generation));
    if (running && !overdue) continue;
    const stored = await deps.dossiers.get(clock.dossierId);
    if (!stored || isClosed(stored.dossier.status)) {
      await deps.workflowState.forget(clock.dossierId);
      continue;
    }
    if (running) {
      // alive but late: wake it (it applies the legal effects on its Evaluate)
      const wait = await deps.workflowState.takeWait(clock.dossierId);
      if (wait && (await deps.engine.sendTaskSuccess(wait.taskToken, { event: 'reconciler' }))) {
        report.dossiersRepaired.push(clock.dossierId);
        continue;
      }
    }
    if ((await restartExecution(deps, clock.dossierId)) === 'restarted') report.dossiersRepaired.push(clock.dossierId);
  }
  for await (const { number, wakeAt } of deps.certificates.clocks()) {
    report.certificatesChecked++;
    const overdue = wakeAt <= overdueBefore;
    if (!overdue && (await deps.longClocks.exists(certificateClockName(number)))) continue;
    await evaluateCertificate(deps, number);
    report.certificatesRepaired.push(number);
  }
  // a malware scan result that EventBridge never delivered: GuardDuty's tag on the object says it
  if (deps.malwareScanning)
    for (const check of await deps.dossiers.pendingScans(overdueBefore, 100)) {
      const tag = await deps.storage.scanTag(check.store, check.key);
      if (!tag) continue; // still scanning (or the object is gone): the next run looks again
      await recordScanResult(deps, check.store, check.key, tag);
      report.scansRecovered.push(check.uploadId);
    }
  return report;
};

/** The earliest instant at which a reconciler run could find something overdue (local engine). */
export const nextReconcileAt = async (deps: Dependencies): Promise<number | undefined> => {
  const dossier = await deps.workflowState.earliest();
  const first = await deps.certificates.clocks()[Symbol.asyncIterator]().next();
  const instants = [dossier, first.done ? null : first.value.wakeAt]
    .filter((s): s is string => !!s)
    .map((s) => new Date(s).getTime() + RECONCILE_GRACE_MS + 1);
  return instants.length ? Math.min(...instants) : undefined;
};
