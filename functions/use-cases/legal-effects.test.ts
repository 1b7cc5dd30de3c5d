import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile } from '../../test/support/use-case-journey';
import { answerInfoRequest, openInfoRequestUseCase } from './info-requests';
import { loadDossier } from './legal-effects';
import { evaluateDossier } from './evaluate-dossier';
import { collegeDecision } from './decisions';
import { ConflictError } from '../domain/errors';

const DAY = 86_400_000;

/** Legal effects first (DESIGN.md §3), over in-memory ports: no timer ever fires in these tests. */
describe('legal effects first', () => {
  it('abandons a dossier whose request lapsed when a command arrives, and refuses the late answer', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z');
    await completeFile(w.deps, w.candidate, w.id);
    const { requestId, dueAt } = await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['x']);
    w.clock.set(new Date(Date.parse(dueAt) + 30_000).toISOString());
    await expect(answerInfoRequest(w.deps, w.candidate, w.id, requestId, 'trop tard')).rejects.toThrow(ConflictError);
    const after = await w.deps.dossiers.get(w.id);
    expect(after!.dossier.status).toBe('abandoned');
    expect(after!.dossier.infoRequests![0]!.status).toBe('lapsed');
    expect(w.outbox.templates()).toContain('dossier_abandoned_info_request');
    // dated when the period ended, not when the late command found it
    expect(after!.dossier.closedAt).toBe(new Date(Date.parse(dueAt) + 1).toISOString());
  });

  it('accepts the answer one second before the due instant', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 2);
    await completeFile(w.deps, w.candidate, w.id);
    const { requestId, dueAt } = await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['x']);
    w.clock.set(new Date(Date.parse(dueAt) - 1000).toISOString());
    const saved = await answerInfoRequest(w.deps, w.candidate, w.id, requestId, 'à temps');
    expect(saved.dossier.status).toBe('instruction');
  });

  it('grants by tacit acceptance before a late collège decision, through the same function Evaluate uses', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 3);
    await completeFile(w.deps, w.candidate, w.id);
    const due = (await w.deps.dossiers.get(w.id))!.dossier.decisionDueAt!;
    w.clock.set(new Date(Date.parse(due) + 1000).toISOString());
    await expect(
      collegeDecision(w.deps, callers.college, w.id, { decision: 'refused', reasons: ['x'] }),
    ).rejects.toThrow(/silence was acceptance/);
    const certified = (await loadDossier(w.deps, w.id))!.dossier;
    expect(certified.status).toBe('certified');
    expect(certified.decision?.outcome).toBe('tacit_acceptance');
    expect(certified.certificate?.grantedBy).toBe('tacit_acceptance');
    expect(w.longClocks.schedules.size).toBe(1);
    // the workflow's wake-up finds nothing left to do
    expect(await evaluateDossier(w.deps, w.id)).toMatchObject({ action: 'end', status: 'certified' });
  });

  it('does nothing before the instant: a load changes no version', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 4);
    const before = (await w.deps.dossiers.get(w.id))!.version;
    w.clock.advance(30 * DAY);
    expect((await loadDossier(w.deps, w.id))!.version).toBe(before);
  });
});
