import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile } from '../../test/support/use-case-journey';
import { ForbiddenError } from '../domain/errors';
import { answerInfoRequest, openInfoRequestUseCase } from './info-requests';
import { listQueue } from './list-queue';

describe('work queues', () => {
  it('gives instructors the instruction queue in order of receipt, and the collège only its own', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 111);
    expect((await listQueue(w.deps, callers.instructor, 'instruction', 10)).items).toEqual([]);
    // admissible: in the evidence-deposit queue until the file is complete
    expect((await listQueue(w.deps, callers.instructor, 'deposit', 10)).items.map((i) => i.dossierId)).toEqual([w.id]);
    await completeFile(w.deps, w.candidate, w.id);
    expect((await listQueue(w.deps, callers.instructor, 'deposit', 10)).items).toEqual([]);
    const page = await listQueue(w.deps, callers.instructor, 'instruction', 10);
    expect(page.items.map((i) => i.dossierId)).toEqual([w.id]);
    // staff know a dossier by its company: the name comes with each item
    expect(page.items[0]!.companyName).toBe('Société m111');
    await expect(listQueue(w.deps, callers.college, 'instruction', 10)).rejects.toThrow(ForbiddenError);
    await expect(listQueue(w.deps, w.candidate, 'college', 10)).rejects.toThrow(ForbiddenError);
    expect((await listQueue(w.deps, callers.college, 'college', 10)).items).toEqual([]);
  });
});

describe('the dossiers awaiting an answer', () => {
  it('leave their stage while a request is open, nearest due date first, and come back with the answer', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 112);
    await completeFile(w.deps, w.candidate, w.id);
    const { requestId } = await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['preuve']);
    expect((await listQueue(w.deps, callers.instructor, 'instruction', 10)).items).toEqual([]);
    const waiting = (await listQueue(w.deps, callers.instructor, 'awaiting_answer', 10)).items;
    expect(waiting.map((i) => i.dossierId)).toEqual([w.id]);
    // the request's own clock is among the item's deadlines: the page shows when the answer is due
    expect(waiting[0]!.deadlines.map((d) => d.kind)).toContain('info_request');
    await expect(listQueue(w.deps, callers.college, 'awaiting_answer', 10)).rejects.toThrow(ForbiddenError);
    await answerInfoRequest(w.deps, w.candidate, w.id, requestId, 'voici');
    expect((await listQueue(w.deps, callers.instructor, 'awaiting_answer', 10)).items).toEqual([]);
    expect((await listQueue(w.deps, callers.instructor, 'instruction', 10)).items.map((i) => i.dossierId)).toEqual([
      w.id,
    ]);
  });
});
