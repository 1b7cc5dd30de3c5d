import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { callers } from '../../test/support/use-case-journey';
import { candidatureBody, companyBody, siret } from '../../test/support/api-client';
import { ConflictError, ForbiddenError } from '../domain/errors';
import { createDossier } from './create-dossier';
import { registerCompany } from './register-company';

const world = async (seed: number) => {
  const w = inMemoryDependencies('2026-03-02T09:00:00Z');
  const { id: companyId } = await registerCompany(w.deps, callers.admin, companyBody(siret(seed), `c${seed}`) as never);
  return { ...w, companyId, candidate: callers.candidate(companyId) };
};

describe('creating a candidature', () => {
  it('stores a draft on the current referential, journals it, mails its deadline and starts its workflow', async () => {
    const w = await world(41);
    const stored = await createDossier(w.deps, w.candidate, candidatureBody('Téléconsult'));
    expect(stored.dossier).toMatchObject({ status: 'draft', companyId: w.companyId, referentialVersion: '1.4.2' });
    expect(stored.journalHead.seq).toBe(1);
    expect(w.outbox.templates()).toContain('dossier_created');
    expect(w.workflow.started).toEqual([stored.dossier.id]);
    expect(await w.workflow.get(stored.dossier.id)).toMatchObject({ generation: 1 });
  });

  it('gives each candidature the next reference of the year, which its mail names it by', async () => {
    const w = await world(43);
    const first = await createDossier(w.deps, w.candidate, candidatureBody('Premier'));
    const second = await createDossier(w.deps, w.candidate, candidatureBody('Second'));
    expect([first.dossier.reference, second.dossier.reference]).toEqual(['CAND-2026-00001', 'CAND-2026-00002']);
    const mail = [...w.outbox.messages.values()].find((m) => m.dossierId === second.dossier.id)!;
    expect(mail.text).toContain('(dossier CAND-2026-00002)');
  });

  it('refuses an account attached to no company, and a second open candidature for the same product', async () => {
    const w = await world(42);
    await expect(createDossier(w.deps, { sub: 'x', roles: ['candidate'] }, candidatureBody('P'))).rejects.toThrow(
      ForbiddenError,
    );
    await createDossier(w.deps, w.candidate, candidatureBody('Même Produit'));
    await expect(createDossier(w.deps, w.candidate, candidatureBody('meme  produit'))).rejects.toThrow(ConflictError);
  });
});
