import type { EventTimestamp, StampJob } from './trusted-timestamps';
import type { AnchoredHead, JournalAnchor } from './journal-anchor';
import type { PublicCandidature } from './public-candidature';
import type { DocumentJob, IssuedDocument } from './document-job';
import type { JournalRequest } from './journal-requests';
import type { Company } from './company';
import type { Dossier } from './dossier';
import type { Deadline, DossierStatus } from './dossier-model';
import type { JournalEvent, JournalHead } from './journal';
import type { OutboxMessage } from './outbox';
import type { QueueStage } from './schemas';
import type { SecurityReviewItem, StoredObject, Upload } from './upload';
import type { Message } from './message';
import type { Catalogue } from './catalogue';
import type { Certificate, CertificateStatus } from './certificate';
import type { ProfileMatrix } from './profile-matrix';
import type { ApiClient } from './api-clients';
import type { DeliveryAttempt, WebhookDelivery, WebhookEventBatch, WebhookSubscription } from './webhooks';
import type { PurgedDossier } from './dossier-rules/retention';
import type { StaffNote } from './staff-notes';

/** Secondary ports: what use cases need from the outside world. Adapters implement them. */

export interface StoredDossier {
  dossier: Dossier;
  /** optimistic-locking version, exposed as the ETag */
  version: number;
  journalHead: JournalHead;
}

export interface DossierChange {
  dossier: Dossier;
  events: JournalEvent[];
  head: JournalHead;
  outbox?: OutboxMessage[];
  /** upload records written with the dossier (received, rejected, reviewed) */
  uploads?: Upload[];
  messages?: Message[];
  certificates?: Certificate[];
  /** documents to render once the change is stored (convention, certificate) */
  documents?: DocumentJob[];
  /** "one open candidature per product": the key to take and/or give back */
  productKey?: { acquire?: string; release?: string };
  /** the public list of candidatures under way (guide §4.1: the planned date, when allowed) */
  publicListing?: { put: PublicCandidature } | { remove: true };
  /** malware scans awaited (opened when a file is received) and settled (closed with the result) */
  scanChecks?: { open?: PendingScan[]; close?: string[] };
  /** trusted timestamps to obtain for the events with legal weight (domain/trusted-timestamps.ts) */
  stamps?: StampJob[];
  /** the webhook events of this change (domain/webhooks.ts), fanned out to subscriptions after it */
  webhookEvents?: WebhookEventBatch;
  /** the journal request (a read's) whose event this change records: settled in the same transaction */
  settlesRequest?: string;
}

/** A received file whose malware scan result has not arrived yet: the reconciler reads its tag. */
export interface PendingScan {
  dossierId: string;
  uploadId: string;
  store: ObjectStoreName;
  key: string;
  since: string;
}

/** DynamoDB's ceiling on one transaction: a dossier's change is written whole, or not at all. */
export const TRANSACTION_ITEM_LIMIT = 100;

/** How many items a change writes in its transaction (the dossier, each record, the product keys). */
export const transactionItems = (change: DossierChange): number => {
  const { acquire, release } = change.productKey ?? {};
  return (
    // the dossier and its journal head (the anchor's index)
    2 +
    change.events.length +
    (change.outbox?.length ?? 0) +
    (change.documents?.length ?? 0) +
    (change.uploads?.length ?? 0) +
    (change.messages?.length ?? 0) +
    (change.certificates?.length ?? 0) +
    (acquire && acquire !== release ? 1 : 0) +
    (release && acquire !== release ? 1 : 0) +
    (change.publicListing ? 1 : 0) +
    (change.scanChecks?.open?.length ?? 0) +
    (change.scanChecks?.close?.length ?? 0) +
    (change.stamps?.length ?? 0) +
    (change.webhookEvents ? 1 : 0) +
    (change.settlesRequest ? 1 : 0)
  );
};

/** Refuses, before anything is written, a change no single transaction can hold (a bug, never user input). */
export const assertFitsOneTransaction = (change: DossierChange) => {
  const items = transactionItems(change);
  if (items > TRANSACTION_ITEM_LIMIT)
    throw new Error(`a change of ${items} items exceeds one transaction (${TRANSACTION_ITEM_LIMIT})`);
};

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface QueueItem {
  dossierId: string;
  reference?: string;
  assignee?: { sub: string; email?: string; at: string };
  companyId: string;
  product: { name: string; version: string };
  since: string;
  status: DossierStatus;
  /** the clocks running when the dossier was last written (the queue shows the late ones first) */
  deadlines: Deadline[];
}

