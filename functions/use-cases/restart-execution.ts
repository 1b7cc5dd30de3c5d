import type { Dependencies } from '../container';
import { executionName } from '../domain/workflow-generations';

/**
 * Gives a dossier whose execution is gone a new one, at its phase (Evaluate is re-entrant).
 * Input: dossier id. Output: 'running' (its execution lives: nothing done) or 'restarted'.
 * Steps: the generation that keeps the clocks still runs → nothing; else record and start the
 * next generation (a name already used is skipped). Idempotent: two callers at once start the
 * same name, and Step Functions runs it once.
 */
export const restartExecution = async (deps: Dependencies, dossierId: string): Promise<'running' | 'restarted'> => {
  const kept = await deps.workflowState.get(dossierId);
  const current = kept?.generation ?? 1;
  if (await deps.engine.isRunning(executionName(dossierId, current))) return 'running';
  for (let generation = current + 1; generation < current + 10; generation++) {
    await deps.workflowState.expect(dossierId, generation, deps.clock.now().toISOString());
    const outcome = await deps.engine.start(dossierId, generation);
    if (outcome !== 'ended') return outcome === 'running' ? 'running' : 'restarted';
  }
  throw new Error(`no free execution name for dossier ${dossierId}`);
};
