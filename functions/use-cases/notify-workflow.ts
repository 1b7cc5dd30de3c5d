import type { Dependencies } from '../container';
import { restartExecution } from './restart-execution';

/**
 * Wakes the dossier's execution after a change that may bring a legal instant closer or start
 * or end a clock (submission, admissibility, information requests, complete file, decisions).
 * Mere candidate activity does not wake it: activity only moves deadlines later, and the
 * execution re-reads the stored dossier when its current timer fires, so waking it for every
 * upload would only spend state transitions.
 * Input: dossier id, the event name. Output: none.
 * Steps: take the stored task token (once) → resume the execution with it; a token its execution
 * no longer accepts means the execution may be gone → restart it if so (the signal is not lost:
 * the new execution reads the stored dossier).
 */
export const notifyWorkflow = async (deps: Dependencies, dossierId: string, event: string) => {
  const wait = await deps.workflowState.takeWait(dossierId);
  if (!wait) return;
  if (!(await deps.engine.sendTaskSuccess(wait.taskToken, { event }))) await restartExecution(deps, dossierId);
};
