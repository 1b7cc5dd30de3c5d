import { describe, expect, it } from 'vitest';
import { callers, certifiedBySilence } from '../../test/support/use-case-journey';
import { NotFoundError } from '../domain/errors';
import { createRenewalCandidature } from './renewal-candidature';

describe('a renewal candidature', () => {
  it('opens a draft prefilled from the certified candidature, linked to its certificate, for the holder only', async () => {
    const w = await certifiedBySilence(131);
    await expect(createRenewalCandidature(w.deps, callers.candidate('other'), w.number, {})).rejects.toThrow(
      NotFoundError,
    );
    const previous = (await w.deps.dossiers.get(w.id))!.dossier;
    // the certified dossier is closed: the product is free for a new candidature
    const renewal = await createRenewalCandidature(w.deps, w.candidate, w.number, { productVersion: '3.0' });
    expect(renewal.dossier).toMatchObject({
      status: 'draft',
      renewalOf: w.number,
      useCase: previous.useCase,
      profiles: previous.profiles,
      product: { name: previous.product.name, version: '3.0' },
    });
    expect(renewal.dossier.id).not.toBe(w.id);
    expect(w.workflow.started).toContain(renewal.dossier.id);
  });
});
