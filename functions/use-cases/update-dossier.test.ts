import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers } from '../../test/support/use-case-journey';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { candidatureBody, companyBody, siret } from '../../test/support/api-client';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../domain/errors';
import { createDossier } from './create-dossier';
import { registerCompany } from './register-company';
import { updateDossier } from './update-dossier';

describe('saving a draft as it is typed', () => {
  it('applies a patch under the version read (412 for a stale one), journals the fields, restarts the inactivity clock', async () => {
    const w = inMemoryDependencies('2026-03-02T09:00:00Z');
    const { id: companyId } = await registerCompany(w.deps, callers.admin, companyBody(siret(91), 'u91') as never);
    const candidate = callers.candidate(companyId);
    const created = await createDossier(w.deps, candidate, candidatureBody('P'));
    const id = created.dossier.id;
    w.clock.advance(86_400_000);
    await expect(
      updateDossier(w.deps, candidate, id, { any: false, versions: [created.version + 5] }, {
        useCase: 'autre',
      } as never),
    ).rejects.toThrow(PreconditionFailedError);
    const saved = await updateDossier(w.deps, candidate, id, { any: false, versions: [created.version] }, {
      nie: null,
      publishPlannedDate: true,
    } as never);
    expect(saved.version).toBe(created.version + 1);
    expect(saved.dossier.publishPlannedDate).toBe(true);
    expect(saved.dossier.lastCandidateActivityAt).toBe('2026-03-03T09:00:00.000Z');
    await expect(updateDossier(w.deps, callers.candidate('x'), id, { any: true }, {} as never)).rejects.toThrow(
      NotFoundError,
    );
  });

  it('refuses to edit a candidature once submitted', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 92);
    await expect(
      updateDossier(w.deps, w.candidate, w.id, { any: true }, { publishPlannedDate: false } as never),
    ).rejects.toThrow(ConflictError);
  });
});
