import { notified } from './notifications';
import { actorOf, type Caller } from '../caller';
import { assertAllowed } from '../dossier-commands';
import { mailToCompany, type RuleChange } from '../rule-change';
import { transition } from '../dossier';
import type { Dossier } from '../dossier-model';
import { BusinessRuleError, ConflictError } from '../errors';
import type { CalendarPolicy } from '../calendar';
import { conventionSignatureDue } from '../clocks';
import { newDecision } from '../decision';
import { CLOCKS } from '../legal-periods';
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
  const errors = submissionErrors(dossier, uploads, matrix, now);
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

/**
 * After six months without the company's signature an instructor may close a complete file (guide
 * §5.2: « pourra » — a discretion, never a timer), with reasons and the means of appeal; before
 * that, 409.
 */
export const closeUnsigned = (
  dossier: Dossier,
  reasons: string[],
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
): RuleChange => {
  assertAllowed('close_unsigned', dossier);
  const due = conventionSignatureDue(dossier, policy);
  if (!due || now.getTime() <= due.getTime())
    throw new ConflictError(
      `the convention awaits the company’s signature until ${due?.toISOString() ?? '(not sent)'}: the dossier may be closed only after`,
      undefined,
      CLOCKS.convention_signature.legalBasis,
    );
  const at = now.toISOString();
  const appeal = newDecision('inadmissible', at, caller.sub).appeal;
  return notified(
    {
      dossier: {
        ...transition(dossier, 'abandoned', now),
        closedReason: 'convention_not_signed',
        closure: { reasons, at, by: caller.sub, appeal },
      },
      events: [{ type: 'dossier_closed_unsigned', actor: actorOf(caller), data: { reasons } }],
      mails: [
        mailToCompany(`dossier:${dossier.id}:closed-unsigned`, 'dossier_closed_unsigned', {
          reasons: reasons.join(' ; '),
          appeal,
        }),
      ],
      wake: 'closed',
    },
    'abandonment',
    now,
    policy,
  );
};
