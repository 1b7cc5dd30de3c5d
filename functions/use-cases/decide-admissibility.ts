import { actorOf, type Caller } from '../domain/caller';
import { openInfoRequest, transition } from '../domain/dossier';
import { BusinessRuleError, ConflictError, NotFoundError } from '../domain/errors';
import { companyMail } from '../domain/outbox';
import type { Upload } from '../domain/upload';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { withInfoRequest } from './info-requests';
import { notifyWorkflow } from './notify-workflow';
import { loadDossierWithUploads } from './legal-effects';
import { newDecision } from '../domain/decision';

/**
 * Input: dossier id, the instructor's verdict (admissible | incomplete with missing items |
 * inadmissible with reasons) and per-piece verdicts. Output: the dossier's new status.
 */

export interface AdmissibilityInput {
  decision: 'admissible' | 'incomplete' | 'inadmissible';
  missingItems?: string[];
  reasons?: string[];
  pieces?: { uploadId: string; verdict: 'compliant' | 'non_compliant'; comment?: string }[];
}

/**
 * ANS's admissibility verdict (guide §4.2): a verdict per piece with a comment, then either
 * "admissible" (evidence deposit opens), "incomplete" (an information request lists what is
 * missing, under the 60-day clock of R.1470-2), or "inadmissible" (reasons and means of appeal;
 * the dossier is closed).
 * Steps: authorise (instructor) → load with uploads → check status and pieces → store
 * verdicts, transition or request, journal and mail → tell the workflow.
 */
export const decideAdmissibility = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  input: AdmissibilityInput,
) => {
  const loaded = await loadDossierWithUploads(deps, id);
  if (!loaded) throw new NotFoundError('no such dossier');
  const { stored, uploads } = loaded;
  if (stored.dossier.status !== 'admissibility_review') {
    throw new ConflictError(
      `admissibility is decided while the dossier is admissibility_review (it is ${stored.dossier.status})`,
    );
  }
  if (openInfoRequest(stored.dossier))
    throw new ConflictError('an information request is still waiting for the candidate’s answer');
  const now = deps.clock.now().toISOString();
  const reviewed: Upload[] = (input.pieces ?? []).map((piece) => {
    const upload = uploads.find((u) => u.id === piece.uploadId && u.status === 'received');
    if (!upload)
      throw new BusinessRuleError(`no received document ${piece.uploadId} on this dossier`, [
        { path: 'pieces', message: `unknown upload ${piece.uploadId}` },
      ]);
    return {
      ...upload,
      review: { verdict: piece.verdict, ...(piece.comment ? { comment: piece.comment } : {}), by: caller.sub, at: now },
    };
  });
  const pieceEvents = reviewed.map((u) => ({
    type: 'piece_reviewed',
    actor: actorOf(caller),
    data: { uploadId: u.id, verdict: u.review!.verdict },
  }));

  if (input.decision === 'incomplete') {
    const { saved } = await withInfoRequest(
      deps,
      stored,
      caller,
      input.missingItems ?? [],
      [
        ...pieceEvents,
        { type: 'admissibility_incomplete', actor: actorOf(caller), data: { missingItems: input.missingItems } },
      ],
      reviewed,
    );
    return { status: saved.dossier.status };
  }

  if (input.decision === 'inadmissible') {
    // guide §4.2: ANS « formule un avis quant à la recevabilité »; the decision closes the dossier
    const decision = newDecision('inadmissible', now, caller.sub, { reasons: input.reasons ?? [] });
    const dossier = {
      ...transition(stored.dossier, 'inadmissible', deps.clock.now()),
      closedReason: 'inadmissible',
      decision,
    };
    const company = await deps.companies.get(dossier.companyId);
    const saved = await commitDossier(
      deps,
      stored,
      dossier,
      [...pieceEvents, { type: 'dossier_inadmissible', actor: actorOf(caller), data: { reasons: input.reasons } }],
      {
        uploads: reviewed,
        outbox: companyMail(company, dossier, `dossier:${id}:inadmissible`, 'dossier_inadmissible', now, {
          reasons: (input.reasons ?? []).join(' ; '),
          appeal: decision.appeal,
        }),
      },
    );
    await notifyWorkflow(deps, id, 'inadmissible');
    return { status: saved.dossier.status };
  }

  if (reviewed.some((u) => u.review!.verdict === 'non_compliant')) {
    throw new BusinessRuleError(
      'a candidature with a non-compliant piece cannot be admissible: decide "incomplete" and list what to deposit again',
    );
  }
  const dossier = {
    ...transition(stored.dossier, 'proofs_deposit', deps.clock.now()),
    admissibleAt: now,
    lastCandidateActivityAt: now,
  };
  const company = await deps.companies.get(dossier.companyId);
  const saved = await commitDossier(
    deps,
    stored,
    dossier,
    [...pieceEvents, { type: 'dossier_admissible', actor: actorOf(caller) }],
    {
      uploads: reviewed,
      outbox: companyMail(company, dossier, `dossier:${id}:admissible`, 'admissibility_admissible', now, { at: now }),
    },
  );
  await notifyWorkflow(deps, id, 'admissible');
  return { status: saved.dossier.status };
};
