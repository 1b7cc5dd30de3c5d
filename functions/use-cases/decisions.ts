import { actorOf, type Caller } from '../domain/caller';
import { applicableSections } from '../domain/catalogue';
import { openInfoRequest, transition, withDeadlines, type Dossier } from '../domain/dossier';
import type { Company } from '../domain/company';
import type { Upload } from '../domain/upload';
import { pauseDecisionClock } from '../domain/decision-clock';
import { newDecision } from '../domain/decision';
import { exceptionalRegimeEnd } from '../domain/certificate-life';
import { requirementReview } from '../domain/evidence';
import { BusinessRuleError, ConflictError, NotFoundError } from '../domain/errors';
import { companyMail } from '../domain/outbox';
import { documentJob } from '../domain/document-job';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { grantCertificate } from './grant-certificate';
import { notifyWorkflow } from './notify-workflow';
import { loadDossier, loadOwnDossier, loadDossierWithUploads } from './legal-effects';

export const conventionKey = (id: string) => `dossiers/${id}/convention/convention.pdf`;

/** The convention is rendered by the document function once the decision is stored. */
const conventionJob = (id: string, at: string) =>
  documentJob({ kind: 'convention', dossierId: id, key: conventionKey(id), at }, at);

/** The core domains an exceptional certificate needs compliant (guide §5.4). */
export const CORE_SECTIONS = ['ins', 'psc', 'annuaire', 'securite', 'administration'];

export interface InstructionReport {
  outcome?: 'favourable' | 'unfavourable';
  nonConformities?: string[];
  exceptional?: boolean;
}

/**
 * Closes instruction with its report (guide §5.4); instruction can always end.
 * - favourable (default): every applicable requirement's latest evidence compliant (409 naming
 *   what is missing otherwise) and the INS test day passed or waived → `convention_pending`,
 *   the convention generated as a PDF; the decision clock stands still while the company signs.
 * - unfavourable: the non-conformities listed (422 otherwise) → `college_pending` without a
 *   convention; the collège may refuse, or certify with reservations.
 * An exceptional report (core domains only, with the company's commitment) is refused once the
 * regime is over (arrêté du 9 février 2024).
 * Input: dossier id, report. Output: the stored dossier.
 */
export const completeInstruction = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  options: InstructionReport = {},
) => {
  const loaded = await loadDossierWithUploads(deps, id);
  if (!loaded) throw new NotFoundError('no such dossier');
  const { stored, uploads } = loaded;
  const dossier = stored.dossier;
  if (dossier.status !== 'instruction')
    throw new ConflictError(`instruction is not under way (the dossier is ${dossier.status})`);
  if (openInfoRequest(dossier)) throw new ConflictError('an information request is still open');
  const now = deps.clock.now();
  const outcome = options.outcome ?? 'favourable';
  if (options.exceptional && outcome === 'unfavourable') {
    throw new BusinessRuleError('an exceptional certificate follows a favourable report on the core domains', [
      { path: 'exceptional', message: 'not with an unfavourable report' },
    ]);
  }
  if (options.exceptional && now.getTime() > exceptionalRegimeEnd(deps.exceptionalExpiresOn).getTime()) {
    throw new BusinessRuleError(
      `the exceptional certificate regime ended on ${deps.exceptionalExpiresOn}`,
      [{ path: 'exceptional', message: 'no exceptional certificate is issued after the regime’s fixed expiry' }],
      'Arrêté du 9 février 2024 (certificat exceptionnel)',
    );
  }
  const company = await deps.companies.get(dossier.companyId);
  const report =
    outcome === 'unfavourable'
      ? unfavourableReport(dossier, options, caller, company, now)
      : await favourableReport(deps, dossier, uploads, options, caller, company, now);
  const saved = await commitDossier(
    deps,
    stored,
    withDeadlines(report.next, deps.calendar),
    [{ type: 'instruction_completed', actor: actorOf(caller), data: { outcome, ...report.data } }],
    { outbox: report.outbox, documents: report.documents },
  );
  await notifyWorkflow(deps, id, 'instruction_completed');
  return saved;
};

