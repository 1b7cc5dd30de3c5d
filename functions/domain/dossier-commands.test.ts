import { describe, expect, it } from 'vitest';
import { candidatureBody } from '../../test/support/api-client';
import type { Caller } from './caller';
import { defaultCalendarPolicy } from './calendar';
import { createDossier } from './dossier';
import { DOSSIER_COMMANDS, isAllowed, type DossierCommand } from './dossier-commands';
import { DOSSIER_STATUSES, OPEN_STATUSES, type Dossier, type DossierStatus } from './dossier-model';
import { ConflictError } from './errors';
import { closeUnsigned, submit, withdraw } from './dossier-rules/candidature';
import { completeInstruction, proposeInsTestDay, recordInsTestOutcome, reviewProof } from './dossier-rules/instruction';
import { collegeDecision, signConvention } from './dossier-rules/decision';
import { decideAdmissibility } from './dossier-rules/admissibility';
import { requestInformation } from './dossier-rules/information-requests';
import { evidenceRequirement, handInSection } from './dossier-rules/evidence';
import { patchDossier, TRANSITIONS } from './dossier';
import { takeInCharge } from './dossier-rules/assignment';

const now = new Date('2027-03-01T09:00:00Z');
const staff: Caller = { sub: 'staff-1', roles: ['instructor', 'college'] };
const candidate: Caller = { sub: 'cand-1', roles: ['candidate'], ensId: 'c1' };
const draft = createDossier(candidatureBody('Produit') as never, 'c1', 'cand-1', now, 'd1');
const inStatus = (status: DossierStatus): Dossier => ({
  ...draft,
  status,
  convention: { generatedAt: now.toISOString(), key: 'k' },
});
const policy = { ...defaultCalendarPolicy, exceptionalExpiresOn: '2030-01-01' };
const catalogue = { sections: [], requirements: [] } as never;
const matrix = { needsNieNil: [], useCases: {} } as never;

const proof = () => ({
  conventionSha256: 'ab'.repeat(32),
  authenticatedAt: now.toISOString(),
  authentication: 'password_and_second_factor' as const,
});

/** Each rule, asked on a dossier in a given status, with otherwise plausible input. */
const RULES: Record<DossierCommand, ((d: Dossier) => unknown) | undefined> = {
  edit: (d) => patchDossier(d, {}, now),
  submit: (d) => submit(d, [], matrix, candidate, now),
  deposit_candidature_document: undefined, // upload.ts PURPOSE_STATUSES, tested with uploads
  decide_admissibility: (d) => decideAdmissibility(d, [], { decision: 'admissible' }, staff, now, policy, 'r1'),
  open_info_request: (d) => requestInformation(d, { requestId: 'r1', missingItems: ['x'] }, staff, now, policy),
  deposit_evidence: (d) => evidenceRequirement(d, catalogue, 'r1', []),
  hand_in_section: (d) => handInSection(d, [], catalogue, 's1', candidate, now, policy),
  review_proof: (d) => reviewProof(d, undefined, { verdict: 'compliant' }, staff, now),
  propose_ins_test_day: (d) => proposeInsTestDay(d, '2027-03-10', candidate, now),
  record_ins_test_outcome: (d) => recordInsTestOutcome(d, { outcome: 'waived', comment: 'ok' }, staff, now, policy),
  complete_instruction: (d) => completeInstruction(d, [], catalogue, { outcome: 'unfavourable' }, staff, now, policy),
  sign_convention: (d) => signConvention(d, { signatoryName: 'A B' }, candidate, now, policy, proof),
  sign_tacit_convention: (d) =>
    signConvention(
      {
        ...d,
        decision: { outcome: 'tacit_acceptance', decidedAt: now.toISOString(), decidedBy: 'system', appeal: '' },
      },
      { signatoryName: 'A B' },
      candidate,
      now,
      policy,
      proof,
    ),
  college_decision: (d) => collegeDecision(d, { decision: 'refused', reasons: ['r'] }, staff, now, policy),
  close_unsigned: (d) => closeUnsigned(d, ['non signée'], staff, now, policy),
  post_message: undefined, // messages use case
  assign: (d) => takeInCharge(d, staff, now),
  withdraw: (d) => withdraw(d, candidate, now),
};

const statusRefusal = (run: () => unknown, status: DossierStatus) => {
  try {
    run();
    return false;
  } catch (error) {
    return error instanceof ConflictError && error.message.endsWith(`(the dossier is ${status})`);
  }
};

describe('which command a dossier accepts in which status', () => {
  it('asks commands only of open dossiers, and each status it names can reach a status the command leads to', () => {
    // the one exception: silence certified the file before its convention was signed (API.md [1.2]);
    // the signature changes the certificate's term, not the dossier's status
    const onCertified: DossierCommand[] = ['sign_tacit_convention'];
    for (const [command, { when }] of Object.entries(DOSSIER_COMMANDS).filter(
      ([c]) => !onCertified.includes(c as DossierCommand),
    ))
      for (const status of when) {
        expect(OPEN_STATUSES, `${command} in ${status}`).toContain(status);
        expect(TRANSITIONS[status].length, `${command} in ${status}`).toBeGreaterThan(0);
      }
  });

  for (const [command, rule] of Object.entries(RULES).filter(([, r]) => r) as [
    DossierCommand,
    (d: Dossier) => unknown,
  ][])
    it(`${command}: refused in exactly the statuses the table leaves out, saying which status the dossier is in`, () => {
      for (const status of DOSSIER_STATUSES) {
        const refused = statusRefusal(() => rule(inStatus(status)), status);
        expect(refused, `${command} in ${status}`).toBe(!isAllowed(command, status));
      }
    });
});
