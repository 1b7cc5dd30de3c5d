import { actorOf, requireRole, type Caller } from '../domain/caller';
import { applicableSections } from '../domain/catalogue';
import { companyRecipients } from '../domain/company';
import { openInfoRequest, transition } from '../domain/dossier';
import { requirementReview } from '../domain/evidence';
import { BusinessRuleError, ConflictError, NotFoundError } from '../domain/errors';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import { conventionPdf } from '../documents/pdf';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { grantCertificate } from './grant-certificate';
import { notifyWorkflow } from './notify-workflow';

// the two steps that render documents (pdf-lib): kept apart so other handlers stay small

const conventionKey = (id: string) => `dossiers/${id}/convention/convention.pdf`;

/** The core domains an exceptional certificate needs compliant (guide §5.4). */
export const CORE_SECTIONS = ['ins', 'psc', 'annuaire', 'securite', 'administration'];

/**
 * Closes instruction: every applicable requirement's latest evidence compliant (409 naming what
 * is missing otherwise) and the INS test day passed → `convention_pending`, with the convention
 * generated as a PDF the company downloads and signs.
 */
export const completeInstruction = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  options: { exceptional?: boolean } = {},
) => {
  requireRole(caller, ['instructor']);
  const loaded = await deps.dossiers.getWithUploads(id);
  if (!loaded) throw new NotFoundError('no such dossier');
  const { stored, uploads } = loaded;
  const dossier = stored.dossier;
  if (dossier.status !== 'instruction')
    throw new ConflictError(`instruction is not under way (the dossier is ${dossier.status})`);
  if (openInfoRequest(dossier)) throw new ConflictError('an information request is still open');
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
  if (dossier.insTestDay?.outcome !== 'passed')
    missing.push({ path: 'insTestDay', message: 'the INS test day has not been passed' });
  if (missing.length) throw new ConflictError('instruction cannot be closed yet', missing);

  const at = deps.clock.now().toISOString();
  const company = await deps.companies.get(dossier.companyId);
  await deps.storage.put('evidence', conventionKey(id), await conventionPdf(dossier, company, at), 'application/pdf');
  const next = {
    ...transition(dossier, 'convention_pending', deps.clock),
    convention: { generatedAt: at, key: conventionKey(id) },
    ...(options.exceptional ? { exceptional: true } : {}),
  };
  const saved = await commitDossier(
    deps,
    stored,
    next,
    [{ type: 'instruction_completed', actor: actorOf(caller), data: { exceptional: options.exceptional ?? false } }],
    {
      outbox: company
        ? [
            outboxMessage(
              `dossier:${id}:convention`,
              'convention_ready',
              companyRecipients(company),
              aboutDossier(dossier),
              at,
              id,
            ),
          ]
        : [],
    },
  );
  await notifyWorkflow(deps, id, 'instruction_completed');
  return saved;
};

/**
 * The collège technique decides: certified, certified with reservations (listed) or refused
 * (reasons required). The company is notified by mail; a certificate is issued when certified.
 */
export const collegeDecision = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  input: {
    decision: 'certified' | 'certified_with_reservations' | 'refused';
    reasons?: string[];
    reservations?: string[];
  },
) => {
  requireRole(caller, ['college']);
  const stored = await deps.dossiers.get(id);
  if (!stored) throw new NotFoundError('no such dossier');
  if (stored.dossier.status !== 'college_pending')
    throw new ConflictError(`the collège decides on dossiers ready for it (this one is ${stored.dossier.status})`);
  const at = deps.clock.now().toISOString();
  const decision = {
    decision: input.decision,
    decidedAt: at,
    decidedBy: caller.sub,
    ...(input.reasons ? { reasons: input.reasons } : {}),
  };
  if (input.decision === 'refused') {
    const company = await deps.companies.get(stored.dossier.companyId);
    const next = { ...transition(stored.dossier, 'refused', deps.clock), decision };
    const saved = await commitDossier(
      deps,
      stored,
      next,
      [{ type: 'college_refused', actor: actorOf(caller), data: { reasons: input.reasons } }],
      {
        outbox: company
          ? [
              outboxMessage(
                `dossier:${id}:refused`,
                'dossier_refused',
                companyRecipients(company),
                { ...aboutDossier(stored.dossier), reasons: input.reasons!.join(' ; ') },
                at,
                id,
              ),
            ]
          : [],
      },
    );
    await notifyWorkflow(deps, id, 'decided');
    return { dossier: saved.dossier };
  }
  const reservations = input.decision === 'certified_with_reservations' ? input.reservations : undefined;
  const { saved, certificate } = await grantCertificate(
    deps,
    { ...stored, dossier: { ...stored.dossier, decision } },
    {
      grantedBy: 'college',
      ...(reservations ? { reservations } : {}),
      actor: actorOf(caller),
      data: { decision: input.decision },
    },
  );
  await notifyWorkflow(deps, id, 'decided');
  return { dossier: saved.dossier, certificate };
};