export interface DossierRepository {
  get(id: string): Promise<StoredDossier | null>;
  /** Stores a new dossier with its first journal events and mail, atomically. */
  create(change: DossierChange): Promise<StoredDossier>;
  /** Stores a new state if the stored version is still `expectedVersion` (else PreconditionFailedError). */
  update(expectedVersion: number, change: DossierChange): Promise<StoredDossier>;
  /** the journal, each event with its trusted timestamp once obtained */
  journal(id: string): Promise<JournalEvent[]>;
  /** what one person (or API client) did, across dossiers, oldest first: a person's own data (RGPD art. 15) */
  eventsByActor(sub: string, limit: number): Promise<JournalEvent[]>;
  /** Adds an event's trusted timestamp (outside the chain: the token vouches for the hash); a no-op once it has one. */
  addTimestamp(dossierId: string, seq: number, timestamp: EventTimestamp): Promise<void>;
  /** the dossier and its uploads, in one query */
  getWithUploads(id: string): Promise<{ stored: StoredDossier; uploads: Upload[] } | null>;
  getUpload(dossierId: string, uploadId: string): Promise<Upload | null>;
  /** a new upload grant (pending); the dossier itself does not change */
  createUpload(upload: Upload): Promise<void>;
  listByCompany(companyId: string, limit: number, cursor?: string): Promise<Page<Dossier>>;
  /** received files whose scan result is awaited since before `before`, oldest first */
  pendingScans(before: string, limit: number): Promise<PendingScan[]>;
  /** penetration-test proofs received and not yet judged, oldest first (the security reviewers' queue) */
  securityReviews(limit: number, cursor?: string): Promise<Page<SecurityReviewItem>>;
  /** candidatures under way whose company allowed publishing the planned date, by that date */
  listPublicCandidatures(limit: number, cursor?: string): Promise<Page<PublicCandidature>>;
  queue(stage: QueueStage, limit: number, cursor?: string): Promise<Page<QueueItem>>;
  messages(id: string, limit: number, cursor?: string): Promise<Page<Message>>;
  /** the next number of the year's sequence of dossier references, allocated atomically */
  allocateReference(year: number): Promise<number>;
  /** a private note between staff on the dossier (never in the dossier's own record or journal) */
  addNote(note: StaffNote): Promise<void>;
  /** the dossier's staff notes, oldest first */
  notes(id: string, limit: number, cursor?: string): Promise<Page<StaffNote>>;
  /** closed dossiers whose retention has something due at or before `at` (notice or erasure), earliest first */
  retentionDue(at: string, limit: number): Promise<{ dossierId: string; wakeAt: string }[]>;
  /** the earliest instant any dossier's retention has something due, if any */
  nextRetentionWake(): Promise<string | null>;
  /**
   * Erases a dossier's personal data (domain/dossier-rules/retention.ts): the given journal events
   * rewritten in their erased form, its uploads and messages deleted, its record replaced by the
   * tombstone (last, and only if unchanged since: a purge cut short is taken up again). Afterwards
   * `get` answers null; `journal` still answers the erased chain.
   */
  purge(tombstone: PurgedDossier, events: JournalEvent[]): Promise<void>;
}

export type ObjectStoreName = Upload['store'];

/**
 * Spreadsheets (SheetJS, d3-dsv), handed by their handlers to the two use cases that need them:
 * a port rather than a dependency of the container, so that no other function bundles them.
 */
export interface SpreadsheetReader {
  /** the first sheet's rows as text; BadRequestError when the file cannot be read */
  read(format: 'csv' | 'xlsx', content: Buffer): Promise<string[][]>;
}
export interface SpreadsheetWriter {
  /** one sheet of text cells (never formulas) */
  writeXlsx(sheetName: string, header: string[], rows: unknown[][]): Buffer;
}

/** One part of a multipart upload as storage holds it. */
export interface StoredPart {
  partNumber: number;
  etag: string;
  size: number;
  /** base64; absent where storage kept none */
  sha256?: string;
}

