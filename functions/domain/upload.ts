import { randomUUID } from 'node:crypto';
import { ALLOWED_CONTENT_TYPES, MAX_UPLOAD_BYTES, MULTIPART_PART_BYTES, partCount } from './upload-rules';
import type { Dossier } from './dossier';
import { OPEN_STATUSES } from './dossier-model';
import {
  BusinessRuleError,
  ConflictError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  TooManyRequestsError,
} from './errors';
import type { UploadRequest } from './schemas';
import { UPLOAD_PURPOSES, type UploadPurpose } from './upload-purposes';

export { UPLOAD_PURPOSES, type UploadPurpose };

/**
 * A file the candidate hands in. The browser sends it straight to storage through a presigned
 * PUT that signs its type, exact length and SHA-256; the upload only counts once storage holds
 * an object whose size and SHA-256 match what was announced.
 */
export const UPLOAD_STATUSES = ['pending', 'received', 'rejected', 'withdrawn'] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

export interface Upload {
  id: string;
  dossierId: string;
  purpose: UploadPurpose;
  requirementId?: string;
  /** the information request an `answer` file is joined to */
  requestId?: string;
  /** the group member a mandate is from (its SIRET or declared name) */
  groupMember?: string;
  fileName: string;
  contentType: string;
  size: number;
  /** base64 of the SHA-256 announced by the candidate */
  sha256: string;
  /** which bucket: sensitive evidence (penetration tests) has its own bucket and key */
  store: 'evidence' | 'sensitive';
  key: string;
  status: UploadStatus;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  receivedAt?: string;
  rejectedAt?: string;
  rejectedReason?: string;
  withdrawnAt?: string;
  /** an `attachment` once sent with a message: it stays with that message */
  messageId?: string;
  /**
   * A file sent in parts (above MULTIPART_THRESHOLD_BYTES): each part's announced SHA-256, in order,
   * and storage's id of the multipart upload. It lands once the service completes it, its parts
   * checked against these digests; the whole file's SHA-256 is checked as for any upload.
   */
  multipart?: MultipartTransfer;
  /** malware scan of the stored object (GuardDuty Malware Protection for S3 in AWS) */
  scan?: { status: ScanStatus; at: string };
  /** the latest review; `reviews` keeps them all */
  review?: Review;
  reviews?: Review[];
}

/**
 * `pending` until GuardDuty reports; its verdicts as it states them; `not_scanned` where no
 * scanner runs (the local stack): shown as such, never as clean.
 */
export const SCAN_STATUSES = [
  'pending',
  'NO_THREATS_FOUND',
  'THREATS_FOUND',
  'UNSUPPORTED',
  'ACCESS_DENIED',
  'FAILED',
  'not_scanned',
] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** Why ANS staff may not open a received file yet, or null when they may. */
export const scanBlocksStaff = (upload: Upload): string | null => {
  const status = upload.scan?.status ?? 'not_scanned';
  if (status === 'NO_THREATS_FOUND' || status === 'not_scanned') return null;
  if (status === 'pending') return 'the file is being scanned for malware: try again in a few minutes';
  if (status === 'THREATS_FOUND') return 'the scan found malware in this file: it stays quarantined';
  return `the malware scan could not conclude (${status}): ask the company for another file`;
};

export interface MultipartTransfer {
  partSize: number;
  /** base64 SHA-256 of part 1, 2, … */
  parts: string[];
  /** storage's id of the multipart upload (S3's UploadId) */
  storageId: string;
}

export interface Review {
  verdict: 'compliant' | 'non_compliant';
  comment?: string;
  by: string;
  at: string;
}

/**
 * A dossier's grants still open at once (issue 23: 40 grants of 200 MB were accepted in 0.6 s):
 * enough for a section deposited in one go, not for a flood of storage.
 */
export const MAX_PENDING_GRANTS = 20;
export const MAX_PENDING_BYTES = 1024 * 1024 * 1024;

/** Refuses a grant past the dossier's caps on grants still open (429: wait for them to land or expire). */
export const assertGrantCapacity = (uploads: readonly Upload[], size: number, now: Date) => {
  const open = uploads.filter((u) => u.status === 'pending' && Date.parse(u.expiresAt) > now.getTime());
  const bytes = open.reduce((sum, u) => sum + u.size, 0);
  if (open.length >= MAX_PENDING_GRANTS || bytes + size > MAX_PENDING_BYTES)
    throw new TooManyRequestsError(
      `this dossier already has ${open.length} uploads under way (${Math.round(bytes / 1024 / 1024)} MB): at most ${MAX_PENDING_GRANTS} and ${MAX_PENDING_BYTES / 1024 / 1024} MB at once — send them, or wait until their links expire`,
    );
};
export const UPLOAD_URL_TTL_SECONDS = 15 * 60;
/**
 * How long a file sent in parts may take, a bad connection included: its parts' links last 15
 * minutes each and are granted again on demand; storage drops an unfinished upload after a day.
 */
