import { actorOf, assertCanSee, type Caller } from '../domain/caller';
import { transition } from '../domain/dossier';
import { BusinessRuleError, ConflictError } from '../domain/errors';
import { companyMail } from '../domain/outbox';
import { submissionErrors } from '../domain/submission';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { notifyWorkflow } from './notify-workflow';
import { loadDossierWithUploads } from './legal-effects';

/**
 * Submits a draft candidature for admissibility.
 * Input: dossier id. Output: the stored dossier (status admissibility_review).
 * Steps: authorise (candidate) → load with uploads → check completeness and the profile matrix
 * (422 naming each broken rule) → freeze the profiles, enter the admissibility queue, journal,
 * mail → tell the workflow (ANS now acts: the inactivity clock stops).
 */
export const submitDossier = async (deps: Dependencies, caller: Caller, id: string) => {
  const loaded = await loadDossierWithUploads(deps, id);
  assertCanSee(caller, loaded?.stored.dossier);
  const { stored, uploads } = loaded!;
  if (stored.dossier.status !== 'draft')
    throw new ConflictError(`only a draft can be submitted (the dossier is ${stored.dossier.status})`);
  const referential = await deps.referentials.get(stored.dossier.referentialVersion);
  if (!referential) throw new Error(`referential ${stored.dossier.referentialVersion} is missing`);
  const errors = submissionErrors(stored.dossier, uploads, referential.matrix);
  if (errors.length)
    throw new BusinessRuleError('the candidature is incomplete or its profiles break the matrix', errors);
  const now = deps.clock.now().toISOString();
  const dossier = {
    ...transition(stored.dossier, 'admissibility_review', deps.clock.now()),
    submittedAt: now,
    lastCandidateActivityAt: now,
  };
  const company = await deps.companies.get(dossier.companyId);
  const saved = await commitDossier(
    deps,
    stored,
    dossier,
    [
      {
        type: 'dossier_submitted',
        actor: actorOf(caller),
        data: { profiles: dossier.profiles, useCase: dossier.useCase },
      },
    ],
    {
      outbox: companyMail(company, dossier, `dossier:${id}:submitted`, 'submission_received', now, { at: now }),
    },
  );
  await notifyWorkflow(deps, id, 'submitted');
  return saved;
};
