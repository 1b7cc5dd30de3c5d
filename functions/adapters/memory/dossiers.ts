import type { WebhookEventBatch } from '../../domain/webhooks';
import type { PublicCandidature } from '../../domain/public-candidature';
import { ConflictError, PreconditionFailedError } from '../../domain/errors';
import type { JournalEvent } from '../../domain/journal';
import type { Message } from '../../domain/message';
import type { DocumentJob } from '../../domain/document-job';
import type { EventTimestamp, StampJob } from '../../domain/trusted-timestamps';
import type { DossierChange, DossierRepository, Page, PendingScan, QueueItem, StoredDossier } from '../../domain/ports';
import { assertFitsOneTransaction } from '../../domain/ports';
import { queueEntry } from '../../domain/queue';
import { retentionWakeAt } from '../../domain/retention-dates';
import type { PurgedDossier } from '../../domain/dossier-rules/retention';
import type { StaffNote } from '../../domain/staff-notes';
import type { QueueStage } from '../../domain/schemas';
import { awaitsSecurityReview, securityReviewItem, type SecurityReviewItem, type Upload } from '../../domain/upload';
import type { Dossier } from '../../domain/dossier';
import type { InMemoryJournalRequests, InMemoryOutbox, InMemoryWorkQueue } from './work-queue';
import type { InMemoryCertificates } from './certificates';
import { clone, page } from './support';

export class InMemoryDossiers implements DossierRepository {
  readonly stored = new Map<string, StoredDossier>();
  readonly events = new Map<string, JournalEvent[]>();
  readonly uploads = new Map<string, Upload>();
  readonly messageList: Message[] = [];
  readonly staffNotes: StaffNote[] = [];
  readonly productKeys = new Map<string, string>();
  readonly publicListings = new Map<string, PublicCandidature>();
  readonly scanChecks = new Map<string, PendingScan>();
  /** purged dossiers' tombstones, by id (their journal stays in `events`) */
  readonly tombstones = new Map<string, PurgedDossier>();

  constructor(
    private readonly outbox?: InMemoryOutbox,
    private readonly certificates?: InMemoryCertificates,
    private readonly documents?: InMemoryWorkQueue<DocumentJob>,
    private readonly stamps?: InMemoryWorkQueue<StampJob>,
    private readonly journalRequests?: InMemoryJournalRequests,
    private readonly webhookEvents?: InMemoryWorkQueue<WebhookEventBatch>,
  ) {}

  async get(id: string) {
    const found = this.stored.get(id);
    return found ? clone(found) : null;
  }

  async create(change: DossierChange) {
    if (this.stored.has(change.dossier.id)) throw new ConflictError('this dossier already exists');
    return this.write(change, 1);
  }

  async update(expectedVersion: number, change: DossierChange) {
    const current = this.stored.get(change.dossier.id);
    if (!current || current.version !== expectedVersion)
      throw new PreconditionFailedError('the dossier was modified since you read it');
    return this.write(change, expectedVersion + 1);
  }

  private write(change: DossierChange, version: number): StoredDossier {
    assertFitsOneTransaction(change); // as DynamoDB would refuse it
    const { acquire, release } = change.productKey ?? {};
    // a request recorded already (or not held by this worker) fails the whole change, as in DynamoDB
    if (change.settlesRequest && !this.journalRequests?.isClaimed(change.settlesRequest))
      throw new ConflictError('the change conflicts with another record');
    if (acquire && acquire !== release && this.productKeys.has(acquire))
      throw new ConflictError('your company already has an open candidature for this product');
    if (acquire) this.productKeys.set(acquire, change.dossier.id);
    if (release && acquire !== release) this.productKeys.delete(release);
    for (const check of change.scanChecks?.open ?? []) this.scanChecks.set(check.uploadId, clone(check));
    for (const uploadId of change.scanChecks?.close ?? []) this.scanChecks.delete(uploadId);
    const listing = change.publicListing;
    if (listing && 'put' in listing) this.publicListings.set(change.dossier.id, clone(listing.put));
    else if (listing) this.publicListings.delete(change.dossier.id);
    const stored = { dossier: clone(change.dossier), version, journalHead: change.head };
    this.stored.set(change.dossier.id, stored);
    this.events.set(change.dossier.id, [...(this.events.get(change.dossier.id) ?? []), ...clone(change.events)]);
    for (const upload of change.uploads ?? []) this.uploads.set(`${upload.dossierId}#${upload.id}`, clone(upload));
    this.messageList.push(...clone(change.messages ?? []));
    for (const m of change.outbox ?? []) this.outbox?.add(m);
    for (const job of change.documents ?? []) this.documents?.add(job);
    for (const job of change.stamps ?? []) this.stamps?.add(job);
    if (change.webhookEvents) this.webhookEvents?.add(change.webhookEvents);
    if (change.settlesRequest) this.journalRequests?.settle(change.settlesRequest);
    for (const c of change.certificates ?? []) this.certificates?.save(c);
    return clone(stored);
  }

  private readonly sequences = new Map<number, number>();
  async allocateReference(year: number) {
    const next = (this.sequences.get(year) ?? 0) + 1;
    this.sequences.set(year, next);
    return next;
  }

  async addNote(note: StaffNote) {
    this.staffNotes.push(clone(note));
  }