export interface ObjectStorage {
  presignPut(
    store: ObjectStoreName,
    key: string,
    file: { contentType: string; size: number; sha256: string },
    expiresInSeconds: number,
  ): Promise<{ url: string; headers: Record<string, string> }>;
  /** opens a multipart upload whose parts each carry a SHA-256; storage's id of it */
  startMultipart(store: ObjectStoreName, key: string, file: { contentType: string }): Promise<string>;
  /** a presigned PUT of one part, its exact length and SHA-256 signed as for a whole file */
  presignPart(
    store: ObjectStoreName,
    key: string,
    storageId: string,
    part: { partNumber: number; size: number; sha256: string },
    expiresInSeconds: number,
  ): Promise<{ url: string; headers: Record<string, string> }>;
  /** the parts storage holds (null: no such upload, completed or aborted) */
  listParts(store: ObjectStoreName, key: string, storageId: string): Promise<StoredPart[] | null>;
  /** assembles the parts into the object (never over an existing one) */
  completeMultipart(store: ObjectStoreName, key: string, storageId: string, parts: StoredPart[]): Promise<void>;
  /** size, SHA-256 (base64) and type of a stored object; null when absent */
  inspect(store: ObjectStoreName, key: string): Promise<StoredObject | null>;
  /** the object's first `bytes` bytes (a ranged GET), to check its content; empty when absent */
  readHead(store: ObjectStoreName, key: string, bytes: number): Promise<Buffer>;
  /** whether an object is stored (a HEAD: never reads the bytes) */
  exists(store: ObjectStoreName, key: string): Promise<boolean>;
  remove(store: ObjectStoreName, key: string): Promise<void>;
  /** every object under `prefix`, every version of each included (a dossier's erasure); how many went */
  removeAll(store: ObjectStoreName, prefix: string): Promise<number>;
  /** stores a document the platform generates (convention, certificate) */
  put(store: ObjectStoreName, key: string, body: Buffer, contentType: string): Promise<void>;
  /** the malware scanner's verdict tagged on the object (GuardDuty's `GuardDutyMalwareScanStatus`), if any */
  scanTag(store: ObjectStoreName, key: string): Promise<string | null>;
  /** a short-lived download link that saves the file under its display name */
  presignGet(store: ObjectStoreName, key: string, fileName: string, expiresInSeconds: number): Promise<string>;
}

export interface UserDirectory {
  /**
   * Creates (or completes) the representative's account as a candidate of the company. Idempotent.
   * Returns the account's immutable id (`sub`), which the platform binds to the company.
   */
  invite(user: { email: string; firstName: string; lastName: string; ensId: string }): Promise<string>;
  /**
   * Disables the account opened for this address as a candidate of the company, and ends its
   * sessions (no new token). Idempotent; an account of another company, or of staff, is left alone.
   */
  disable(user: { email: string; ensId: string }): Promise<void>;
}

/**
 * Which company each candidate account acts for, kept by the platform itself: a token's
 * `custom:ensId` claim must agree with it, so a user who could alter their own attributes still
 * could not act for another company.
 */
export interface CompanyMembers {
  /** the company the account acts for; null when unbound or removed */
  companyOf(sub: string): Promise<string | null>;
  /**
   * ConflictError when the account is already bound to another company, or was removed from its
   * own (a removed account never comes back by a token: a new invitation opens a new one).
   */
  bind(sub: string, companyId: string, email?: string): Promise<void>;
  /** removes from the company, at `at`, every account opened for this address; their ids */
  removeByEmail(companyId: string, email: string, at: string): Promise<string[]>;
}

export interface CompanyRepository {
  /** ConflictError when a company with the same SIRET / VAT number exists. */
  create(company: Company, outbox?: OutboxMessage[]): Promise<void>;
  get(id: string): Promise<Company | null>;
  /** a company's record rewritten (its entries corrected or replaced), with its mail, in one write; it must exist */
  update(company: Company, outbox?: OutboxMessage[]): Promise<void>;
}

export interface WorkflowWait {
  dossierId: string;
  taskToken: string;
  waitingFor: string;
  since: string;
}

/**
 * What the platform knows of a dossier's execution, beside the dossier: which generation keeps
 * its clocks and when it will next wake. Kept in a sparse index ("next legal instant") that
 * the reconciler reads to find a dossier whose clock was missed.
 */
export interface WorkflowClock {
  dossierId: string;
  generation: number;
  /** the instant the execution will wake (its next legal instant, or the end of a long wait) */
  checkAt: string;
  wait?: WorkflowWait;
}

export interface WorkflowStateStore {
  /**
   * Records the generation that keeps the dossier's clocks, expected to register by `checkAt`.
   * Never moves back to an earlier generation.
   */
  expect(dossierId: string, generation: number, checkAt: string): Promise<void>;
  /** Stores the wait of `generation`; false when a later generation has taken over. */
  saveWait(wait: WorkflowWait & { generation: number; checkAt: string }): Promise<boolean>;
  /** Removes and returns the pending wait, so that only one caller ever resumes it. */
  takeWait(dossierId: string): Promise<WorkflowWait | null>;
  get(dossierId: string): Promise<WorkflowClock | null>;
  /** The dossier is closed: nothing is left to keep. */
  forget(dossierId: string): Promise<void>;
  /** Every dossier whose clock is kept, earliest `checkAt` first. */
  list(): AsyncIterable<WorkflowClock>;
  /** The earliest `checkAt` of all. */
  earliest(): Promise<string | null>;
}

