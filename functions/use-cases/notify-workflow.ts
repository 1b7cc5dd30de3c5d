import type { Dependencies } from '../container';

/**
 * Wakes the dossier's execution after a change it should know about. Best effort: the
 * execution re-reads the stored dossier whenever it wakes, so a lost wake-up only delays it.
 */
export const notifyWorkflow = async (deps: Dependencies, dossierId: string, event: string) => {
  const wait = await deps.workflowState.takeWait(dossierId);
  if (!wait) return;
  await deps.engine.sendTaskSuccess(wait.taskToken, { event });
};
