import type { SignatureProof } from '../convention-signature';
import { appealUntil, decisionNotification, notified, openNotification } from './notifications';
import { actorOf, type Caller } from '../caller';
import type { CalendarPolicy } from '../calendar';
import { resumeDecisionClock } from '../decision-clock';
import { newDecision, type COLLEGE_OUTCOMES, type Decision } from '../decision';
import { assertAllowed } from '../dossier-commands';
import { mailToCompany, type RuleChange, type EventDraft } from '../rule-change';
import { transition, withDeadlines } from '../dossier';
import type { Dossier } from '../dossier-model';
import { BusinessRuleError, ConflictError } from '../errors';
import type { Actor } from '../journal';
import { conventionJob, conventionKey } from './instruction';
import { applicableSections, type Catalogue } from '../catalogue';
import { exceptionalRegimeEnd } from '../certificate-life';
import { requirementReview } from '../evidence';
import type { Upload } from '../upload';

/** The convention of a certificate granted by silence, signed: the certificate's term moves to it. */
export type TacitSignature = RuleChange & { conventionTermFrom: Date };
export const isTacitSignature = (outcome: RuleChange | GrantIntent | TacitSignature): outcome is TacitSignature =>
  'conventionTermFrom' in outcome;

/**
 * What the collège's or the signature's rule asks the use case to do when the outcome is a
 * certificate: grant it (a number, the certificate record, the PDF — the use case's work) on
 * this dossier, with these events first.
 */
export interface GrantIntent {
  grant: {
    dossier: Dossier;
    reservations: string[];
    actor: Actor;
    data: Record<string, unknown>;
    before?: EventDraft[];
  };
  wake: string;
}

export type CollegeInput = {
  decision: (typeof COLLEGE_OUTCOMES)[number];
  reasons?: string[];
  reservations?: string[];
};

const TACIT = 'Code de la santé publique, art. R.1470-4';

/**
 * The collège technique decides (guide §5.4), with reasons and the means of appeal (R.1470-4):
 * on a favourable report, certified, certified with reservations or refused; on an unfavourable
 * one, refused or certified with reservations — the convention is then sent and the certificate
 * issued when the company signs (`certified` → 422). Once silence was acceptance: 409.
 */
export const collegeDecision = (
  dossier: Dossier,
  input: CollegeInput,
  caller: Caller,
  now: Date,
  policy: CalendarPolicy & { exceptionalExpiresOn?: string },
  evidence?: { uploads: Upload[]; catalogue: Catalogue },
): RuleChange | GrantIntent => {
  if (dossier.decision?.outcome === 'tacit_acceptance' && dossier.status !== 'college_pending')
    throw new ConflictError(
      'the decision deadline has passed: silence was acceptance and the certificate is granted',
      undefined,
      TACIT,
    );
  assertAllowed('college_decision', dossier);
  const unfavourable = dossier.instructionReport?.outcome === 'unfavourable';
  if (unfavourable && input.decision === 'certified') {
    throw new BusinessRuleError(
      'the instruction report is unfavourable: the collège may refuse, or certify with reservations',
      [{ path: 'decision', message: 'must be "refused" or "certified_with_reservations"' }],
      'Guide de dépôt ANS §5.4',
    );
  }
  const at = now.toISOString();
  const decision: Decision = newDecision(input.decision, at, caller.sub, {
    ...(input.reasons ? { reasons: input.reasons } : {}),
    ...(input.decision === 'certified_with_reservations' && input.reservations
      ? { reservations: input.reservations }
      : {}),
  });
  const actor = actorOf(caller);

  if (input.decision === 'refused') {
    return notified(
      {
        dossier: { ...transition(dossier, 'refused', now), decision },
        events: [{ type: 'college_refused', actor, data: { reasons: input.reasons } }],
        mails: [
          mailToCompany(`dossier:${dossier.id}:refused`, 'dossier_refused', {
            reasons: input.reasons!.join(' ; '),
            appeal: decision.appeal,
          }),
        ],
        wake: 'decided',
      },
      'decision',
      now,
      policy,
    );
  }
  if (unfavourable) {
    // certified with reservations on an unfavourable report: the convention first, then the certificate
    return notified(
      {
        dossier: withDeadlines(
          {
            ...transition(dossier, 'convention_pending', now),
            decision,
            convention: { generatedAt: at, key: conventionKey(dossier.id) },
          },
          policy,
        ),
        events: [
          {
            type: 'college_certified_with_reservations',
            actor,
            data: { reservations: input.reservations, conventionFirst: true },
          },
        ],
        mails: [
          mailToCompany(`dossier:${dossier.id}:reservations`, 'college_reservations_convention', {
            reservations: input.reservations!.join(' ; '),
            appeal: decision.appeal,
          }),
        ],
        documents: [conventionJob(dossier.id, at)],
        wake: 'decided',
      },
      'decision',
      now,
      policy,
    );
  }
  // an exceptional report whose regime ended meanwhile: a regular certificate, if the whole file is
  // compliant (API.md [1.2]); never a number allocated for a grant that then fails
  const regimeOver =
    dossier.exceptional &&
    policy.exceptionalExpiresOn !== undefined &&
    now.getTime() > exceptionalRegimeEnd(policy.exceptionalExpiresOn).getTime();
  if (regimeOver) {
    const missing = evidence ? notCompliant(dossier, evidence.uploads, evidence.catalogue) : [];
    if (!evidence || missing.length)
      throw new BusinessRuleError(
        `the exceptional certificate regime ended on ${policy.exceptionalExpiresOn}: a regular certificate needs every applicable proof compliant`,
        missing,
        'Arrêté du 9 février 2024 (certificat exceptionnel)',
      );
  }
  return {
    grant: {
      dossier: { ...dossier, decision, ...(regimeOver ? { exceptional: false } : {}) },
      reservations: decision.reservations ?? [],
      actor,
      data: { decision: input.decision, ...(regimeOver ? { regularAfterExceptionalRegime: true } : {}) },
    },
    wake: 'decided',
  };
};

