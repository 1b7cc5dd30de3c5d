import { actorOf, type Caller } from '../caller';
import { parisDate, type CalendarPolicy } from '../calendar';
import { applicableSections, coreSections, type Catalogue } from '../catalogue';
import { exceptionalRegimeEnd } from '../certificate-life';
import { pauseDecisionClock } from '../decision-clock';
import { documentJob } from '../document-job';
import { assertAllowed } from '../dossier-commands';
import { mailToAns, mailToCompany, type RuleChange } from '../rule-change';
import { openInfoRequest, transition, withDeadlines } from '../dossier';
import type { Dossier } from '../dossier-model';
import { requirementReview } from '../evidence';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { sha256 } from '../journal';
import { scanBlocksStaff, type Review, type Upload } from '../upload';

export const conventionKey = (id: string) => `dossiers/${id}/convention/convention.pdf`;

/** The convention is rendered by the document function once the decision is stored. */
export const conventionJob = (id: string, at: string) =>
  documentJob({ kind: 'convention', dossierId: id, key: conventionKey(id), at }, at);

/** The arrêté du 9 février 2024 opens the exceptional regime on 1 July 2024, for sociétés de téléconsultation. */
export const EXCEPTIONAL_REGIME_STARTS_ON = '2024-07-01';
const EXCEPTIONAL_BASIS = 'Arrêté du 9 février 2024 (certificat exceptionnel)';

/**
 * A verdict on one piece of evidence, with a comment the candidate sees (required when not
 * compliant, which reopens the requirement). Penetration-test evidence is judged by security
 * reviewers, the rest by instructors. Every review is kept.
 */
export const reviewProof = (
  dossier: Dossier,
  upload: Upload | undefined,
  input: { verdict: Review['verdict']; comment?: string },
  caller: Caller,
  now: Date,
): RuleChange & { review: Review; upload: Upload } => {
  assertAllowed('review_proof', dossier);
  if (!upload || upload.purpose !== 'proof' || upload.status !== 'received')
    throw new NotFoundError('no such received evidence');
  const reviewer = upload.store === 'sensitive' ? 'security_reviewer' : 'instructor';
  if (!caller.roles.includes(reviewer)) throw new ForbiddenError(`this evidence is reviewed by a ${reviewer}`);
  // no verdict on a file the scanner has not found clean (where a scanner runs)
  const unscanned = scanBlocksStaff(upload);
  if (unscanned) throw new ConflictError(unscanned);
  if (input.verdict === 'non_compliant' && !input.comment) {
    throw new BusinessRuleError('say what is not compliant', [
      { path: 'comment', message: 'a non-compliant verdict needs a comment' },
    ]);
  }
  const at = now.toISOString();
  const review: Review = {
    verdict: input.verdict,
    ...(input.comment ? { comment: input.comment } : {}),
    by: caller.sub,
    at,
  };
  const reviewed: Upload = { ...upload, review, reviews: [...(upload.reviews ?? []), review] };
  return {
    review,
    upload: reviewed,
    dossier: { ...dossier, updatedAt: at },
    events: [
      {
        type: 'proof_reviewed',
        actor: actorOf(caller),
        data: {
          uploadId: upload.id,
          requirementId: upload.requirementId,
          verdict: input.verdict,
          ...(input.comment ? { commentSha256: sha256(input.comment) } : {}),
        },
      },
    ],
    uploads: [reviewed],
    mails:
      input.verdict === 'non_compliant'
        ? [mailToCompany(`review:${upload.id}:${at}`, 'proof_non_compliant', { requirementId: upload.requirementId })]
        : [],
  };
};

/**
 * The company proposes its INS test day: today or later, within the 4 weeks after the complete file
 * (guide §5.2) unless that time already ran out. A new day after a failed test is proposed the same
 * way; a passed or waived test day is over.
 */
export const proposeInsTestDay = (dossier: Dossier, proposedDate: string, caller: Caller, now: Date): RuleChange => {
  assertAllowed('propose_ins_test_day', dossier);
  const day = dossier.insTestDay;
  if (day?.outcome && day.outcome !== 'failed') throw new ConflictError('the INS test day already took place');
  if (proposedDate < parisDate(now))
    throw new BusinessRuleError('the proposed date is in the past', [
      { path: 'proposedDate', message: 'must be today or later' },
    ]);
  const late = dossier.insTestLate || Boolean(day?.outcome);
  const lastDay = dossier.insTestDueAt ? parisDate(new Date(dossier.insTestDueAt)) : undefined;
  if (!late && lastDay && proposedDate > lastDay) {
    throw new BusinessRuleError('the INS test day must take place within 4 weeks of the complete file', [
      { path: 'proposedDate', message: `must be on or before ${lastDay}` },
    ]);
  }
  const at = now.toISOString();
  const previous = day?.outcome ? [...(day.previous ?? []), pastOutcome(day)] : day?.previous;
  return {
    dossier: { ...dossier, insTestDay: { proposedDate, proposedAt: at, ...(previous ? { previous } : {}) } },
    events: [
      {
        type: 'ins_test_day_proposed',
        actor: actorOf(caller),
        data: { proposedDate, ...(day?.outcome ? { after: day.outcome } : {}) },
      },
    ],
    mails: [mailToAns(`ins-test:${dossier.id}:${at}`, 'ins_test_day_proposed', { date: proposedDate })],
  };
};