export const MULTIPART_WINDOW_SECONDS = 12 * 60 * 60;

/** Refuses part digests that do not cut the announced size in MULTIPART_PART_BYTES parts. */
const assertPartsFit = (request: UploadRequest) => {
  if (request.parts && request.parts.length !== partCount(request.size))
    throw new BusinessRuleError('the parts do not cut the file in parts of the agreed size', [
      {
        path: 'parts',
        message: `a file of ${request.size} bytes is sent in ${partCount(request.size)} parts of ${MULTIPART_PART_BYTES} bytes (the last one shorter)`,
      },
    ]);
};

/** What each purpose may be deposited for, by dossier status. */
export const PURPOSE_STATUSES: Record<UploadPurpose, readonly Dossier['status'][]> = {
  functional_documentation: ['draft', 'admissibility_review'],
  mandate: ['draft', 'admissibility_review'],
  proof: ['proofs_deposit', 'instruction'],
  // wherever a request is open: the file goes with the answer
  answer: ['admissibility_review', 'instruction'],
  // wherever the thread is open: the file goes with a message
  attachment: OPEN_STATUSES,
};

/** Only the file's last path segment, without control characters: it is shown, never used as a key. */
export { candidatureDocumentsMayChange } from './candidature-documents';

export const displayName = (fileName: string): string =>
  (fileName.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255) || 'fichier';