  async notes(id: string, limit: number, cursor?: string): Promise<Page<StaffNote>> {
    const all = this.staffNotes
      .filter((n) => n.dossierId === id)
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    return page(all.map(clone), limit, cursor);
  }

  async retentionDue(at: string, limit: number) {
    return this.retentionIndex()
      .filter((e) => e.wakeAt <= at)
      .slice(0, limit);
  }

  async nextRetentionWake() {
    return this.retentionIndex()[0]?.wakeAt ?? null;
  }

  /** as the sparse index: closed dossiers out of every queue, by their next retention instant */
  private retentionIndex() {
    return [...this.stored.values()]
      .filter((s) => !queueEntry(s.dossier))
      .map((s) => ({ dossierId: s.dossier.id, wakeAt: retentionWakeAt(s.dossier) }))
      .filter((e): e is { dossierId: string; wakeAt: string } => e.wakeAt !== null)
      .sort((a, b) => a.wakeAt.localeCompare(b.wakeAt) || a.dossierId.localeCompare(b.dossierId));
  }

  async purge(tombstone: PurgedDossier, events: JournalEvent[]) {
    const id = tombstone.id;
    const erased = new Map(events.map((e) => [e.seq, e]));
    this.events.set(
      id,
      (this.events.get(id) ?? []).map((e) => clone(erased.get(e.seq) ?? e)),
    );
    for (const [key, upload] of this.uploads) if (upload.dossierId === id) this.uploads.delete(key);
    for (let i = this.messageList.length - 1; i >= 0; i--)
      if (this.messageList[i]!.dossierId === id) this.messageList.splice(i, 1);
    for (let i = this.staffNotes.length - 1; i >= 0; i--)
      if (this.staffNotes[i]!.dossierId === id) this.staffNotes.splice(i, 1);
    if (!this.stored.has(id)) return;
    this.stored.delete(id);
    this.tombstones.set(id, clone(tombstone));
  }

  async addTimestamp(dossierId: string, seq: number, timestamp: EventTimestamp) {
    const event = this.events.get(dossierId)?.find((e) => e.seq === seq);
    if (event && !event.timestamp) event.timestamp = clone(timestamp);
  }

  async eventsByActor(sub: string, limit: number) {
    return [...this.events.values()]
      .flat()
      .filter((e) => e.actor.sub === sub)
      .sort((a, b) => a.at.localeCompare(b.at) || a.dossierId.localeCompare(b.dossierId) || a.seq - b.seq)
      .slice(0, limit)
      .map(clone);
  }

  async journal(id: string) {
    return clone(this.events.get(id) ?? []);
  }

  async getWithUploads(id: string) {
    const stored = await this.get(id);
    if (!stored) return null;
    return { stored, uploads: [...this.uploads.values()].filter((u) => u.dossierId === id).map(clone) };
  }

  async getUpload(dossierId: string, uploadId: string) {
    const upload = this.uploads.get(`${dossierId}#${uploadId}`);
    return upload ? clone(upload) : null;
  }

  async createUpload(upload: Upload) {
    this.uploads.set(`${upload.dossierId}#${upload.id}`, clone(upload));
  }

  async listByCompany(companyId: string, limit: number, cursor?: string): Promise<Page<Dossier>> {
    const all = [...this.stored.values()]
      .map((s) => s.dossier)
      .filter((d) => d.companyId === companyId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return page(all.map(clone), limit, cursor);
  }

  async pendingScans(before: string, limit: number): Promise<PendingScan[]> {
    return [...this.scanChecks.values()]
      .filter((c) => `${c.since}#${c.uploadId}` < before)
      .sort((a, b) => a.since.localeCompare(b.since))
      .slice(0, limit)
      .map(clone);
  }

  async securityReviews(limit: number, cursor?: string): Promise<Page<SecurityReviewItem>> {
    const waiting = [...this.uploads.values()]
      .filter(awaitsSecurityReview)
      .map(securityReviewItem)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.uploadId.localeCompare(b.uploadId));
    return page(waiting.map(clone), limit, cursor);
  }

  async listPublicCandidatures(limit: number, cursor?: string): Promise<Page<PublicCandidature>> {
    const all = [...this.publicListings.values()].sort(
      (a, b) =>
        a.plannedCompleteProofDate.localeCompare(b.plannedCompleteProofDate) || a.dossierId.localeCompare(b.dossierId),
    );
    return page(all.map(clone), limit, cursor);
  }

  async queue(stage: QueueStage, limit: number, cursor?: string): Promise<Page<QueueItem>> {
    const all = [...this.stored.values()]
      .map((s) => ({ d: s.dossier, entry: queueEntry(s.dossier) }))
      .filter(({ entry }) => entry?.stage === stage)
      .sort((a, b) => a.entry!.orderBy.localeCompare(b.entry!.orderBy) || a.d.id.localeCompare(b.d.id))
      .map(({ d, entry }) => ({
        dossierId: d.id,
        ...(d.reference ? { reference: d.reference } : {}),
        ...(d.assignee ? { assignee: d.assignee } : {}),
        companyId: d.companyId,
        product: d.product,
        since: entry!.since,
        status: d.status,
        deadlines: d.deadlines,
      }));
    return page(all, limit, cursor);
  }

  async messages(id: string, limit: number, cursor?: string): Promise<Page<Message>> {
    const all = this.messageList.filter((m) => m.dossierId === id).sort((a, b) => a.at.localeCompare(b.at));
    return page(all.map(clone), limit, cursor);
  }
}
