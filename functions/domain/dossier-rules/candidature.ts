import { actorOf, type Caller } from '../caller';
import { assertAllowed } from '../dossier-commands';
import { mailToCompany, type RuleChange } from '../rule-change';
import { transition } from '../dossier';
import type { Dossier } from '../dossier-model';
import { BusinessRuleError } from '../errors';
import type { ProfileMatrix } from '../profile-matrix';
import { submissionErrors } from '../submission';
import type { Upload } from '../upload';

/**
 * A draft submitted for admissibility (guide §4.2): complete, its profiles allowed by the matrix
 * (422 naming each broken rule); it enters the admissibility queue and ANS now acts, so the
 * inactivity clock stops (the workflow wakes).
 */
export const submit = (
  dossier: Dossier,
  uploads: Upload[],
  matrix: ProfileMatrix,
  caller: Caller,
  now: Date,
): RuleChange => {
  assertAllowed('submit', dossier);
  const errors = submissionErrors(dossier, uploads, matrix);
  if (errors.length)
    throw new BusinessRuleError('the candidature is incomplete or its profiles break the matrix', errors);
  const at = now.toISOString();
  const next = { ...transition(dossier, 'admissibility_review', now), submittedAt: at, lastCandidateActivityAt: at };
  return {
    dossier: next,
    events: [
      { type: 'dossier_submitted', actor: actorOf(caller), data: { profiles: next.profiles, useCase: next.useCase } },
    ],
    mails: [mailToCompany(`dossier:${dossier.id}:submitted`, 'submission_received', { at })],
    wake: 'submitted',
  };
};

/** The candidate withdraws its candidature at any open stage; ANS gets a copy of the mail. */
export const withdraw = (dossier: Dossier, caller: Caller, now: Date): RuleChange => {
  assertAllowed('withdraw', dossier);
  return {
    dossier: { ...transition(dossier, 'withdrawn', now), closedReason: 'withdrawn_by_candidate' },
    events: [{ type: 'dossier_withdrawn', actor: actorOf(caller) }],
    mails: [mailToCompany(`dossier:${dossier.id}:withdrawn`, 'dossier_withdrawn', {}, { copyToAns: true })],
    wake: 'withdrawn',
  };
};
