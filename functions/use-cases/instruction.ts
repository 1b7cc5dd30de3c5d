import { releaseCharge, takeInCharge } from '../domain/dossier-rules/assignment';
import { signatureProof } from '../domain/convention-signature';
import { decisionKey, receiptKey, signatureEvidenceKey } from '../domain/document-job';
import { assertCanSee, type Caller } from '../domain/caller';
import { NotFoundError } from '../domain/errors';
import type { Review } from '../domain/upload';
import * as rules from '../domain/dossier-rules/instruction';
import { isGrant, isTacitSignature, signConvention as sign } from '../domain/dossier-rules/decision';
import { conventionTermFrom } from '../domain/certificate-life';
import { scheduleCertificateClock } from './certificate-life';
import { closeUnsigned, withdraw } from '../domain/dossier-rules/candidature';
import type { Dependencies } from '../container';
import { commitChange } from './commit-dossier';
import { DOWNLOAD_URL_TTL_SECONDS } from './evidence';
import { notifyWorkflow } from './notify-workflow';
import { loadDossier, loadOwnDossier, loadDossierWithUploads } from './legal-effects';
import { grantCertificate } from './grant-certificate';
import { assertRendered } from './document-ready';

/**
 * Use cases of instruction (guide §5.2–5.3): proof reviews, the INS test day (proposal, outcome or
 * waiver), the convention (download, signature), withdrawal by the candidate. Their rules are in
 * domain/dossier-rules/instruction.ts and decision.ts.
 * Steps (every command): load with the legal effects due applied (another company's dossier is a
 * 404) → rule (409/422) → commit with journal and mail → wake the workflow when a clock changes.
 */

/** A verdict on one piece of evidence, with a comment the candidate sees. */
export const reviewProof = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  uploadId: string,
  input: { verdict: Review['verdict']; comment?: string },
) => {
  const loaded = await loadDossierWithUploads(deps, id);
  if (!loaded) throw new NotFoundError('no such dossier');
  const upload = loaded.uploads.find((u) => u.id === uploadId);
  const change = rules.reviewProof(loaded.stored.dossier, upload, input, caller, deps.clock.now());
  await commitChange(deps, loaded.stored, change);
  return { uploadId, requirementId: change.upload.requirementId, review: change.review };
};

/** The company proposes its INS test day, within the 4 weeks after the complete file (guide §5.2). */
export const proposeInsTestDay = async (deps: Dependencies, caller: Caller, id: string, proposedDate: string) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  return commitChange(deps, stored, rules.proposeInsTestDay(dossier, proposedDate, caller, deps.clock.now()));
};

