import type { Dependencies } from '../container';

/**
 * The workflow's AwaitSignal task: keeps the task token where the API finds it.
 * Input: dossier id, task token, what the execution waits for. Output: none.
 * Steps: store the wait beside the dossier (never bumping the dossier's version).
 */

/** Stores the task token of a waiting execution where the API will find it. Idempotent. */
export const registerWait = async (
  deps: Dependencies,
  input: { dossierId: string; waitingFor: string; taskToken: string },
) => {
  await deps.workflowState.saveWait({ ...input, since: deps.clock.now().toISOString() });
  return { registered: true };
};
