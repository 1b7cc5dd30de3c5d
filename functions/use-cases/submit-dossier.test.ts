import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { callers, depositFile } from '../../test/support/use-case-journey';
import { candidatureBody, companyBody, siret } from '../../test/support/api-client';
import { BusinessRuleError, ConflictError, NotFoundError } from '../domain/errors';
import { createDossier } from './create-dossier';
import { registerCompany } from './register-company';
import { submitDossier } from './submit-dossier';

const draft = async (seed: number) => {
  const w = inMemoryDependencies('2026-03-02T09:00:00Z');
  const { id: companyId } = await registerCompany(w.deps, callers.admin, companyBody(siret(seed), `s${seed}`) as never);
  const candidate = callers.candidate(companyId);
  const stored = await createDossier(w.deps, candidate, candidatureBody('P'));
  return { ...w, candidate, id: stored.dossier.id };
};

describe('submitting a candidature', () => {
  it('names what is missing (422) and changes nothing', async () => {
    const w = await draft(61);
    const error = await submitDossier(w.deps, w.candidate, w.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusinessRuleError);
    expect((error as BusinessRuleError).errors?.map((e) => e.path)).toContain('uploads');
    expect((await w.deps.dossiers.get(w.id))!.dossier.status).toBe('draft');
  });

  it('enters admissibility review with a mail, once, and only for its own company', async () => {
    const w = await draft(62);
    await depositFile(w.deps, w.candidate, w.id);
    await expect(submitDossier(w.deps, callers.candidate('other'), w.id)).rejects.toThrow(NotFoundError);
    const saved = await submitDossier(w.deps, w.candidate, w.id);
    expect(saved.dossier).toMatchObject({ status: 'admissibility_review', submittedAt: '2026-03-02T09:00:00.000Z' });
    expect(w.outbox.templates()).toContain('submission_received');
    await expect(submitDossier(w.deps, w.candidate, w.id)).rejects.toThrow(ConflictError);
  });
});