/** The applicable requirements whose latest evidence is not compliant, each as a field error. */
const notCompliant = (dossier: Dossier, uploads: Upload[], catalogue: Catalogue) =>
  applicableSections(catalogue, dossier.profiles)
    .flatMap((s) => s.requirements)
    .filter((r) => requirementReview(uploads, r.id) !== 'compliant')
    .map((r) => ({ path: `requirements.${r.id}`, message: `${r.id}: evidence not compliant` }));

/**
 * The company signs the convention (signatory, instant and user journaled); the product version
 * may be updated at this point and is then the one everywhere. After a favourable report the
 * collège's turn comes and the decision clock resumes with the time it had left; after the
 * collège certified with reservations, the signature issues the certificate.
 */
export const signConvention = (
  dossier: Dossier,
  input: { signatoryName: string; productVersion?: string },
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
  /** what the signature rests on (domain/convention-signature.ts), asked once the dossier may be signed */
  proofOf: () => SignatureProof,
): RuleChange | GrantIntent | TacitSignature => {
  const tacit = dossier.decision?.outcome === 'tacit_acceptance';
  assertAllowed(tacit ? 'sign_tacit_convention' : 'sign_convention', dossier);
  if (tacit && (!dossier.convention || dossier.convention.signedAt))
    throw new ConflictError('the convention of this certificate is already signed');
  const proof = proofOf();
  if (tacit && input.productVersion && input.productVersion !== dossier.product.version)
    throw new BusinessRuleError(
      `the certificate was granted for version ${dossier.product.version}: a new version is a substantial change`,
      [{ path: 'productVersion', message: `must be ${dossier.product.version}, or left out` }],
      'Guide de dépôt ANS §5.4',
    );
  const at = now.toISOString();
  const product = input.productVersion ? { ...dossier.product, version: input.productVersion } : dossier.product;
  const convention = {
    ...dossier.convention!,
    signedAt: at,
    signatoryName: input.signatoryName,
    signedBy: caller.sub,
    productVersion: product.version,
  };
  const actor = actorOf(caller);
  const signed: EventDraft = {
    type: 'convention_signed',
    actor,
    data: {
      signatoryName: input.signatoryName,
      signedAt: at,
      productVersion: product.version,
      previousVersion: dossier.product.version,
      // who, which document and how authenticated: the evidence file quotes these, the token dates them
      signedBy: caller.sub,
      ...proof,
    },
  };
  if (tacit) {
    // the certificate stands: its 5-year term now runs from the signature (API.md [1.2])
    return {
      dossier: { ...dossier, convention, updatedAt: at },
      events: [signed],
      conventionTermFrom: now,
    };
  }
  if (dossier.decision?.outcome === 'certified_with_reservations') {
    return {
      grant: {
        dossier: { ...dossier, product, convention },
        reservations: dossier.decision.reservations ?? [],
        actor,
        data: { decision: 'certified_with_reservations' },
        before: [signed],
      },
      wake: 'convention_signed',
    };
  }
  return {
    dossier: withDeadlines(
      resumeDecisionClock(
        { ...transition(dossier, 'college_pending', now), product, convention },
        now,
        'suspend',
        policy,
      ),
      policy,
    ),
    events: [signed],
    wake: 'convention_signed',
  };
};

/**
 * The company acknowledges the decision (R.1470-4 al. 2: a certain date of receipt): the instant
 * journaled and that event's hash quoted on the decision. A second acknowledgement changes
 * nothing (null).
 */
export const acknowledgeDecision = (
  dossier: Dossier,
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
): RuleChange | null => {
  if (!dossier.decision) throw new ConflictError('no decision has been taken on this dossier yet');
  if (dossier.decision.receivedAt) return null;
  // a decision notified (API.md [1.2]): acknowledging it is opening its notification
  const notification = decisionNotification(dossier);
  if (notification) {
    const opened = openNotification(dossier, notification.id, caller, now, policy);
    return (
      opened && {
        ...opened,
        dossier: { ...opened.dossier, decision: { ...opened.dossier.decision!, receivedBy: caller.sub } },
      }
    );
  }
  const at = now.toISOString();
  return {
    dossier,
    events: [
      {
        type: 'decision_received',
        actor: actorOf(caller),
        data: { outcome: dossier.decision.outcome, receivedAt: at },
      },
    ],
    afterJournal: (journal, d) => ({
      dossier: {
        ...d,
        decision: {
          ...d.decision!,
          receivedAt: at,
          receivedBy: caller.sub,
          appealUntil: appealUntil(at, policy),
          receiptHash: journal.at(-1)!.hash,
        },
      },
    }),
  };
};

export const isGrant = (outcome: RuleChange | GrantIntent): outcome is GrantIntent => 'grant' in outcome;