const pastOutcome = (day: NonNullable<Dossier['insTestDay']>) => ({
  ...(day.proposedDate ? { proposedDate: day.proposedDate } : {}),
  outcome: day.outcome!,
  ...(day.heldOn ? { heldOn: day.heldOn } : {}),
  recordedAt: day.recordedAt!,
});

/**
 * The instructor records how the INS test day went, on the day it was held (the 4-week clock
 * stopped once the day was organised, however late the record), or waives it with a reason: ANS
 * may judge the INS proofs enough without a test day. A recorded outcome changes only once a new
 * test day is proposed.
 */
export const recordInsTestOutcome = (
  dossier: Dossier,
  input: { outcome: 'passed' | 'failed' | 'waived'; heldOn?: string; comment?: string },
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
): RuleChange => {
  assertAllowed('record_ins_test_outcome', dossier);
  const day = dossier.insTestDay;
  if (day?.outcome)
    throw new ConflictError('an outcome is recorded for this INS test day: a new test day must be proposed first');
  if (input.outcome === 'waived' && !input.comment)
    throw new BusinessRuleError('a waiver states why the INS proofs are enough', [
      { path: 'comment', message: 'required with outcome "waived"' },
    ]);
  if (input.outcome !== 'waived' && !day?.proposedDate) throw new ConflictError('no INS test day was proposed yet');
  const heldOn = input.outcome === 'waived' ? undefined : (input.heldOn ?? day!.proposedDate!);
  if (heldOn && heldOn > parisDate(now))
    throw new BusinessRuleError('an INS test day is recorded once it took place', [
      { path: 'heldOn', message: 'must be today or earlier' },
    ]);
  const insTestDay = {
    ...day,
    outcome: input.outcome,
    ...(heldOn ? { heldOn } : {}),
    recordedAt: now.toISOString(),
    ...(input.comment ? { comment: input.comment } : {}),
  };
  return {
    dossier: withDeadlines({ ...dossier, insTestDay }, policy),
    events: [
      {
        type: 'ins_test_day_recorded',
        actor: actorOf(caller),
        data: {
          outcome: input.outcome,
          ...(heldOn ? { heldOn } : {}),
          ...(input.outcome === 'waived' ? { reason: input.comment } : {}),
        },
      },
    ],
    wake: 'ins_test_day',
  };
};

export interface InstructionReport {
  outcome?: 'favourable' | 'unfavourable';
  nonConformities?: string[];
  exceptional?: boolean;
}

/**
 * Closes instruction with its report (guide §5.4); instruction can always end, not while a
 * request is open.
 * - favourable (default): every applicable requirement's latest evidence compliant and the INS
 *   test day passed or waived (409 naming what is missing) → `convention_pending`, the convention
 *   rendered; the decision clock stands still while the company signs.
 * - unfavourable: the non-conformities listed (422 otherwise) → `college_pending`, no convention.
 * An exceptional report (core domains only, with the company's commitment) follows a favourable
 * report, and not once the regime is over (arrêté du 9 février 2024).
 */
