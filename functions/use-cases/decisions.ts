import type { Caller } from '../domain/caller';
import { NotFoundError } from '../domain/errors';
import {
  acknowledgeDecision as acknowledge,
  collegeDecision as decide,
  isGrant,
  type CollegeInput,
} from '../domain/dossier-rules/decision';
import { completeInstruction as complete, type InstructionReport } from '../domain/dossier-rules/instruction';
import type { Dependencies } from '../container';
import { commitChange } from './commit-dossier';
import { grantCertificate } from './grant-certificate';
import { notifyWorkflow } from './notify-workflow';
import { loadDossierWithUploads, loadOwnDossier, referentialOf } from './legal-effects';

export { conventionKey } from '../domain/dossier-rules/instruction';
export type { CollegeInput, InstructionReport };

/**
 * Closes instruction with its report (rule: domain/dossier-rules/instruction.ts).
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
  const referential = await referentialOf(deps, stored.dossier);
  const policy = { ...deps.calendar, exceptionalExpiresOn: deps.exceptionalExpiresOn };
  return commitChange(
    deps,
    stored,
    complete(stored.dossier, uploads, referential.catalogue, options, caller, deps.clock.now(), policy),
  );
};

/**
 * The collège technique decides (rule: domain/dossier-rules/decision.ts); a certificate, when
 * one is granted, is issued here. Input: dossier id, decision. Output: the dossier, and the
 * certificate when one is issued.
 */
export const collegeDecision = async (deps: Dependencies, caller: Caller, id: string, input: CollegeInput) => {
  const loaded = await loadDossierWithUploads(deps, id);
  if (!loaded) throw new NotFoundError('no such dossier');
  const { stored, uploads } = loaded;
  const evidence = stored.dossier.exceptional
    ? { uploads, catalogue: (await referentialOf(deps, stored.dossier)).catalogue }
    : undefined;
  const policy = { ...deps.calendar, exceptionalExpiresOn: deps.exceptionalExpiresOn };
  const outcome = decide(stored.dossier, input, caller, deps.clock.now(), policy, evidence);
  if (!isGrant(outcome)) return { dossier: (await commitChange(deps, stored, outcome)).dossier };
  const { dossier, ...grant } = outcome.grant;
  const { saved, certificate } = await grantCertificate(
    deps,
    { ...stored, dossier },
    { grantedBy: 'college', ...grant },
  );
  await notifyWorkflow(deps, id, outcome.wake);
  return { dossier: saved.dossier, certificate };
};

/**
 * The company acknowledges the decision (R.1470-4 al. 2: a certain date of receipt); a second
 * acknowledgement changes nothing. Input: dossier id. Output: the decision with `receivedAt`.
 */
export const acknowledgeDecision = async (deps: Dependencies, caller: Caller, id: string) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  const change = acknowledge(dossier, caller, deps.clock.now(), deps.calendar);
  if (!change) return dossier.decision!;
  return (await commitChange(deps, stored, change)).dossier.decision!;
};
