import { describe, expect, it, vi } from 'vitest';
import { admissibleDossier, callers } from '../../test/support/use-case-journey';
import { NotFoundError } from '../domain/errors';
import { getDossier } from './get-dossier';

describe('reading a dossier', () => {
  it('gives a dossier with its uploads and the clocks computed now, to its company and staff only', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 81);
    const { stored, uploads } = await getDossier(w.deps, w.candidate, w.id);
    expect(stored.dossier.status).toBe('proofs_deposit');
    expect(stored.dossier.deadlines.map((d) => d.kind)).toEqual(['inactivity_abandonment']);
    expect(uploads).toHaveLength(1);
    const staff = await getDossier(w.deps, callers.instructor, w.id);
    expect(staff.stored.version).toBe(stored.version);
    // staff see the company's name; the company, which knows it, costs no extra read
    expect(staff.companyName).toBe((await w.deps.companies.get(w.companyId))!.name);
    expect((await getDossier(w.deps, w.candidate, w.id)).companyName).toBeUndefined();
    await expect(getDossier(w.deps, callers.candidate('other'), w.id)).rejects.toThrow(NotFoundError);
    await expect(getDossier(w.deps, w.candidate, 'missing')).rejects.toThrow(NotFoundError);
  });

  it('gives staff the name the company filed under, from the dossier alone (one read)', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 82);
    const name = (await w.deps.companies.get(w.companyId))!.name;
    const reads = vi.spyOn(w.deps.companies, 'get');
    expect((await getDossier(w.deps, callers.instructor, w.id)).companyName).toBe(name);
    expect(reads).not.toHaveBeenCalled();
    // a dossier filed before the name was kept on it: read from the company
    const stored = w.dossiers.stored.get(w.id)!;
    delete stored.dossier.companyName;
    expect((await getDossier(w.deps, callers.instructor, w.id)).companyName).toBe(name);
    expect(reads).toHaveBeenCalledTimes(1);
  });
});
