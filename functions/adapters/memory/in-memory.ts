import { ConflictError, PreconditionFailedError } from '../../domain/errors';
import type { Certificate } from '../../domain/certificate';
import type { Clock } from '../../domain/clock';
import type { Company } from '../../domain/company';
import type { JournalEvent } from '../../domain/journal';
import type { Message } from '../../domain/message';
import type { OutboxMessage } from '../../domain/outbox';
import type { DocumentJob } from '../../domain/document-job';
import type {
  CertificateRepository,
  CompanyMembers,
  CompanyRepository,
  DossierChange,
  DossierRepository,
  LongClocks,
  Mailer,
  ObjectStorage,
  ObjectStoreName,
  OutboxStore,
  WorkQueue,
  Page,
  QueueItem,
  Referential,
  ReferentialStore,
  StoredDossier,
  UserDirectory,
  WorkflowEngine,
  WorkflowStateStore,
  WorkflowWait,
  WorkflowClock,
  StartOutcome,
} from '../../domain/ports';
import { assertFitsOneTransaction } from '../../domain/ports';
import { queueEntry } from '../../domain/queue';
import { CURRENT_REFERENTIAL_VERSION, type Dossier } from '../../domain/dossier';
import { SHIPPED_REFERENTIALS } from '../../domain/referentials';
import type { QueueStage } from '../../domain/schemas';
import type { StoredObject, Upload } from '../../domain/upload';
import { executionName } from '../../domain/workflow-generations';

/**
 * In-memory implementations of every secondary port, for use-case tests that run in
 * milliseconds without Java or emulators. They keep the contracts the real adapters keep
 * (optimistic locking, one open candidature per product, unique SIRET, claim-once outbox),
 * so a use case tested here behaves as it does on DynamoDB; e2e tests keep proving the real ones.
 */
const clone = <T>(value: T): T => structuredClone(value);

const page = <T>(all: T[], limit: number, cursor?: string): Page<T> => {
  const start = cursor ? Number(cursor) : 0;
  const items = all.slice(start, start + limit);
  return { items, ...(start + limit < all.length ? { nextCursor: String(start + limit) } : {}) };
};

export class InMemoryDossiers implements DossierRepository {
  readonly stored = new Map<string, StoredDossier>();
  readonly events = new Map<string, JournalEvent[]>();
  readonly uploads = new Map<string, Upload>();
  readonly messageList: Message[] = [];
  readonly productKeys = new Map<string, string>();