export type StartOutcome = 'started' | 'running' | 'ended';

export interface WorkflowEngine {
  /**
   * Starts generation `generation` (default 1) of the dossier's execution: 'started', 'running'
   * when that execution already runs (a no-op), 'ended' when it ran and ended (its name is used).
   */
  start(dossierId: string, generation?: number): Promise<StartOutcome>;
  /** Resumes a waiting execution; false when the wait is gone (ended execution, used token). */
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<boolean>;
  isRunning(executionName: string): Promise<boolean>;
}

export interface Mailer {
  send(
    message: { to: string[]; subject: string; text: string; html: string; id: string; dossierId?: string },
    at: Date,
  ): Promise<void>;
}

/**
 * How long a claim holds: longer than any worker may run (the queue functions time out after a
 * minute), so that a live worker is never overtaken and a dead one's item is done again.
 */
export const CLAIM_LEASE_MS = 15 * 60 * 1000;

/** Work written in a transaction and done once by whoever claims it (mail, documents). */
export interface WorkQueue<T extends { id: string }> {
  /** The items waiting; with `at`, also those whose claim is older than `CLAIM_LEASE_MS` (a worker died). */
  pending(limit: number, at?: string): Promise<T[]>;
  /**
   * Claims an item; false when it is done or another worker claimed it less than `CLAIM_LEASE_MS`
   * ago. A claim that old is taken over: its worker timed out or crashed between claim and release.
   */
  claim(id: string, at: string): Promise<boolean>;
  markDone(id: string, at: string): Promise<void>;
  release(id: string, error: string): Promise<void>;
}

export type OutboxStore = WorkQueue<OutboxMessage>;
export type DocumentJobStore = WorkQueue<DocumentJob>;
export type StampJobStore = WorkQueue<StampJob>;
/** Each dossier change's webhook events, written in its transaction, fanned out once. */
export type WebhookEventStore = WorkQueue<WebhookEventBatch>;

/** The platform's record of each company's API clients (domain/api-clients.ts). */
export interface ApiClientStore {
  /** a new client; the same id twice is a conflict */
  create(client: ApiClient): Promise<void>;
  get(clientId: string): Promise<ApiClient | null>;
  /** a company's clients, revoked ones included, oldest first */
  list(companyId: string): Promise<ApiClient[]>;
  revoke(client: ApiClient): Promise<void>;
  /** counts one request of the client in its window and answers the window's count so far */
  countRequest(clientId: string, window: { key: string; expiresAt: number }): Promise<number>;
}

/** The identity provider's side of an API client: its credentials (a Cognito app client in AWS). */
export interface ApiClientDirectory {
  create(name: string, companyId: string): Promise<{ clientId: string; clientSecret: string }>;
  /** no new token from now on (the record's revocation refuses the unexpired ones) */
  remove(clientId: string): Promise<void>;
}

export type PersonalDataRequestKind = 'export' | 'rectification';

/** Who asked for their own data, or corrected it, and when (RGPD art. 15, 16): append-only, per person. */
export interface PersonalDataLog {
  record(entry: { sub: string; at: string; kind: PersonalDataRequestKind }): Promise<void>;
  list(sub: string): Promise<{ at: string; kind: PersonalDataRequestKind }[]>;
}

/** Webhook subscriptions and their deliveries. */
export interface WebhookStore {
  /** a new subscription; the same id twice is a conflict */
  create(subscription: WebhookSubscription): Promise<void>;
  get(companyId: string, id: string): Promise<WebhookSubscription | null>;
  list(companyId: string): Promise<WebhookSubscription[]>;
  /** disabled after 24 hours of failures, with the mail that tells the company, in one write */
  disable(subscription: WebhookSubscription, mail: OutboxMessage[]): Promise<void>;
  remove(companyId: string, id: string): Promise<void>;
  /** deliveries to make; one already stored (a replayed fan-out) is left as it is */
  addDeliveries(deliveries: WebhookDelivery[]): Promise<void>;
  /** pending deliveries whose next attempt is due at `at`, oldest due first */
  due(at: string, limit: number): Promise<WebhookDelivery[]>;
  /** a pending delivery to the same endpoint about the same dossier that comes before this one */
  blockedByEarlier(delivery: WebhookDelivery): Promise<boolean>;
  /** stores an attempt's outcome, unless another worker stored one since `previous` was read */
  saveDelivery(delivery: WebhookDelivery, previousAttempts: number): Promise<boolean>;
  /** a subscription's latest deliveries, newest first */
  deliveries(webhookId: string, limit: number): Promise<WebhookDelivery[]>;
}

