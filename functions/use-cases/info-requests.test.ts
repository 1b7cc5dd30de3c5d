import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile } from '../../test/support/use-case-journey';
import { answerInfoRequest, openInfoRequestUseCase } from './info-requests';

const DAY = 86_400_000;

/** The decision clock during an information request (R.1470-4, DESIGN.md §3), over in-memory ports. */
describe('information requests during instruction', () => {
  it('stops the decision clock while the request is open and resumes it with the time it had left', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z');
    await completeFile(w.deps, w.candidate, w.id);
    const before = (await w.deps.dossiers.get(w.id))!.dossier;
    const { requestId } = await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['preuve']);
    expect((await w.deps.dossiers.get(w.id))!.dossier.decisionDueAt).toBeUndefined();
    w.clock.advance(10 * DAY);
    const answered = await answerInfoRequest(w.deps, w.candidate, w.id, requestId, 'voici');
    const shift = Date.parse(answered.dossier.decisionClock!.legalDueAt) - Date.parse(before.decisionClock!.legalDueAt);
    expect(shift).toBe(10 * DAY);
    expect(w.outbox.templates()).toEqual(expect.arrayContaining(['info_request_opened', 'info_request_answered']));
  });

  it('restarts it in full from the answer under the restart policy', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 2);
    w.deps.calendar = { ...w.deps.calendar, infoRequestEffect: 'restart' };
    await completeFile(w.deps, w.candidate, w.id);
    const { requestId } = await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['preuve']);
    w.clock.set('2026-04-07T10:00:00Z');
    const answered = await answerInfoRequest(w.deps, w.candidate, w.id, requestId, 'voici');
    expect(answered.dossier.decisionDueAt).toBe('2026-10-07T21:59:59.999Z');
  });

  it('opens one request at a time, and only in a stage where ANS waits on the file', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 3);
    await expect(openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['x'])).rejects.toThrow(/proofs_deposit/);
    await completeFile(w.deps, w.candidate, w.id);
    await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['x']);
    await expect(openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['y'])).rejects.toThrow(/already open/);
  });
});
