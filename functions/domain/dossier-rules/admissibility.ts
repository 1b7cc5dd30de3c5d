import { notified } from './notifications';
import { actorOf, type Caller } from '../caller';
import type { CalendarPolicy } from '../calendar';
import { newDecision } from '../decision';
import { assertAllowed } from '../dossier-commands';
import { mailToCompany, type RuleChange } from '../rule-change';
import { openInfoRequest, transition } from '../dossier';
import type { Dossier } from '../dossier-model';
import { BusinessRuleError, ConflictError } from '../errors';
import type { Upload } from '../upload';
import { requestInformation } from './information-requests';

export interface AdmissibilityInput {
  decision: 'admissible' | 'incomplete' | 'inadmissible';
  missingItems?: string[];
  /** candidature fields the company may correct while the request is open */
  fields?: string[];
  reasons?: string[];
  pieces?: { uploadId: string; verdict: 'compliant' | 'non_compliant'; comment?: string }[];
}

/**
 * ANS's admissibility verdict (guide §4.2): a verdict per piece with a comment, then either
 * "admissible" (evidence deposit opens; no piece may be non-compliant), "incomplete" (an
 * information request lists what is missing, under R.1470-2's 60 days), or "inadmissible"
 * (reasons and the means of appeal; the dossier is closed). Not while a request is waiting.
 */
export const decideAdmissibility = (
  dossier: Dossier,
  uploads: Upload[],
  input: AdmissibilityInput,
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
  requestId: string,
): RuleChange => {
  assertAllowed('decide_admissibility', dossier);
  if (openInfoRequest(dossier))
    throw new ConflictError('an information request is still waiting for the candidate’s answer');
  const at = now.toISOString();
  const reviewed: Upload[] = (input.pieces ?? []).map((piece) => {
    const upload = uploads.find((u) => u.id === piece.uploadId && u.status === 'received');
    if (!upload)
      throw new BusinessRuleError(`no received document ${piece.uploadId} on this dossier`, [
        { path: 'pieces', message: `unknown upload ${piece.uploadId}` },
      ]);
    return {
      ...upload,
      review: { verdict: piece.verdict, ...(piece.comment ? { comment: piece.comment } : {}), by: caller.sub, at },
    };
  });
  const actor = actorOf(caller);
  const pieceEvents = reviewed.map((u) => ({
    type: 'piece_reviewed',
    actor,
    data: { uploadId: u.id, verdict: u.review!.verdict },
  }));

  if (input.decision === 'incomplete') {
    const missingItems = input.missingItems ?? [];
    return requestInformation(
      dossier,
      {
        requestId,
        missingItems,
        ...(input.fields ? { fields: input.fields } : {}),
        before: [
          ...pieceEvents,
          { type: 'admissibility_incomplete', actor, data: { missingItems: input.missingItems } },
        ],
        uploads: reviewed,
      },
      caller,
      now,
      policy,
    );
  }

  if (input.decision === 'inadmissible') {
    // guide §4.2: ANS « formule un avis quant à la recevabilité »; the decision closes the dossier
    const decision = newDecision('inadmissible', at, caller.sub, { reasons: input.reasons ?? [] });
    return notified(
      {
        dossier: { ...transition(dossier, 'inadmissible', now), closedReason: 'inadmissible', decision },
        events: [...pieceEvents, { type: 'dossier_inadmissible', actor, data: { reasons: input.reasons } }],
        uploads: reviewed,
        mails: [
          mailToCompany(`dossier:${dossier.id}:inadmissible`, 'dossier_inadmissible', {
            reasons: (input.reasons ?? []).join(' ; '),
            appeal: decision.appeal,
          }),
        ],
        wake: 'inadmissible',
      },
      'inadmissibility',
      now,
      policy,
    );
  }

  if (reviewed.some((u) => u.review!.verdict === 'non_compliant')) {
    throw new BusinessRuleError(
      'a candidature with a non-compliant piece cannot be admissible: decide "incomplete" and list what to deposit again',
    );
  }
  return {
    dossier: { ...transition(dossier, 'proofs_deposit', now), admissibleAt: at, lastCandidateActivityAt: at },
    events: [...pieceEvents, { type: 'dossier_admissible', actor }],
    uploads: reviewed,
    mails: [mailToCompany(`dossier:${dossier.id}:admissible`, 'admissibility_admissible', { at })],
    wake: 'admissible',
  };
};
