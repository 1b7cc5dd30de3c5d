import type { Dependencies } from '../container';
import { MAX_WAIT_SECONDS } from '../domain/workflow-generations';

/**
 * The workflow's AwaitSignal task: keeps the task token where the API finds it, and the instant
 * the execution will wake where the reconciler looks.
 * Input: dossier id, task token, what the execution waits for, its generation and wake instant, and
 * the dossier's version Evaluate decided on. Output: whether the wait was registered (false: a
 * later generation keeps the dossier's clocks; this execution ends at its next wake-up).
 * Steps: store the wait beside the dossier (never bumping the dossier's version) → if the dossier
 * changed since Evaluate read it, a command's signal found no token to resume (it was sent between
 * Evaluate and now): resume this wait at once, so that Evaluate decides again on what is stored.
 */
export const registerWait = async (
  deps: Dependencies,
  input: {
    dossierId: string;
    waitingFor: string;
    taskToken: string;
    generation: number;
    wakeAt?: string;
    version?: number;
  },
) => {
  const { generation, wakeAt, version, ...wait } = input;
  const now = deps.clock.now();
  const registered = await deps.workflowState.saveWait({
    ...wait,
    since: now.toISOString(),
    generation,
    // an execution of an earlier state machine version does not say: at the latest, its longest wait
    checkAt: wakeAt ?? new Date(now.getTime() + MAX_WAIT_SECONDS * 1000).toISOString(),
  });
  if (registered && version !== undefined) {
    const current = await deps.dossiers.get(input.dossierId);
    if (current && current.version !== version) {
      // taken once: if a signal took it meanwhile, that signal resumed the execution already
      const pending = await deps.workflowState.takeWait(input.dossierId);
      if (pending?.taskToken === input.taskToken)
        await deps.engine.sendTaskSuccess(input.taskToken, { event: 'changed_before_the_wait' });
      return { registered, resumed: pending?.taskToken === input.taskToken };
    }
  }
  return { registered };
};
