import { describe, expect, it } from 'vitest';
import { callers, submittedDossierIn } from '../../test/support/use-case-journey';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { NotFoundError } from '../domain/errors';
import { getDossier } from './get-dossier';
import { readJournal } from './read-journal';
import { addStaffNote, listStaffNotes } from './staff-notes';

describe('private notes between staff', () => {
  it('keeps each note beside the dossier, oldest first, and out of everything the company reads', async () => {
    const w = inMemoryDependencies('2027-02-01T09:00:00Z');
    const { id, candidate } = await submittedDossierIn(w, 95);
    const before = await readJournal(w.deps, candidate, id);
    await addStaffNote(w.deps, callers.instructor, id, 'Relancer sur le PCA avant vendredi');
    w.clock.advance(60_000);
    await addStaffNote(w.deps, callers.security, id, 'Rapport de test d’intrusion : périmètre incomplet');
    const notes = await listStaffNotes(w.deps, id, 10);
    expect(notes.items.map((n) => [n.by.role, n.body])).toEqual([
      ['instructor', 'Relancer sur le PCA avant vendredi'],
      ['security_reviewer', 'Rapport de test d’intrusion : périmètre incomplet'],
    ]);
    // nothing of it in what the company reads: its dossier, its journal, its mail
    const seen = JSON.stringify([await getDossier(w.deps, candidate, id), await readJournal(w.deps, candidate, id)]);
    expect(seen).not.toContain('PCA avant vendredi');
    expect((await readJournal(w.deps, candidate, id)).items).toHaveLength(before.items.length);
    expect(JSON.stringify([...w.outbox.messages.values()])).not.toContain('périmètre incomplet');
  });

  it('answers 404 on a dossier that does not exist', async () => {
    const w = inMemoryDependencies('2027-02-01T09:00:00Z');
    await expect(addStaffNote(w.deps, callers.instructor, 'none', 'x')).rejects.toBeInstanceOf(NotFoundError);
    await expect(listStaffNotes(w.deps, 'none', 10)).rejects.toBeInstanceOf(NotFoundError);
  });
});
