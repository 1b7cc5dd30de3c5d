import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { callers, depositFile } from '../../test/support/use-case-journey';
import { candidatureBody, companyBody, siret } from '../../test/support/api-client';
import { ConflictError } from '../domain/errors';
import { createDossier } from './create-dossier';
import { decideAdmissibility } from './decide-admissibility';
import { registerCompany } from './register-company';
import { submitDossier } from './submit-dossier';

const submitted = async (seed: number) => {
  const w = inMemoryDependencies('2026-03-02T09:00:00Z');
  const { id: companyId } = await registerCompany(w.deps, callers.admin, companyBody(siret(seed), `a${seed}`) as never);
  const candidate = callers.candidate(companyId);
  const stored = await createDossier(w.deps, candidate, candidatureBody('P'));
  const doc = await depositFile(w.deps, candidate, stored.dossier.id);
  await submitDossier(w.deps, candidate, stored.dossier.id);
  return { ...w, id: stored.dossier.id, candidate, doc };
};

/** Admissibility (guide §4.2) over in-memory ports. */
describe('admissibility', () => {
  it('declares a candidature inadmissible with reasons and the means of appeal, and closes it', async () => {
    const w = await submitted(11);
    const result = await decideAdmissibility(w.deps, callers.instructor, w.id, {
      decision: 'inadmissible',
      reasons: ['hors champ'],
    });
    expect(result.status).toBe('inadmissible');
    const dossier = (await w.deps.dossiers.get(w.id))!.dossier;
    expect(dossier.decision).toMatchObject({ outcome: 'inadmissible', reasons: ['hors champ'] });
    const mail = [...w.outbox.messages.values()].find((m) => m.template === 'dossier_inadmissible')!;
    expect(mail.text).toContain('hors champ');
    expect(mail.text).toContain('tribunal administratif');
    await expect(decideAdmissibility(w.deps, callers.instructor, w.id, { decision: 'admissible' })).rejects.toThrow(
      ConflictError,
    );
  });

  it('opens an information request for an incomplete candidature, and takes it out of the queue', async () => {
    const w = await submitted(12);
    expect((await w.deps.dossiers.queue('admissibility', 10)).items).toHaveLength(1);
    await decideAdmissibility(w.deps, callers.instructor, w.id, {
      decision: 'incomplete',
      missingItems: ['mandat'],
      pieces: [{ uploadId: w.doc.uploadId, verdict: 'non_compliant', comment: 'illisible' }],
    });
    const dossier = (await w.deps.dossiers.get(w.id))!.dossier;
    expect(dossier.infoRequests?.[0]).toMatchObject({ stage: 'admissibility', status: 'open' });
    expect((await w.deps.dossiers.queue('admissibility', 10)).items).toHaveLength(0);
    // followed among the dossiers awaiting the company's answer, by the answer's due date
    const waiting = (await w.deps.dossiers.queue('awaiting_answer', 10)).items;
    expect(waiting.map((i) => [i.dossierId, i.since])).toEqual([[w.id, dossier.infoRequests![0]!.openedAt]]);
  });

  it('opens evidence deposit on an admissible candidature', async () => {
    const w = await submitted(13);
    expect((await decideAdmissibility(w.deps, callers.instructor, w.id, { decision: 'admissible' })).status).toBe(
      'proofs_deposit',
    );
  });
});
