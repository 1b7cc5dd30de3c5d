import type { Dependencies } from '../container';

/**
 * Input: dossier id, the event name. Output: none. Steps: take the stored task token (once) →
 * resume the execution with it; no token means the execution is not waiting (nothing to do).
 */

/**
 * Wakes the dossier's execution after a change that may bring a legal instant closer or start
 * or end a clock (submission, admissibility, information requests, complete file, decisions).
 * Mere candidate activity does not wake it: activity only moves deadlines later, and the
 * execution re-reads the stored dossier when its current timer fires, so waking it for every
 * upload would only spend state transitions. Best effort: a lost wake-up only delays it.
 */
export const notifyWorkflow = async (deps: Dependencies, dossierId: string, event: string) => {
  const wait = await deps.workflowState.takeWait(dossierId);
  if (!wait) return;
  await deps.engine.sendTaskSuccess(wait.taskToken, { event });
};
