import { sha256 } from '../domain/journal';
import { actorOf, assertCanSee, type Caller } from '../domain/caller';
import { isClosed, transition, withDeadlines } from '../domain/dossier';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '../domain/errors';
import { aboutDossier, companyMail, outboxMessage } from '../domain/outbox';
import type { Review, Upload } from '../domain/upload';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { DOWNLOAD_URL_TTL_SECONDS } from './evidence';
import { notifyWorkflow } from './notify-workflow';
import { loadDossier, loadOwnDossier, loadDossierWithUploads } from './legal-effects';
import { grantCertificate } from './grant-certificate';
import { resumeDecisionClock } from '../domain/decision-clock';
import { assertRendered } from './document-ready';

/**
 * Use cases of instruction (guide §5.2–5.3): proof reviews, the INS test day (proposal, outcome or
 * waiver), the convention (download, signature), withdrawal by the candidate.
 * Input: dossier id, caller, the step's fields. Output: the stored dossier (or a review, a URL).
 * Steps (every command): authorise → load with the legal effects due applied → check the status
 * and the rule (409/422) → store with journal and mail → wake the workflow when a clock changes.
 */

/**
 * A verdict on one piece of evidence, with a comment the candidate sees. Penetration-test
 * evidence is reviewed by security reviewers, the rest by instructors. A non-compliant verdict
 * reopens the requirement for new evidence; every review is kept.
 */
export const reviewProof = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  uploadId: string,
  input: { verdict: Review['verdict']; comment?: string },
) => {
  const loaded = await loadDossierWithUploads(deps, id);
  if (!loaded) throw new NotFoundError('no such dossier');
  const { stored, uploads } = loaded;
  if (stored.dossier.status !== 'instruction')
    throw new ConflictError(`evidence is reviewed during instruction (the dossier is ${stored.dossier.status})`);
  const upload = uploads.find((u) => u.id === uploadId && u.purpose === 'proof' && u.status === 'received');
  if (!upload) throw new NotFoundError('no such received evidence');
  const reviewer = upload.store === 'sensitive' ? 'security_reviewer' : 'instructor';
  if (!caller.roles.includes(reviewer)) throw new ForbiddenError(`this evidence is reviewed by a ${reviewer}`);
  if (input.verdict === 'non_compliant' && !input.comment) {
    throw new BusinessRuleError('say what is not compliant', [
      { path: 'comment', message: 'a non-compliant verdict needs a comment' },
    ]);
  }
  const review: Review = {
    verdict: input.verdict,
    ...(input.comment ? { comment: input.comment } : {}),
    by: caller.sub,
    at: deps.clock.now().toISOString(),
  };
  const reviewed: Upload = { ...upload, review, reviews: [...(upload.reviews ?? []), review] };
  const company = await deps.companies.get(stored.dossier.companyId);
  await commitDossier(
    deps,
    stored,
    { ...stored.dossier, updatedAt: review.at },
    [
      {
        type: 'proof_reviewed',
        actor: actorOf(caller),
        data: {
          uploadId,
          requirementId: upload.requirementId,
          verdict: input.verdict,
          ...(input.comment ? { commentSha256: sha256(input.comment) } : {}),
        },
      },
    ],
    {
      uploads: [reviewed],
      outbox:
        input.verdict === 'non_compliant'
          ? companyMail(company, stored.dossier, `review:${uploadId}:${review.at}`, 'proof_non_compliant', review.at, {
              requirementId: upload.requirementId,
            })
          : [],
    },
  );
  return { uploadId, requirementId: upload.requirementId, review };
};

/** The company proposes its INS test day, within the 4 weeks after the complete file (guide §5.2). */
export const proposeInsTestDay = async (deps: Dependencies, caller: Caller, id: string, proposedDate: string) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  if (dossier.status !== 'instruction')
    throw new ConflictError(`the INS test day is organised during instruction (the dossier is ${dossier.status})`);
  if (dossier.insTestDay?.outcome) throw new ConflictError('the INS test day already took place');
  const now = deps.clock.now();
  const date = new Date(`${proposedDate}T12:00:00Z`);
  if (date.getTime() < now.getTime() - 86_400_000)
    throw new BusinessRuleError('the proposed date is in the past', [
      { path: 'proposedDate', message: 'must be today or later' },
    ]);
  if (!dossier.insTestLate && dossier.insTestDueAt && date.getTime() > new Date(dossier.insTestDueAt).getTime()) {
    throw new BusinessRuleError('the INS test day must take place within 4 weeks of the complete file', [
      { path: 'proposedDate', message: `must be on or before ${dossier.insTestDueAt.slice(0, 10)}` },
    ]);
  }
  const next = { ...dossier, insTestDay: { proposedDate, proposedAt: now.toISOString() } };
  const saved = await commitDossier(
    deps,
    stored,
    next,
    [{ type: 'ins_test_day_proposed', actor: actorOf(caller), data: { proposedDate } }],
    {
      outbox: [
        outboxMessage(
          `ins-test:${id}:${now.toISOString()}`,
          'ins_test_day_proposed',
          [deps.ansMailbox],
          { ...aboutDossier(dossier), date: proposedDate },
          now.toISOString(),
          id,
        ),
      ],
    },
  );
  return saved;
};

