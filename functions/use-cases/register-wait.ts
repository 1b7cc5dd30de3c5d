import type { Dependencies } from '../container';
import { MAX_WAIT_SECONDS } from '../domain/workflow-generations';

/**
 * The workflow's AwaitSignal task: keeps the task token where the API finds it, and the instant
 * the execution will wake where the reconciler looks.
 * Input: dossier id, task token, what the execution waits for, its generation and wake instant.
 * Output: whether the wait was registered (false: a later generation keeps the dossier's clocks;
 * this execution ends at its next wake-up).
 * Steps: store the wait beside the dossier (never bumping the dossier's version).
 */
export const registerWait = async (
  deps: Dependencies,
  input: { dossierId: string; waitingFor: string; taskToken: string; generation: number; wakeAt?: string },
) => {
  const { generation, wakeAt, ...wait } = input;
  const now = deps.clock.now();
  const registered = await deps.workflowState.saveWait({
    ...wait,
    since: now.toISOString(),
    generation,
    // an execution of an earlier state machine version does not say: at the latest, its longest wait
    checkAt: wakeAt ?? new Date(now.getTime() + MAX_WAIT_SECONDS * 1000).toISOString(),
  });
  return { registered };
};
