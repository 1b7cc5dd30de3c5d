import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers } from '../../test/support/use-case-journey';
import { NotFoundError } from '../domain/errors';
import { readJournal } from './read-journal';

/** The journal route's use case, over in-memory ports. */
describe('reading a journal', () => {
  it('verifies the chain, hides staff ids from the company, and reports a tampered event', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 41);
    const own = await readJournal(w.deps, w.candidate, w.id);
    expect(own.verified).toBe(true);
    const byInstructor = own.items.find((e) => e.actor.role === 'instructor')!;
    expect(byInstructor.actor).toEqual({ role: 'instructor' });
    expect(
      (await readJournal(w.deps, callers.instructor, w.id)).items.find((e) => e.seq === byInstructor.seq)!.actor,
    ).toEqual({ sub: 'instructor-1', role: 'instructor' });
    // each event names what it is about by id, and nothing else of its payload
    const received = own.items.find((e) => e.type === 'upload_received')!;
    expect(Object.keys(received.refs ?? {})).toEqual(['uploadId']);
    expect(JSON.stringify(own.items)).not.toContain('"data"');
    await expect(readJournal(w.deps, callers.candidate('someone-else'), w.id)).rejects.toThrow(NotFoundError);
    w.dossiers.events.get(w.id)![1]!.type = 'edited_later';
    expect(await readJournal(w.deps, w.candidate, w.id)).toMatchObject({ verified: false, firstBrokenSeq: 2 });
  });

  it('reports a journal whose head no longer matches (an event removed at the end)', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 42);
    w.dossiers.events.get(w.id)!.pop();
    expect((await readJournal(w.deps, w.candidate, w.id)).verified).toBe(false);
  });
});
