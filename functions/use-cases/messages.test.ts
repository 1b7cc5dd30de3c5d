import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers } from '../../test/support/use-case-journey';
import { ConflictError, NotFoundError } from '../domain/errors';
import { listMessages, postMessage } from './messages';
import { withdrawDossier } from './instruction';

describe('the dossier thread', () => {
  it('carries messages both ways, mails the other side without the text, and counts as candidate activity', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 71);
    w.clock.advance(3_600_000);
    await postMessage(w.deps, w.candidate, w.id, 'Question confidentielle');
    await postMessage(w.deps, callers.instructor, w.id, 'Réponse');
    const page = await listMessages(w.deps, w.candidate, w.id, 10);
    expect(page.items.map((m) => [m.from.side, m.body])).toEqual([
      ['candidate', 'Question confidentielle'],
      ['ans', 'Réponse'],
    ]);
    const mails = [...w.outbox.messages.values()].filter((m) => m.template === 'message_received');
    expect(mails.map((m) => m.to)).toEqual([
      ['instruction@ans.test'],
      expect.not.arrayContaining(['instruction@ans.test']),
    ]);
    for (const m of mails) expect(m.text).not.toContain('confidentielle');
    expect((await w.deps.dossiers.get(w.id))!.dossier.lastCandidateActivityAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('hides another company’s thread and closes the thread of a closed dossier', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 72);
    await expect(listMessages(w.deps, callers.candidate('other'), w.id, 10)).rejects.toThrow(NotFoundError);
    await expect(postMessage(w.deps, callers.candidate('other'), w.id, 'x')).rejects.toThrow(NotFoundError);
    await withdrawDossier(w.deps, w.candidate, w.id);
    await expect(postMessage(w.deps, w.candidate, w.id, 'encore')).rejects.toThrow(ConflictError);
  });
});
