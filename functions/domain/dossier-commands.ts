import { ConflictError } from './errors';
import { OPEN_STATUSES, type Dossier, type DossierStatus } from './dossier-model';

/**
 * Which command a dossier accepts in which status — the one table (guide §4–5). A command asked
 * in any other status is a 409 that says when it is possible. The transitions a command may make
 * are `TRANSITIONS` (dossier.ts); this table says when it may be asked at all.
 */
export const DOSSIER_COMMANDS = {
  edit: { when: ['draft'], refusal: 'the candidature can only be edited while draft' },
  submit: { when: ['draft'], refusal: 'only a draft can be submitted' },
  deposit_candidature_document: {
    when: ['draft', 'admissibility_review'],
    refusal: 'candidature documents are deposited while the candidature is a draft or under admissibility review',
  },
  decide_admissibility: {
    when: ['admissibility_review'],
    refusal: 'admissibility is decided while the dossier is admissibility_review',
  },
  open_info_request: {
    when: ['admissibility_review', 'instruction'],
    refusal: 'an information request is opened during admissibility review or instruction',
  },
  deposit_evidence: {
    when: ['proofs_deposit', 'instruction'],
    refusal: 'evidence is deposited once the candidature is admissible',
  },
  hand_in_section: { when: ['proofs_deposit'], refusal: 'sections are handed in during evidence deposit' },
  review_proof: { when: ['instruction'], refusal: 'evidence is reviewed during instruction' },
  propose_ins_test_day: { when: ['instruction'], refusal: 'the INS test day is organised during instruction' },
  record_ins_test_outcome: { when: ['instruction'], refusal: 'the INS test day belongs to instruction' },
  complete_instruction: { when: ['instruction'], refusal: 'instruction is not under way' },
  sign_convention: { when: ['convention_pending'], refusal: 'the convention is signed while convention_pending' },
  // silence certified the file before any convention was signed: it is sent then (API.md [1.2])
  sign_tacit_convention: {
    when: ['certified'],
    refusal: 'a certificate granted by tacit acceptance has its convention signed once certified',
  },
  college_decision: {
    when: ['college_pending'],
    refusal: 'the collège decides on dossiers ready for it',
  },
  close_unsigned: {
    when: ['convention_pending'],
    refusal: 'only a dossier whose convention awaits signature can be closed for want of it',
  },
  post_message: { when: OPEN_STATUSES, refusal: 'the thread of a closed dossier is closed' },
  assign: { when: OPEN_STATUSES, refusal: 'only an open dossier is taken in charge' },
  withdraw: { when: OPEN_STATUSES, refusal: 'only an open candidature can be withdrawn' },
} as const satisfies Record<string, { when: readonly DossierStatus[]; refusal: string }>;

export type DossierCommand = keyof typeof DOSSIER_COMMANDS;

export const isAllowed = (command: DossierCommand, status: DossierStatus) =>
  (DOSSIER_COMMANDS[command].when as readonly DossierStatus[]).includes(status);

/** The 409 of a command asked in the wrong status, with the status the dossier is in. */
export const assertAllowed = (command: DossierCommand, dossier: Pick<Dossier, 'status'>, legalBasis?: string) => {
  if (!isAllowed(command, dossier.status))
    throw new ConflictError(
      `${DOSSIER_COMMANDS[command].refusal} (the dossier is ${dossier.status})`,
      undefined,
      legalBasis,
    );
};