export const newUpload = (
  dossier: Dossier,
  request: UploadRequest,
  actor: string,
  instant: Date,
  options: { sensitive: boolean; candidateMayAct: boolean },
  id: string = randomUUID(),
): Upload => {
  if (request.size > MAX_UPLOAD_BYTES) {
    throw new PayloadTooLargeError(`files are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
  assertPartsFit(request);
  if (!ALLOWED_CONTENT_TYPES.includes(request.contentType)) {
    throw new UnsupportedMediaTypeError(
      `the content type ${request.contentType} is not accepted (PDF, images, office documents, archives, video)`,
    );
  }
  if (!PURPOSE_STATUSES[request.purpose].includes(dossier.status)) {
    throw new ConflictError(`a ${request.purpose} cannot be deposited while the dossier is ${dossier.status}`);
  }
  if (request.purpose === 'answer') {
    const open = dossier.infoRequests?.find((r) => r.status === 'open');
    if (!open || open.id !== request.requestId)
      throw new ConflictError('a file joins the answer to an open information request: name that request');
  } else if (
    request.purpose !== 'attachment' &&
    dossier.status === 'admissibility_review' &&
    !options.candidateMayAct
  ) {
    throw new ConflictError('documents can be deposited again only in answer to an information request');
  }
  if (request.purpose === 'mandate' && !dossier.group) {
    throw new BusinessRuleError('mandates are for a group lead: declare the group members first');
  }
  if (request.groupMember !== undefined && !dossier.group!.members.some((m) => isMember(m, request.groupMember!)))
    throw new BusinessRuleError('a mandate is from a member of the group', [
      { path: 'groupMember', message: `no member ${request.groupMember} in the group` },
    ]);
  const now = instant;
  return {
    id,
    dossierId: dossier.id,
    purpose: request.purpose,
    ...(request.requirementId ? { requirementId: request.requirementId } : {}),
    ...(request.purpose === 'answer' && request.requestId ? { requestId: request.requestId } : {}),
    ...(request.groupMember !== undefined ? { groupMember: request.groupMember } : {}),
    fileName: displayName(request.fileName),
    contentType: request.contentType,
    size: request.size,
    sha256: request.sha256,
    store: options.sensitive ? 'sensitive' : 'evidence',
    key: `dossiers/${dossier.id}/${request.purpose}/${id}`,
    status: 'pending',
    createdAt: now.toISOString(),
    createdBy: actor,
    expiresAt: new Date(
      now.getTime() +
        (sentInParts(request, options.sensitive) ? MULTIPART_WINDOW_SECONDS : UPLOAD_URL_TTL_SECONDS) * 1000,
    ).toISOString(),
  };
};

/**
 * Whether a file is sent in parts: asked for with `parts`, except sensitive evidence. S3 wants
 * kms:Decrypt on the bucket key from whoever sends or assembles parts, and the sensitive key lets
 * only the security reviewers' functions decrypt: a penetration test goes in one PUT (S3 takes
 * one PUT of up to 5 GB), its single grant answered to a client that asked for parts.
 */
export const sentInParts = (request: Pick<UploadRequest, 'parts'>, sensitive: boolean) =>
  request.parts !== undefined && !sensitive;

/** The parts to send (again): those storage does not hold with their announced SHA-256. */
export const partsToSend = (
  transfer: Pick<MultipartTransfer, 'parts'>,
  stored: readonly { partNumber: number; sha256?: string }[],
): number[] => {
  const held = new Map(stored.map((p) => [p.partNumber, p.sha256]));
  return transfer.parts.flatMap((digest, i) => (held.get(i + 1) === digest ? [] : [i + 1]));
};

/** A file sent in parts may still be sent: pending, within its window, its parts still in storage. */
export const assertPartsMayArrive = <P>(upload: Upload, now: Date, stored: P[] | null): P[] => {
  if (upload.status !== 'pending') throw new ConflictError(`this upload is already ${upload.status}`);
  if (Date.parse(upload.expiresAt) <= now.getTime())
    throw new ConflictError('this upload’s window has closed: ask for a new upload and send the file again');
  if (!stored) throw new ConflictError('storage no longer holds this upload’s parts: ask for a new upload');
  return stored;
};

/** The parts to assemble, in order, once storage holds every one with its announced SHA-256. */
export const partsToAssemble = <P extends { partNumber: number; sha256?: string }>(
  transfer: Pick<MultipartTransfer, 'parts'>,
  stored: readonly P[],
): P[] => {
  const missing = partsToSend(transfer, stored);
  if (missing.length)
    throw new ConflictError(`parts ${missing.join(', ')} are missing or differ from their announced SHA-256`, [
      { path: 'parts', message: `send parts ${missing.join(', ')} again, then complete the upload` },
    ]);
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
  return transfer.parts.map((_, i) => byNumber.get(i + 1)!);
};

export interface StoredObject {
  size: number;
  sha256: string;
  contentType?: string;
}

/** Why the stored object is not the announced file, or null when it is. */
export const mismatch = (upload: Upload, stored: StoredObject): string | null => {
  if (stored.size !== upload.size) return `size ${stored.size} instead of the announced ${upload.size} bytes`;
  if (stored.sha256 !== upload.sha256) return 'the SHA-256 of the file differs from the announced one';
  if (stored.contentType && stored.contentType.split(';')[0]!.trim() !== upload.contentType) {
    return `content type ${stored.contentType} instead of ${upload.contentType}`;
  }
  return null;
};

const UPLOAD_KEY = new RegExp(`^dossiers/([A-Za-z0-9-]{1,64})/(${UPLOAD_PURPOSES.join('|')})/([A-Za-z0-9-]{1,64})$`);

/** Parses `dossiers/{dossierId}/{purpose}/{uploadId}`; null for any other key. */
export const parseUploadKey = (key: string): { dossierId: string; uploadId: string } | null => {
  const match = UPLOAD_KEY.exec(key);
  return match ? { dossierId: match[1]!, uploadId: match[3]! } : null;
};

export const receivedUploads = (uploads: Upload[], purpose: UploadPurpose) =>
  uploads.filter((u) => u.purpose === purpose && u.status === 'received');

/** An upload as users see it: no storage location. */
export const uploadView = (u: Upload) => ({
  id: u.id,
  purpose: u.purpose,
  ...(u.requirementId ? { requirementId: u.requirementId } : {}),
  ...(u.requestId ? { requestId: u.requestId } : {}),
  ...(u.groupMember !== undefined ? { groupMember: u.groupMember } : {}),
  fileName: u.fileName,
  contentType: u.contentType,
  size: u.size,
  sha256: u.sha256,
  status: u.status,
  createdAt: u.createdAt,
  ...(u.receivedAt ? { receivedAt: u.receivedAt } : {}),
  ...(u.rejectedReason ? { rejectedAt: u.rejectedAt, rejectedReason: u.rejectedReason } : {}),
  ...(u.scan ? { scan: u.scan } : {}),
  ...(u.review ? { review: { verdict: u.review.verdict, comment: u.review.comment, at: u.review.at } } : {}),
});

/** Whether a mandate's `groupMember` names this member: its SIRET, or its name (case and spacing aside). */
export const isMember = (member: { name: string; siret?: string | undefined }, named: string) => {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return (
    (member.siret !== undefined && member.siret.replace(/\s/g, '') === named.replace(/\s/g, '')) ||
    norm(member.name) === norm(named)
  );
};

/** A penetration-test proof received and not yet judged: it waits in the security reviewers' queue. */
export const awaitsSecurityReview = (upload: Upload) =>
  upload.store === 'sensitive' && upload.purpose === 'proof' && upload.status === 'received' && !upload.review;

/** What the security reviewers' queue shows of a waiting proof (no contacts, no content). */
export interface SecurityReviewItem {
  dossierId: string;
  uploadId: string;
  requirementId?: string;
  fileName: string;
  receivedAt: string;
  scan?: Upload['scan'];
}

export const securityReviewItem = (upload: Upload): SecurityReviewItem => ({
  dossierId: upload.dossierId,
  uploadId: upload.id,
  ...(upload.requirementId ? { requirementId: upload.requirementId } : {}),
  fileName: upload.fileName,
  receivedAt: upload.receivedAt ?? upload.createdAt,
  ...(upload.scan ? { scan: upload.scan } : {}),
});

export { ALLOWED_CONTENT_TYPES, MAX_UPLOAD_BYTES };
