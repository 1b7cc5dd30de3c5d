import { describe, expect, it } from 'vitest';
import { admissibleDossier, admissibleDossierIn, callers, completeFile } from '../../test/support/use-case-journey';
import { commitDossier } from './commit-dossier';
import { openInfoRequestUseCase } from './info-requests';
import { withdrawDossier } from './instruction';
import { publishedCandidatures } from './public-candidatures';
import type { Dependencies } from '../container';

/** The company's answer to « may ANS publish the planned date? » (guide §4.1), changed on the stored dossier. */
const allowPublication = async (deps: Dependencies, id: string, allowed: boolean) => {
  const stored = (await deps.dossiers.get(id))!;
  await commitDossier(deps, stored, { ...stored.dossier, publishPlannedDate: allowed }, []);
};
const listed = async (deps: Dependencies, id: string) =>
  (await publishedCandidatures(deps, 50)).items.find((c) => c.dossierId === id);

/** The public list of candidatures under way (guide §4.1), over in-memory ports. */
describe('published candidatures', () => {
  it('lists a candidature whose company allowed it, follows its stage, and drops it once closed', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 21);
    expect(await listed(w.deps, w.id)).toBeUndefined(); // the company said no when filing
    await allowPublication(w.deps, w.id, true);
    const own = await listed(w.deps, w.id);
    const stored = (await w.deps.dossiers.get(w.id))!.dossier;
    expect(own).toMatchObject({
      stage: 'evidence',
      plannedCompleteProofDate: stored.plannedCompleteProofDate,
      companyName: 'Société m21',
      product: stored.product,
    });
    // the product, the company and the date: nothing else is published
    expect(Object.keys(own!).sort()).toEqual([
      'companyName',
      'dossierId',
      'plannedCompleteProofDate',
      'product',
      'since',
      'stage',
    ]);
    await completeFile(w.deps, w.candidate, w.id);
    await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['x']);
    expect((await listed(w.deps, w.id))?.stage).toBe('instruction');
    await withdrawDossier(w.deps, w.candidate, w.id);
    expect(await listed(w.deps, w.id)).toBeUndefined();
  });

  it('drops a candidature whose company withdraws its consent, and orders the list by planned date', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 22);
    const other = await admissibleDossierIn(w, 23);
    await allowPublication(w.deps, w.id, true);
    const stored = (await w.deps.dossiers.get(other.id))!;
    await commitDossier(
      w.deps,
      stored,
      { ...stored.dossier, publishPlannedDate: true, plannedCompleteProofDate: '2026-01-15' },
      [],
    );
    const page = await publishedCandidatures(w.deps, 50);
    expect(page.items.map((c) => c.dossierId)).toEqual([other.id, w.id]);
    await allowPublication(w.deps, w.id, false);
    expect(await listed(w.deps, w.id)).toBeUndefined();
  });
});
