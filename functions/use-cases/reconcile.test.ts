import { describe, expect, it } from 'vitest';
import { callers } from '../../test/support/use-case-journey';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { createDossier } from './create-dossier';
import { evaluateDossier } from './evaluate-dossier';
import { reconcile, RECONCILE_GRACE_MS } from './reconcile';
import { registerCompany } from './register-company';
import { draftBody, companyBody, siret } from '../../test/support/api-client';
import { registerWait } from './register-wait';
import { executionName } from '../domain/workflow-generations';

const setUp = async () => {
  const w = inMemoryDependencies('2026-03-02T09:00:00Z');
  const company = await registerCompany(w.deps, callers.admin, companyBody(siret(7), 'r') as never);
  const companyId = (company as { id: string }).id;
  const candidate = callers.candidate(companyId);
  await w.deps.members.bind(candidate.sub, companyId);
  const { dossier } = await createDossier(w.deps, candidate, draftBody('R') as never);
  // what the execution does: Evaluate, then AwaitSignal registers its wait
  const evaluation = await evaluateDossier(w.deps, dossier.id);
  if (evaluation.action !== 'wait') throw new Error('expected a wait');
  await registerWait(w.deps, { ...evaluation, taskToken: 't-1' });
  return { ...w, id: dossier.id, evaluation };
};

describe('reconciler', () => {
  it('repairs nothing in a healthy system', async () => {
    const w = await setUp();
    const report = await reconcile(w.deps);
    expect(report).toMatchObject({ dossiersChecked: 1, dossiersRepaired: [], certificatesRepaired: [] });
    expect(await w.deps.engine.isRunning(executionName(w.id, 1))).toBe(true);
  });

  it('restarts a dossier whose execution is gone, as the next generation, once', async () => {
    const w = await setUp();
    w.workflow.kill(w.id, 1);
    expect((await reconcile(w.deps)).dossiersRepaired).toEqual([w.id]);
    expect(await w.deps.engine.isRunning(executionName(w.id, 2))).toBe(true);
    expect((await w.deps.workflowState.get(w.id))!.generation).toBe(2);
    // idempotent: the new generation runs, nothing more to do
    expect((await reconcile(w.deps)).dossiersRepaired).toEqual([]);
  });

  it('wakes a running execution whose next legal instant passed more than the grace ago', async () => {
    const w = await setUp();
    w.clock.set(new Date(Date.parse(w.evaluation.wakeAt) + RECONCILE_GRACE_MS + 1000).toISOString());
    expect((await reconcile(w.deps)).dossiersRepaired).toEqual([w.id]);
    expect(w.workflow.signals).toEqual([{ taskToken: 't-1', output: { event: 'reconciler' } }]);
  });

  it('forgets a closed dossier without repairing it', async () => {
    const w = await setUp();
    w.workflow.kill(w.id, 1);
    const stored = (await w.deps.dossiers.get(w.id))!;
    await w.deps.dossiers.update(stored.version, {
      dossier: { ...stored.dossier, status: 'withdrawn' },
      events: [],
      head: stored.journalHead,
    });
    expect((await reconcile(w.deps)).dossiersRepaired).toEqual([]);
    expect(await w.deps.workflowState.get(w.id)).toBeNull();
  });
});
