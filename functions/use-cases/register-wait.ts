import type { Dependencies } from '../container';

/** Stores the task token of a waiting execution where the API will find it. Idempotent. */
export const registerWait = async (
  deps: Dependencies,
  input: { dossierId: string; waitingFor: string; taskToken: string },
) => {
  await deps.workflowState.saveWait({ ...input, since: deps.clock.now().toISOString() });
  return { registered: true };
};
