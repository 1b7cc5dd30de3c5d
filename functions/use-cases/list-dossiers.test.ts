import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers } from '../../test/support/use-case-journey';
import { createDossier } from './create-dossier';
import { candidatureBody } from '../../test/support/api-client';
import { listDossiers } from './list-dossiers';

describe('a company’s dossiers', () => {
  it('pages through them with a cursor, each with its clocks', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 83);
    await createDossier(w.deps, w.candidate, candidatureBody('Second produit'));
    await createDossier(w.deps, w.candidate, candidatureBody('Troisième produit'));
    const first = await listDossiers(w.deps, w.candidate, 2);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeDefined();
    const second = await listDossiers(w.deps, w.candidate, 2, first.nextCursor);
    expect(second.items).toHaveLength(1);
    const ids = [...first.items, ...second.items].map((d) => d.id);
    expect(new Set(ids).size).toBe(3);
    for (const d of [...first.items, ...second.items]) expect(d.deadlines.length).toBeGreaterThan(0);
    expect((await listDossiers(w.deps, callers.candidate('other'), 10)).items).toEqual([]);
  });
});