/**
 * Sends one delivery over HTTP: never follows a redirect, refuses a private address, times out.
 * `headers` are made at the instant the bytes leave, by the sender's own clock (the signature's
 * timestamp is a fact of the transport: receivers compare it with theirs).
 */
export interface WebhookSender {
  send(
    url: string,
    headers: (sentAt: Date) => Record<string, string>,
    body: string,
  ): Promise<Omit<DeliveryAttempt, 'at'>>;
}

/** The events reads ask for (domain/journal-requests.ts): written alone, recorded by the proof worker. */
export interface JournalRequestStore extends WorkQueue<JournalRequest> {
  /** Stores a request on its own (a read's only write); the same id twice is one request. */
  add(request: JournalRequest): Promise<void>;
}

/** The daily anchors of the journals (domain/journal-anchor.ts). */
export interface JournalAnchors {
  get(day: string): Promise<JournalAnchor | null>;
  /** the most recent anchor, for the verifiers */
  latest(): Promise<JournalAnchor | null>;
  /** Stores the day's anchor; false when another worker stored that day's first (the first stands). */
  save(anchor: JournalAnchor): Promise<boolean>;
  /** Every dossier's journal head — a batch read of the whole table, for the daily anchor only. */
  allHeads(): AsyncIterable<AnchoredHead>;
}

/** The sealed documents issued, by the SHA-256 of their bytes (written by the renderer alone). */
export interface IssuedDocuments {
  record(document: IssuedDocument): Promise<void>;
  find(sha256: string): Promise<IssuedDocument | null>;
}

/**
 * The platform's proof services (API.md [1.2] « Sealed documents and trusted timestamps »): an
 * RFC 3161 timestamp authority and the seal of the documents it issues. In AWS an eIDAS
 * qualified authority's URL and a KMS key (the private key never leaves KMS); locally the
 * stack's own keys.
 */
export interface TrustServices {
  /** an RFC 3161 TimeStampToken (DER) whose message imprint is this SHA-256 digest, and who issued it */
  stamp(sha256: Uint8Array): Promise<{ token: Uint8Array; tsa: string }>;
  /** the PDF sealed: a PAdES signature with the seal's certificate and an embedded timestamp (B-T) */
  sealPdf(pdf: Uint8Array, at: Date): Promise<Uint8Array>;
  /** what anyone needs to check the seals and the tokens (PEM, each list from the signer to its root) */
  publicMaterial(): Promise<{ sealCertificates: string[]; tsaCertificates: string[] }>;
}

/** One-time wake-ups beyond a workflow execution's life (EventBridge Scheduler in AWS). */
export interface LongClocks {
  /** creates or moves the named wake-up; it calls the certificate clock with the number */
  schedule(name: string, at: Date, certificateNumber: string): Promise<void>;
  cancel(name: string): Promise<void>;
  exists(name: string): Promise<boolean>;
}

export interface Referential {
  version: string;
  catalogue: Catalogue;
  matrix: ProfileMatrix;
  publishedAt: string;
  /** holders of an earlier version must apply for a new certificate by then (if set) */
  renewalRequiredBy?: string;
}

export interface ReferentialStore {
  /** the shipped versions and the imported ones */
  get(version: string): Promise<Referential | null>;
  /** ConflictError when the version exists */
  put(referential: Referential): Promise<void>;
  /** the version new candidatures start on */
  current(): Promise<string>;
  setCurrent(version: string): Promise<void>;
}

export interface CertificateRepository {
  /** the next number of the year's sequence, allocated atomically */
  allocateNumber(year: number): Promise<number>;
  get(number: string): Promise<Certificate | null>;
  /** the published certificates whose status is one of `statuses`, newest first */
  listPublic(limit: number, cursor?: string, statuses?: readonly CertificateStatus[]): Promise<Page<Certificate>>;
  /** Records when the certificate's clock next wakes (null: nothing left to wait for), in a sparse index. */
  setClock(number: string, wakeAt: string | null): Promise<void>;
  /** Certificates whose clock runs, earliest wake-up first. */
  clocks(): AsyncIterable<{ number: string; wakeAt: string }>;
  /** the certificate rewritten with its personal fields erased (its dossier's retention ended); indexes unchanged */
  erase(certificate: Certificate): Promise<void>;
}