export const completeInstruction = (
  dossier: Dossier,
  uploads: Upload[],
  catalogue: Catalogue,
  options: InstructionReport,
  caller: Caller,
  now: Date,
  policy: CalendarPolicy & { exceptionalExpiresOn: string },
): RuleChange => {
  assertAllowed('complete_instruction', dossier);
  if (openInfoRequest(dossier)) throw new ConflictError('an information request is still open');
  const outcome = options.outcome ?? 'favourable';
  if (options.exceptional && outcome === 'unfavourable') {
    throw new BusinessRuleError('an exceptional certificate follows a favourable report on the core domains', [
      { path: 'exceptional', message: 'not with an unfavourable report' },
    ]);
  }
  if (options.exceptional && parisDate(now) < EXCEPTIONAL_REGIME_STARTS_ON) {
    throw new BusinessRuleError(
      `the exceptional certificate regime opens on ${EXCEPTIONAL_REGIME_STARTS_ON}`,
      [{ path: 'exceptional', message: 'not before the regime opens' }],
      EXCEPTIONAL_BASIS,
    );
  }
  if (options.exceptional && dossier.useCase !== 'teleconsultation_company') {
    throw new BusinessRuleError(
      'the exceptional certificate is for sociétés de téléconsultation',
      [{ path: 'exceptional', message: `not for the use case ${dossier.useCase}` }],
      EXCEPTIONAL_BASIS,
    );
  }
  if (options.exceptional && !coreSections(catalogue).length) {
    throw new BusinessRuleError(
      `the referential ${catalogue.version} names no core section: an exceptional report has nothing to rest on`,
      [{ path: 'exceptional', message: 'no section of the referential is marked core' }],
      EXCEPTIONAL_BASIS,
    );
  }
  if (options.exceptional && now.getTime() > exceptionalRegimeEnd(policy.exceptionalExpiresOn).getTime()) {
    throw new BusinessRuleError(
      `the exceptional certificate regime ended on ${policy.exceptionalExpiresOn}`,
      [{ path: 'exceptional', message: 'no exceptional certificate is issued after the regime’s fixed expiry' }],
      'Arrêté du 9 février 2024 (certificat exceptionnel)',
    );
  }
  const context: ReportContext = { dossier, uploads, catalogue, options, caller, now };
  const report = outcome === 'unfavourable' ? unfavourableReport(context) : favourableReport(context);
  return {
    ...report,
    dossier: withDeadlines(report.dossier, policy),
    events: [{ type: 'instruction_completed', actor: actorOf(caller), data: { outcome, ...report.data } }],
    wake: 'instruction_completed',
  };
};

/** What a report is written from. */
interface ReportContext {
  dossier: Dossier;
  uploads: Upload[];
  catalogue: Catalogue;
  options: InstructionReport;
  caller: Caller;
  now: Date;
}

const unfavourableReport = ({ dossier, options, caller, now }: ReportContext) => {
  if (!options.nonConformities?.length) {
    throw new BusinessRuleError('an unfavourable report lists the non-conformities', [
      { path: 'nonConformities', message: 'required with outcome "unfavourable"' },
    ]);
  }
  const at = now.toISOString();
  return {
    dossier: {
      ...transition(dossier, 'college_pending', now),
      instructionReport: {
        outcome: 'unfavourable' as const,
        nonConformities: options.nonConformities,
        at,
        by: caller.sub,
      },
    },
    data: { nonConformities: options.nonConformities },
    mails: [
      mailToCompany(`dossier:${dossier.id}:unfavourable-report`, 'instruction_unfavourable', {
        items: options.nonConformities.join('\n'),
      }),
    ],
  };
};

const favourableReport = ({ dossier, uploads, catalogue, options, caller, now }: ReportContext) => {
  const at = now.toISOString();
  if (options.exceptional && !dossier.commitment) {
    throw new BusinessRuleError('an exceptional certificate needs the company’s commitment to full compliance', [
      { path: 'commitment', message: 'the candidature does not carry the commitment' },
    ]);
  }
  const missing = applicableSections(catalogue, dossier.profiles)
    .filter((s) => !options.exceptional || coreSections(catalogue).includes(s.id))
    .flatMap((s) => s.requirements)
    .map((r) => ({ r, state: requirementReview(uploads, r.id) }))
    .filter(({ state }) => state !== 'compliant')
    .map(({ r, state }) => ({
      path: `requirements.${r.id}`,
      message:
        state === 'none'
          ? `${r.id}: no evidence`
          : state === 'pending'
            ? `${r.id}: evidence not reviewed yet`
            : `${r.id}: evidence not compliant`,
    }));
  const ins = dossier.insTestDay?.outcome;
  if (ins !== 'passed' && ins !== 'waived')
    missing.push({ path: 'insTestDay', message: 'the INS test day has been neither passed nor waived' });
  if (missing.length)
    throw new ConflictError(
      'instruction cannot be closed with a favourable report yet (an unfavourable report is always possible)',
      missing,
    );
  return {
    documents: [conventionJob(dossier.id, at)],
    dossier: pauseDecisionClock(
      {
        ...transition(dossier, 'convention_pending', now),
        convention: { generatedAt: at, key: conventionKey(dossier.id) },
        instructionReport: {
          outcome: 'favourable' as const,
          ...(options.exceptional ? { exceptional: true } : {}),
          at,
          by: caller.sub,
        },
        ...(options.exceptional ? { exceptional: true } : {}),
      },
      now,
      'convention',
    ),
    data: { exceptional: options.exceptional ?? false },
    mails: [mailToCompany(`dossier:${dossier.id}:convention`, 'convention_ready', {})],
  };
};