/** An unfavourable report: the non-conformities listed (422 otherwise), to the collège without a convention. */
const unfavourableReport = (
  dossier: Dossier,
  options: InstructionReport,
  caller: Caller,
  company: Company | null,
  now: Date,
) => {
  if (!options.nonConformities?.length) {
    throw new BusinessRuleError('an unfavourable report lists the non-conformities', [
      { path: 'nonConformities', message: 'required with outcome "unfavourable"' },
    ]);
  }
  const at = now.toISOString();
  return {
    next: {
      ...transition(dossier, 'college_pending', now),
      instructionReport: {
        outcome: 'unfavourable' as const,
        nonConformities: options.nonConformities,
        at,
        by: caller.sub,
      },
    },
    data: { nonConformities: options.nonConformities },
    documents: [],
    outbox: companyMail(company, dossier, `dossier:${dossier.id}:unfavourable-report`, 'instruction_unfavourable', at, {
      items: options.nonConformities.join('\n'),
    }),
  };
};

/**
 * A favourable report: every applicable requirement's latest evidence compliant and the INS test
 * day passed or waived (409 naming what is missing), then the convention to sign; the decision
 * clock stands still meanwhile.
 */
const favourableReport = async (
  deps: Dependencies,
  dossier: Dossier,
  uploads: Upload[],
  options: InstructionReport,
  caller: Caller,
  company: Company | null,
  now: Date,
) => {
  const id = dossier.id;
  const at = now.toISOString();
  const referential = await deps.referentials.get(dossier.referentialVersion);
  if (options.exceptional && !dossier.commitment) {
    throw new BusinessRuleError('an exceptional certificate needs the company’s commitment to full compliance', [
      { path: 'commitment', message: 'the candidature does not carry the commitment' },
    ]);
  }
  const missing = applicableSections(referential!.catalogue, dossier.profiles)
    .filter((s) => !options.exceptional || CORE_SECTIONS.includes(s.id))
    .flatMap((s) => s.requirements)
    .map((r) => ({ r, state: requirementReview(uploads, r.id) }))
    .filter(({ state }) => state !== 'compliant')
    .map(({ r, state }) => ({
      path: `requirements.${r.id}`,
      message: `${r.id}: ${state === 'none' ? 'no evidence' : state === 'pending' ? 'evidence not reviewed yet' : 'evidence not compliant'}`,
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
    documents: [conventionJob(id, at)],
    next: pauseDecisionClock(
      {
        ...transition(dossier, 'convention_pending', now),
        convention: { generatedAt: at, key: conventionKey(id) },
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
    outbox: companyMail(company, dossier, `dossier:${id}:convention`, 'convention_ready', at, {}),
  };
};

export type CollegeInput = {
  decision: 'certified' | 'certified_with_reservations' | 'refused';
  reasons?: string[];
  reservations?: string[];
};

/**
 * The collège technique decides (guide §5.4), with reasons and the means of appeal (R.1470-4):
 * - on a favourable report: certified, certified with reservations, or refused;
 * - on an unfavourable one: refused, or certified with reservations — the convention is then
 *   sent and the certificate issued when the company signs; `certified` → 422.
 * After the decision deadline, tacit acceptance holds (legal effects first): 409.
 * Input: dossier id, decision. Output: the dossier, and the certificate when one is issued.
 */
export const collegeDecision = async (deps: Dependencies, caller: Caller, id: string, input: CollegeInput) => {
  const stored = await loadDossier(deps, id);
  if (!stored) throw new NotFoundError('no such dossier');
  const dossier = stored.dossier;
  if (dossier.status !== 'college_pending')
    throw new ConflictError(
      dossier.decision?.outcome === 'tacit_acceptance'
        ? 'the decision deadline has passed: silence was acceptance and the certificate is granted'
        : `the collège decides on dossiers ready for it (this one is ${dossier.status})`,
      undefined,
      dossier.decision?.outcome === 'tacit_acceptance' ? 'Code de la santé publique, art. R.1470-4' : undefined,
    );
  const unfavourable = dossier.instructionReport?.outcome === 'unfavourable';
  if (unfavourable && input.decision === 'certified') {
    throw new BusinessRuleError(
      'the instruction report is unfavourable: the collège may refuse, or certify with reservations',
      [{ path: 'decision', message: 'must be "refused" or "certified_with_reservations"' }],
      'Guide de dépôt ANS §5.4',
    );
  }
  const at = deps.clock.now().toISOString();
  const decision = newDecision(input.decision, at, caller.sub, {
    ...(input.reasons ? { reasons: input.reasons } : {}),
    ...(input.decision === 'certified_with_reservations' && input.reservations
      ? { reservations: input.reservations }
      : {}),
  });
  const company = await deps.companies.get(dossier.companyId);

  if (input.decision === 'refused') {
    const next = { ...transition(dossier, 'refused', deps.clock.now()), decision };
    const saved = await commitDossier(
      deps,
      stored,
      next,
      [{ type: 'college_refused', actor: actorOf(caller), data: { reasons: input.reasons } }],
      {
        outbox: companyMail(company, dossier, `dossier:${id}:refused`, 'dossier_refused', at, {
          reasons: input.reasons!.join(' ; '),
          appeal: decision.appeal,
        }),
      },
    );
    await notifyWorkflow(deps, id, 'decided');
    return { dossier: saved.dossier };
  }

  if (unfavourable) {
    // certified with reservations on an unfavourable report: the convention first, then the certificate
    const next = withDeadlines(
      {
        ...transition(dossier, 'convention_pending', deps.clock.now()),
        decision,
        convention: { generatedAt: at, key: conventionKey(id) },
      },
      deps.calendar,
    );
    const saved = await commitDossier(
      deps,
      stored,
      next,
      [
        {
          type: 'college_certified_with_reservations',
          actor: actorOf(caller),
          data: { reservations: input.reservations, conventionFirst: true },
        },
      ],
      {
        outbox: companyMail(company, dossier, `dossier:${id}:reservations`, 'college_reservations_convention', at, {
          reservations: input.reservations!.join(' ; '),
          appeal: decision.appeal,
        }),
        documents: [conventionJob(id, at)],
      },
    );
    await notifyWorkflow(deps, id, 'decided');
    return { dossier: saved.dossier };
  }

  const { saved, certificate } = await grantCertificate(
    deps,
    { ...stored, dossier: { ...dossier, decision } },
    {
      grantedBy: 'college',
      ...(decision.reservations ? { reservations: decision.reservations } : {}),
      actor: actorOf(caller),
      data: { decision: input.decision },
    },
  );
  await notifyWorkflow(deps, id, 'decided');
  return { dossier: saved.dossier, certificate };
};

/**
 * The company acknowledges the decision (R.1470-4 al. 2: a certain date of receipt). The
 * instant is journaled and the journal event's hash quoted on the decision; a second
 * acknowledgement changes nothing.
 * Input: dossier id. Output: the decision with `receivedAt`.
 */
export const acknowledgeDecision = async (deps: Dependencies, caller: Caller, id: string) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  if (!dossier.decision) throw new ConflictError('no decision has been taken on this dossier yet');
  if (dossier.decision.receivedAt) return dossier.decision;
  const at = deps.clock.now().toISOString();
  const saved = await commitDossier(
    deps,
    stored,
    dossier,
    [
      {
        type: 'decision_received',
        actor: actorOf(caller),
        data: { outcome: dossier.decision.outcome, receivedAt: at },
      },
    ],
    {
      withJournal: (events, d) => ({
        ...d,
        decision: { ...d.decision!, receivedAt: at, receivedBy: caller.sub, receiptHash: events.at(-1)!.hash },
      }),
    },
  );
  return saved.dossier.decision!;
};