/**
 * The instructor records how the INS test day went, or waives it (a reason required): ANS may
 * judge the INS proofs enough without a test day.
 */
export const recordInsTestOutcome = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  input: { outcome: 'passed' | 'failed' | 'waived'; comment?: string },
) => {
  const stored = await loadDossier(deps, id);
  if (!stored) throw new NotFoundError('no such dossier');
  const dossier = stored.dossier;
  if (dossier.status !== 'instruction')
    throw new ConflictError(`the INS test day belongs to instruction (the dossier is ${dossier.status})`);
  if (input.outcome === 'waived' && !input.comment)
    throw new BusinessRuleError('a waiver states why the INS proofs are enough', [
      { path: 'comment', message: 'required with outcome "waived"' },
    ]);
  if (input.outcome !== 'waived' && !dossier.insTestDay?.proposedDate)
    throw new ConflictError('no INS test day was proposed yet');
  const now = deps.clock.now().toISOString();
  const next = withDeadlines(
    {
      ...dossier,
      insTestDay: {
        ...dossier.insTestDay,
        outcome: input.outcome,
        recordedAt: now,
        ...(input.comment ? { comment: input.comment } : {}),
      },
    },
    deps.calendar,
  );
  const saved = await commitDossier(deps, stored, next, [
    {
      type: 'ins_test_day_recorded',
      actor: actorOf(caller),
      data: { outcome: input.outcome, ...(input.outcome === 'waived' ? { reason: input.comment } : {}) },
    },
  ]);
  await notifyWorkflow(deps, id, 'ins_test_day');
  return saved;
};

export const downloadConvention = async (deps: Dependencies, caller: Caller, id: string) => {
  const stored = await deps.dossiers.get(id);
  const dossier = assertCanSee(caller, stored?.dossier);
  if (!dossier.convention?.key) throw new NotFoundError('no convention was generated for this dossier');
  await assertRendered(deps, dossier.convention.key);
  const url = await deps.storage.presignGet(
    'evidence',
    dossier.convention.key,
    `convention-${id}.pdf`,
    DOWNLOAD_URL_TTL_SECONDS,
  );
  return { url, expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
};

/**
 * The company signs the convention (signatory, instant and user journaled); the product version
 * may be updated at this point and is then the one everywhere (dossier, certificate).
 */
export const signConvention = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  input: { signatoryName: string; productVersion?: string },
) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  if (dossier.status !== 'convention_pending')
    throw new ConflictError(`the convention is signed while convention_pending (the dossier is ${dossier.status})`);
  const now = deps.clock.now();
  const at = now.toISOString();
  const product = input.productVersion ? { ...dossier.product, version: input.productVersion } : dossier.product;
  const convention = {
    ...dossier.convention!,
    signedAt: at,
    signatoryName: input.signatoryName,
    signedBy: caller.sub,
    productVersion: product.version,
  };
  const signed = {
    type: 'convention_signed',
    actor: actorOf(caller),
    data: {
      signatoryName: input.signatoryName,
      signedAt: at,
      productVersion: product.version,
      previousVersion: dossier.product.version,
    },
  };
  if (dossier.decision?.outcome === 'certified_with_reservations') {
    // the collège certified an unfavourable report with reservations: the signature issues the certificate
    const { saved } = await grantCertificate(
      deps,
      { ...stored!, dossier: { ...dossier, product, convention } },
      {
        grantedBy: 'college',
        reservations: dossier.decision.reservations ?? [],
        actor: actorOf(caller),
        data: { decision: 'certified_with_reservations' },
        before: [signed],
      },
    );
    await notifyWorkflow(deps, id, 'convention_signed');
    return saved;
  }
  // the company's step is done: the decision clock resumes with the time it had left
  const next = withDeadlines(
    resumeDecisionClock(
      { ...transition(dossier, 'college_pending', deps.clock.now()), product, convention },
      now,
      'suspend',
      deps.calendar,
    ),
    deps.calendar,
  );
  const saved = await commitDossier(deps, stored, next, [signed]);
  await notifyWorkflow(deps, id, 'convention_signed');
  return saved;
};

/** The candidate withdraws its candidature at any open stage. */
export const withdrawDossier = async (deps: Dependencies, caller: Caller, id: string) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  if (isClosed(dossier.status)) throw new ConflictError(`the dossier is already ${dossier.status}`);
  const next = { ...transition(dossier, 'withdrawn', deps.clock.now()), closedReason: 'withdrawn_by_candidate' };
  const company = await deps.companies.get(dossier.companyId);
  const at = next.updatedAt;
  const saved = await commitDossier(deps, stored, next, [{ type: 'dossier_withdrawn', actor: actorOf(caller) }], {
    outbox: companyMail(company, dossier, `dossier:${id}:withdrawn`, 'dossier_withdrawn', at, {}, [deps.ansMailbox]),
  });
  await notifyWorkflow(deps, id, 'withdrawn');
  return saved;
};
