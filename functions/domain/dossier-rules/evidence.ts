import { actorOf, type Caller } from '../caller';
import { legalDeadline, type CalendarPolicy } from '../calendar';
import { applicableSections, findRequirement, isApplicable, type Catalogue, type Requirement } from '../catalogue';
import { candidatureDocumentsMayChange } from '../candidature-documents';
import { INS_TEST_DAY_PERIOD } from '../clocks';
import { startDecisionClock } from '../decision-clock';
import { assertAllowed } from '../dossier-commands';
import { mailToCompany, type RuleChange } from '../rule-change';
import { touchedByCandidate, transition, withDeadlines } from '../dossier';
import type { Dossier } from '../dossier-model';
import { isFileComplete, isReopened, sectionGaps } from '../evidence';
import { BusinessRuleError, ConflictError, NotFoundError } from '../errors';
import type { Upload } from '../upload';

/**
 * When a proof may be deposited for a requirement (guide §5.1): once the candidature is
 * admissible, for a requirement the profiles make applicable, while its section is not handed in;
 * during instruction only after a non-compliant verdict reopened it. Returns the requirement.
 */
export const evidenceRequirement = (
  dossier: Dossier,
  catalogue: Catalogue | undefined,
  requirementId: string,
  /** the dossier's uploads: read only during instruction, where a reopened requirement counts */
  uploads: Upload[],
): Requirement => {
  assertAllowed('deposit_evidence', dossier);
  const requirement = catalogue && findRequirement(catalogue, requirementId);
  if (!requirement || !isApplicable(requirement, dossier.profiles)) {
    throw new BusinessRuleError(`the requirement ${requirementId} does not apply to this dossier's profiles`, [
      { path: 'requirementId', message: 'not an applicable requirement of the dossier' },
    ]);
  }
  if (dossier.status === 'proofs_deposit' && dossier.sections?.[requirement.section]?.status === 'submitted') {
    throw new ConflictError(`the section ${requirement.section} was handed in: its evidence can no longer change`);
  }
  if (dossier.status === 'instruction' && !isReopened(uploads, requirement.id)) {
    throw new ConflictError(
      `the evidence of ${requirement.id} is under review: new evidence is taken only after a non-compliant verdict`,
    );
  }
  return requirement;
};

/**
 * Hands in a section's evidence (guide §5.1): applicable, not yet handed in, every requirement
 * evidenced (else 422 naming them). The last section makes the file complete (R.1470-4): the
 * acknowledgement of receipt dated with certainty by its journal event (seq and hash quoted on
 * the dossier and in the mail), status `instruction`, the 6-month decision clock and the 4-week
 * INS test-day clock.
 */
export const handInSection = (
  dossier: Dossier,
  uploads: Upload[],
  catalogue: Catalogue,
  sectionId: string,
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
): RuleChange & { complete: boolean } => {
  assertAllowed('hand_in_section', dossier);
  const section = applicableSections(catalogue, dossier.profiles).find((s) => s.id === sectionId);
  if (!section) throw new NotFoundError(`no applicable section ${sectionId}`);
  if (dossier.sections?.[sectionId]) throw new ConflictError(`the section ${sectionId} was already handed in`);
  const gaps = sectionGaps(section.requirements, uploads);
  if (gaps.length)
    throw new BusinessRuleError(`the section ${sectionId} has requirements without received evidence`, gaps);

  const at = now.toISOString();
  const handedIn = touchedByCandidate(
    {
      ...dossier,
      sections: { ...dossier.sections, [sectionId]: { status: 'submitted', submittedAt: at, submittedBy: caller.sub } },
    },
    now,
  );
  const actor = actorOf(caller);
  const events = [
    { type: 'section_submitted', actor, data: { sectionId, requirements: section.requirements.map((r) => r.id) } },
  ];
  if (!isFileComplete(catalogue, handedIn)) return { dossier: handedIn, events, complete: false };

  const decisionClock = startDecisionClock(now, policy, catalogue.decisionPeriod);
  const { decisionDueAt } = decisionClock;
  const insTestDueAt = legalDeadline(now, INS_TEST_DAY_PERIOD, policy).toISOString();
  return {
    complete: true,
    dossier: { ...transition(handedIn, 'instruction', now), ...decisionClock, insTestDueAt },
    events: [
      ...events,
      {
        type: 'complete_file_acknowledged',
        actor,
        data: { receivedAt: at, decisionDueAt, insTestDueAt, legalBasis: 'R.1470-4' },
      },
    ],
    afterJournal: (journal, d) => {
      const receipt = journal.at(-1)!;
      return {
        dossier: withDeadlines({ ...d, receipt: { at, seq: receipt.seq, hash: receipt.hash } }, policy),
        mails: [
          mailToCompany(`dossier:${dossier.id}:complete`, 'complete_file_receipt', {
            at,
            dueAt: decisionDueAt,
            insTestDueAt,
            seq: receipt.seq,
            hash: receipt.hash,
          }),
        ],
      };
    },
    wake: 'complete_file',
  };
};

/**
 * The candidate takes a file back: a proof while its section is still open during evidence
 * deposit; a candidature document while the candidature may change (a draft, or an open request).
 */
export const withdrawFile = (
  dossier: Dossier,
  upload: Upload | undefined,
  catalogue: Catalogue | undefined,
  caller: Caller,
  now: Date,
): RuleChange & { withdrawn: Upload } => {
  if (!upload || upload.status === 'withdrawn') throw new NotFoundError('no such upload');
  if (upload.purpose === 'proof') {
    const section = catalogue?.requirements.find((r) => r.id === upload.requirementId)?.section;
    if (dossier.status !== 'proofs_deposit' || (section && dossier.sections?.[section])) {
      throw new ConflictError('this evidence was handed in with its section and can no longer be withdrawn');
    }
  } else if (upload.purpose === 'attachment') {
    if (upload.messageId) throw new ConflictError('this file was sent with a message and stays with it');
  } else if (!candidatureDocumentsMayChange(dossier)) {
    throw new ConflictError(
      'candidature documents can be withdrawn only while the candidature is a draft or an information request asks for them',
    );
  }
  const withdrawn: Upload = { ...upload, status: 'withdrawn', withdrawnAt: now.toISOString() };
  return {
    withdrawn,
    dossier: touchedByCandidate(dossier, now),
    events: [
      { type: 'upload_withdrawn', actor: actorOf(caller), data: { uploadId: upload.id, purpose: upload.purpose } },
    ],
    uploads: [withdrawn],
  };
};
