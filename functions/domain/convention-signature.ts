import type { Caller } from './caller';
import { documentJob, signatureEvidenceKey, type DocumentJob } from './document-job';
import { ConflictError, ReauthenticationRequiredError } from './errors';
import type { JournalEvent } from './journal';

/**
 * The convention's signature (issue 24). The signatory signs what they read: the SHA-256 of the
 * sealed convention PDF, stated by the platform and, when the client sends it, checked against
 * the one the person saw. They sign only just after proving who they are — a sign-in with the
 * pool's mandatory second factor at most `SIGNATURE_MAX_AUTH_AGE_SECONDS` ago (RFC 9470's
 * step-up: an older session is asked to sign in again). The journal keeps who, when, which hash
 * and how authenticated; that event is timestamped, and an evidence file is issued and sealed.
 *
 * eIDAS: an electronic signature (art. 3(10)) backed by strong authentication, a sealed and
 * timestamped evidence file — not an advanced one (art. 26): the signing key is the platform's
 * seal, not under the signatory's sole control. A qualified signature provider behind the same
 * step (README, « Proof ») would make it advanced or qualified.
 */
export const SIGNATURE_MAX_AUTH_AGE_SECONDS = 15 * 60;

export interface SignatureProof {
  /** SHA-256 (hex) of the convention PDF signed */
  conventionSha256: string;
  /** when the signatory last proved who they are (the token's `auth_time`) */
  authenticatedAt: string;
  /** how: the user pool requires a second factor on every sign-in */
  authentication: 'password_and_second_factor';
}

/** The proof a signature rests on, or the reason it cannot be given now. */
export const signatureProof = (
  caller: Caller,
  now: Date,
  convention: { sha256: string | null },
  claimedSha256?: string,
): SignatureProof => {
  const authenticatedAt = caller.authenticatedAt ? new Date(caller.authenticatedAt) : undefined;
  if (!authenticatedAt || now.getTime() - authenticatedAt.getTime() > SIGNATURE_MAX_AUTH_AGE_SECONDS * 1000)
    throw new ReauthenticationRequiredError(
      `signing the convention needs a sign-in of less than ${SIGNATURE_MAX_AUTH_AGE_SECONDS / 60} minutes: sign in again, then sign`,
      SIGNATURE_MAX_AUTH_AGE_SECONDS,
    );
  if (!convention.sha256) throw new ConflictError('the convention is being generated: download it, then sign');
  if (claimedSha256 && claimedSha256.toLowerCase() !== convention.sha256)
    throw new ConflictError('the convention you read is not the current one: download it again, then sign');
  return {
    conventionSha256: convention.sha256,
    authenticatedAt: authenticatedAt.toISOString(),
    authentication: 'password_and_second_factor',
  };
};

/** A convention signed in this change asks for its evidence file (rendered and sealed by the renderer). */
export const signatureEvidenceJobs = (events: JournalEvent[], createdAt: string): DocumentJob[] =>
  events
    .filter((e) => e.type === 'convention_signed')
    .map((e) =>
      documentJob(
        { kind: 'signature-evidence', dossierId: e.dossierId, key: signatureEvidenceKey(e.dossierId), at: e.at },
        createdAt,
      ),
    );