/** The instructor records how the INS test day went, or waives it (a reason required). */
export const recordInsTestOutcome = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  input: { outcome: 'passed' | 'failed' | 'waived'; heldOn?: string; comment?: string },
) => {
  const stored = await loadDossier(deps, id);
  if (!stored) throw new NotFoundError('no such dossier');
  return commitChange(
    deps,
    stored,
    rules.recordInsTestOutcome(stored.dossier, input, caller, deps.clock.now(), deps.calendar),
  );
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
 * A notified act as a sealed PDF: the acknowledgement of the complete file, or the decision (with
 * its reasons and the means of appeal). 404 before the act, 409 while it is being rendered.
 */
export const downloadNotifiedAct = async (deps: Dependencies, caller: Caller, id: string, kind: string) => {
  const stored = await deps.dossiers.get(id);
  const dossier = assertCanSee(caller, stored?.dossier);
  const key =
    kind === 'receipt'
      ? dossier.receipt && receiptKey(id)
      : kind === 'decision'
        ? dossier.decision && decisionKey(id, dossier.decision.decidedAt)
        : undefined;
  if (kind !== 'receipt' && kind !== 'decision') throw new NotFoundError('documents are « receipt » or « decision »');
  if (!key)
    throw new NotFoundError(
      `this dossier has no ${kind === 'receipt' ? 'receipt of a complete file' : 'decision'} yet`,
    );
  await assertRendered(deps, key);
  const name = kind === 'receipt' ? `accuse-de-reception-${id}.pdf` : `decision-${id}.pdf`;
  const url = await deps.storage.presignGet('evidence', key, name, DOWNLOAD_URL_TTL_SECONDS);
  return { url, expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
};

/**
 * The convention signature's evidence file (who, when, which hash, how authenticated), sealed:
 * for the company and ANS. 404 before any signature, 409 while it is being rendered.
 */
export const downloadSignatureEvidence = async (deps: Dependencies, caller: Caller, id: string) => {
  const stored = await deps.dossiers.get(id);
  const dossier = assertCanSee(caller, stored?.dossier);
  if (!dossier.convention?.signedAt) throw new NotFoundError('the convention of this dossier is not signed');
  const key = signatureEvidenceKey(id);
  await assertRendered(deps, key);
  const url = await deps.storage.presignGet('evidence', key, `preuve-signature-${id}.pdf`, DOWNLOAD_URL_TTL_SECONDS);
  return { url, expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
};

/**
 * The company signs the convention; after the collège certified with reservations, the signature
 * issues the certificate.
 */
export const signConvention = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  input: { signatoryName: string; productVersion?: string; conventionSha256?: string },
) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  // the hash of the sealed convention as stored (S3 keeps the SHA-256 it was written with)
  const stat = dossier.convention?.key ? await deps.storage.inspect('evidence', dossier.convention.key) : null;
  const sha256 = stat ? Buffer.from(stat.sha256, 'base64').toString('hex') : null;
  const now = deps.clock.now();
  const { conventionSha256: claimed, ...signature } = input;
  const outcome = sign(dossier, signature, caller, now, deps.calendar, () =>
    signatureProof(caller, now, { sha256 }, claimed),
  );
  if (isTacitSignature(outcome)) {
    // a certificate granted by silence: its convention's 5-year term runs from this signature
    const certificate = await deps.certificates.get(dossier.certificate!.number);
    if (!certificate) throw new Error(`certificate ${dossier.certificate!.number} is missing`);
    const conventionTermAt = conventionTermFrom(outcome.conventionTermFrom, deps.calendar).toISOString();
    const next = { ...certificate, conventionTermAt, updatedAt: deps.clock.now().toISOString() };
    const { conventionTermFrom: _from, ...change } = outcome;
    const saved = await commitChange(
      deps,
      stored,
      { ...change, dossier: { ...change.dossier, certificate: { ...change.dossier.certificate!, conventionTermAt } } },
      { certificates: [next] },
    );
    await scheduleCertificateClock(deps, next);
    return saved;
  }
  if (!isGrant(outcome)) return commitChange(deps, stored, outcome);
  const { dossier: signed, ...grant } = outcome.grant;
  const { saved } = await grantCertificate(deps, { ...stored, dossier: signed }, { grantedBy: 'college', ...grant });
  await notifyWorkflow(deps, id, outcome.wake);
  return saved;
};

/** The candidate withdraws its candidature at any open stage. */
export const withdrawDossier = async (deps: Dependencies, caller: Caller, id: string) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  return commitChange(deps, stored, withdraw(dossier, caller, deps.clock.now()));
};

/** An instructor closes a dossier whose convention went unsigned for six months (reasons, appeal). */
export const closeUnsignedDossier = async (deps: Dependencies, caller: Caller, id: string, reasons: string[]) => {
  const stored = await loadDossier(deps, id);
  if (!stored) throw new NotFoundError('no such dossier');
  return commitChange(deps, stored, closeUnsigned(stored.dossier, reasons, caller, deps.clock.now(), deps.calendar));
};

/** An instructor takes a dossier in charge, or gives it back (« je prends ce dossier »). */
export const assignDossier = async (deps: Dependencies, caller: Caller, id: string, action: 'take' | 'release') => {
  const stored = await loadDossier(deps, id);
  if (!stored) throw new NotFoundError('no such dossier');
  const change =
    action === 'take' ? takeInCharge(stored.dossier, caller, deps.clock.now()) : releaseCharge(stored.dossier, caller);
  return change ? commitChange(deps, stored, change) : stored;
};