  constructor(
    private readonly outbox?: InMemoryOutbox,
    private readonly certificates?: InMemoryCertificates,
    private readonly documents?: InMemoryWorkQueue<DocumentJob>,
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
    if (acquire && acquire !== release && this.productKeys.has(acquire))
      throw new ConflictError('your company already has an open candidature for this product');
    if (acquire) this.productKeys.set(acquire, change.dossier.id);
    if (release && acquire !== release) this.productKeys.delete(release);
    const stored = { dossier: clone(change.dossier), version, journalHead: change.head };
    this.stored.set(change.dossier.id, stored);
    this.events.set(change.dossier.id, [...(this.events.get(change.dossier.id) ?? []), ...clone(change.events)]);
    for (const upload of change.uploads ?? []) this.uploads.set(`${upload.dossierId}#${upload.id}`, clone(upload));
    this.messageList.push(...clone(change.messages ?? []));
    for (const m of change.outbox ?? []) this.outbox?.add(m);
    for (const job of change.documents ?? []) this.documents?.add(job);
    for (const c of change.certificates ?? []) this.certificates?.save(c);
    return clone(stored);
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

  async queue(stage: QueueStage, limit: number, cursor?: string): Promise<Page<QueueItem>> {
    const all = [...this.stored.values()]
      .map((s) => ({ d: s.dossier, entry: queueEntry(s.dossier) }))
      .filter(({ entry }) => entry?.stage === stage)
      .sort((a, b) => a.entry!.since.localeCompare(b.entry!.since))
      .map(({ d, entry }) => ({
        dossierId: d.id,
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

export class InMemoryCompanies implements CompanyRepository {
  readonly companies = new Map<string, Company>();
  constructor(private readonly outbox?: InMemoryOutbox) {}
  async create(company: Company, outbox: OutboxMessage[] = []) {
    const key = company.siret ?? company.vatNumber;
    if ([...this.companies.values()].some((c) => (c.siret ?? c.vatNumber) === key))
      throw new ConflictError('this company already has an account');
    this.companies.set(company.id, clone(company));
    for (const m of outbox) this.outbox?.add(m);
  }
  async get(id: string) {
    const found = this.companies.get(id);
    return found ? clone(found) : null;
  }
}

/** Claim-once work in memory: the outbox, the document jobs. */
export class InMemoryWorkQueue<T extends { id: string }> implements WorkQueue<T> {
  readonly messages = new Map<string, T & { state: 'pending' | 'claimed' | 'sent'; error?: string }>();
  add(message: T) {
    if (!this.messages.has(message.id)) this.messages.set(message.id, { ...clone(message), state: 'pending' });
  }
  async pending(limit: number) {
    return [...this.messages.values()].filter((m) => m.state === 'pending').slice(0, limit);
  }
  async claim(id: string) {
    const m = this.messages.get(id);
    if (!m || m.state !== 'pending') return false;
    m.state = 'claimed';
    return true;
  }
  async markDone(id: string) {
    this.messages.get(id)!.state = 'sent';
  }
  async release(id: string, error: string) {
    const m = this.messages.get(id)!;
    m.state = 'pending';
    m.error = error;
  }
}

export class InMemoryOutbox extends InMemoryWorkQueue<OutboxMessage> implements OutboxStore {
  /** templates of the messages written so far, in order */
  templates() {
    return [...this.messages.values()].map((m) => m.template);
  }
}

export class InMemoryCertificates implements CertificateRepository {
  readonly certificates = new Map<string, Certificate>();
  private readonly sequences = new Map<number, number>();
  readonly clockIndex = new Map<string, string>();
  save(c: Certificate) {
    this.certificates.set(c.number, clone(c));
    this.clockIndex.set(c.number, c.updatedAt); // checked at once until its clock is scheduled
  }
  async setClock(number: string, wakeAt: string | null) {
    if (!this.certificates.has(number)) return;
    if (wakeAt) this.clockIndex.set(number, wakeAt);
    else this.clockIndex.delete(number);
  }
  async *clocks() {
    const sorted = [...this.clockIndex.entries()].sort(([, a], [, b]) => a.localeCompare(b));
    for (const [number, wakeAt] of sorted) yield { number, wakeAt };
  }
  async allocateNumber(year: number) {
    const next = (this.sequences.get(year) ?? 0) + 1;
    this.sequences.set(year, next);
    return next;
  }
  async get(number: string) {
    const found = this.certificates.get(number);
    return found ? clone(found) : null;
  }
  async listPublic(limit: number, cursor?: string) {
    const all = [...this.certificates.values()].sort((a, b) => b.grantedAt.localeCompare(a.grantedAt));
    return page(all.map(clone), limit, cursor);
  }
}

export class InMemoryReferentials implements ReferentialStore {
  private readonly imported = new Map<string, Referential>();
  private currentVersion = CURRENT_REFERENTIAL_VERSION;
  async get(version: string) {
    return SHIPPED_REFERENTIALS[version] ?? this.imported.get(version) ?? null;
  }
  async put(referential: Referential) {
    if (SHIPPED_REFERENTIALS[referential.version] || this.imported.has(referential.version))
      throw new ConflictError(`the referential ${referential.version} already exists`);
    this.imported.set(referential.version, referential);
  }
  async current() {
    return this.currentVersion;
  }
  async setCurrent(version: string) {
    this.currentVersion = version;
  }
}

export class InMemoryStorage implements ObjectStorage {
  readonly objects = new Map<string, StoredObject & { body?: Buffer }>();
  async presignPut(store: ObjectStoreName, key: string) {
    return { url: `memory://${store}/${key}`, headers: {} };
  }
  async inspect(store: ObjectStoreName, key: string) {
    const found = this.objects.get(`${store}/${key}`);
    return found
      ? { size: found.size, sha256: found.sha256, ...(found.contentType ? { contentType: found.contentType } : {}) }
      : null;
  }
  async readHead(store: ObjectStoreName, key: string, bytes: number) {
    return (this.objects.get(`${store}/${key}`)?.body ?? Buffer.alloc(0)).subarray(0, bytes);
  }
  async exists(store: ObjectStoreName, key: string) {
    return this.objects.has(`${store}/${key}`);
  }
  async remove(store: ObjectStoreName, key: string) {
    this.objects.delete(`${store}/${key}`);
  }
  async put(store: ObjectStoreName, key: string, body: Buffer, contentType: string) {
    this.objects.set(`${store}/${key}`, { size: body.length, sha256: '', contentType, body });
  }
  async presignGet(store: ObjectStoreName, key: string) {
    return `memory://${store}/${key}?get`;
  }
  /** what a browser's PUT would leave in storage (with its bytes, whose first ones are checked) */
  land(store: ObjectStoreName, key: string, object: StoredObject & { body?: Buffer }) {
    this.objects.set(`${store}/${key}`, object);
  }
}

/**
 * Executions and the clock index in memory. An execution here is only a name and a status: the
 * tests that need a running state machine use the local engine.
 */
export class InMemoryWorkflow implements WorkflowEngine, WorkflowStateStore {
  readonly started: string[] = [];
  readonly signals: { taskToken: string; output: Record<string, unknown> }[] = [];
  /** execution name → running? */
  readonly executions = new Map<string, boolean>();
  private readonly clocks = new Map<string, WorkflowClock>();
  async start(dossierId: string, generation = 1): Promise<StartOutcome> {
    const name = executionName(dossierId, generation);
    const known = this.executions.get(name);
    if (known !== undefined) return known ? 'running' : 'ended';
    this.executions.set(name, true);
    if (!this.started.includes(dossierId)) this.started.push(dossierId);
    return 'started';
  }
  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>) {
    this.signals.push({ taskToken, output });
    return true;
  }
  async isRunning(name: string) {
    return this.executions.get(name) === true;
  }
  /** what AWS does to an execution after a year, or an operator who stops it */
  kill(dossierId: string, generation = 1) {
    this.executions.set(executionName(dossierId, generation), false);
  }
  async expect(dossierId: string, generation: number, checkAt: string) {
    const known = this.clocks.get(dossierId);
    if (known && known.generation >= generation) return;
    this.clocks.set(dossierId, { dossierId, generation, checkAt });
  }
  async saveWait(wait: WorkflowWait & { generation: number; checkAt: string }) {
    const { generation, checkAt, ...stored } = wait;
    const known = this.clocks.get(wait.dossierId);
    if (known && known.generation > generation) return false;
    this.clocks.set(wait.dossierId, { dossierId: wait.dossierId, generation, checkAt, wait: stored });
    return true;
  }
  async takeWait(dossierId: string) {
    const known = this.clocks.get(dossierId);
    const wait = known?.wait ?? null;
    if (known) delete known.wait;
    return wait;
  }
  async get(dossierId: string) {
    const known = this.clocks.get(dossierId);
    return known ? clone(known) : null;
  }
  async forget(dossierId: string) {
    this.clocks.delete(dossierId);
  }
  async *list() {
    for (const c of [...this.clocks.values()].sort((a, b) => a.checkAt.localeCompare(b.checkAt))) yield clone(c);
  }
  async earliest() {
    const first = await this.list()[Symbol.asyncIterator]().next();
    return first.done ? null : first.value.checkAt;
  }
}

export class InMemoryLongClocks implements LongClocks {
  readonly schedules = new Map<string, { at: Date; certificateNumber: string }>();
  async schedule(name: string, at: Date, certificateNumber: string) {
    this.schedules.set(name, { at, certificateNumber });
  }
  async cancel(name: string) {
    this.schedules.delete(name);
  }
  async exists(name: string) {
    return this.schedules.has(name);
  }
}

export class InMemoryMail implements Mailer, UserDirectory, CompanyMembers {
  readonly sent: { to: string[]; subject: string; text: string }[] = [];
  readonly bindings = new Map<string, string>();
  async send(message: { to: string[]; subject: string; text: string }) {
    this.sent.push({ to: message.to, subject: message.subject, text: message.text });
  }
  async invite(user: { email: string }) {
    return `invited:${user.email}`;
  }
  async companyOf(sub: string) {
    return this.bindings.get(sub) ?? null;
  }
  async bind(sub: string, companyId: string) {
    const bound = this.bindings.get(sub);
    if (bound && bound !== companyId) throw new ConflictError('this account already acts for another company');
    this.bindings.set(sub, companyId);
  }
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private instant: Date) {}
  now() {
    return new Date(this.instant);
  }
  set(iso: string) {
    this.instant = new Date(iso);
  }
  advance(ms: number) {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}
