import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../../functions/adapters/memory/in-memory-dependencies';
import { tableAdapters } from '../../functions/container';
import { registerCompany } from '../../functions/domain/company';
import { createDossier, patchDossier } from '../../functions/domain/dossier';
import { ConflictError, PreconditionFailedError } from '../../functions/domain/errors';
import { appendEvents, GENESIS, purgeEvent, verifyChain } from '../../functions/domain/journal';
import { newMessage } from '../../functions/domain/message';
import { newStaffNote } from '../../functions/domain/staff-notes';
import type { Caller } from '../../functions/domain/caller';
import { dossierRetention } from '../../functions/domain/retention-dates';
import { purgeDue } from '../../functions/domain/dossier-rules/retention';
import { outboxMessage } from '../../functions/domain/outbox';
import { downloadRecorded, requestedEvent } from '../../functions/domain/journal-requests';
import { CLAIM_LEASE_MS } from '../../functions/domain/ports';
import type {
  CertificateRepository,
  CompanyMembers,
  CompanyRepository,
  DossierRepository,
  JournalRequestStore,
  OutboxStore,
  ReferentialStore,
  WorkflowStateStore,
  ApiClientStore,
  WebhookEventStore,
  WebhookStore,
  StoredDossier,
} from '../../functions/domain/ports';
import type { WebhookDelivery, WebhookSubscription } from '../../functions/domain/webhooks';
import type { Upload } from '../../functions/domain/upload';
import { companyBody, siret } from '../support/api-client';
import { startTable } from '../support/dynamo-table';

/**
 * The same contract for every adapter of a port: the in-memory ones the use-case tests run on, and
 * the DynamoDB ones (on DynamoDB Local) that production runs on. An in-memory adapter kinder than
 * DynamoDB would let a use-case test pass that production fails.
 */
interface Ports {
  dossiers: DossierRepository;
  companies: CompanyRepository;
  members: CompanyMembers;
  referentials: ReferentialStore;
  certificates: CertificateRepository;
  outbox: OutboxStore;
  journalRequests: JournalRequestStore;
  workflowState: WorkflowStateStore;
  apiClients: ApiClientStore;
  webhooks: WebhookStore;
  webhookEvents: WebhookEventStore;
}

let table: Awaited<ReturnType<typeof startTable>> | undefined;
beforeAll(async () => {
  table = await startTable();
}, 120_000);
afterAll(async () => table?.stop(), 60_000);

const ADAPTERS: [string, () => Ports][] = [
  ['in memory', () => inMemoryDependencies('2027-01-04T08:00:00Z').deps],
  ['DynamoDB', () => tableAdapters(table!.db, table!.table)],
];

const NOW = new Date('2027-01-04T08:00:00Z');
const actor = { sub: 'u', role: 'candidate' };
let seed = 5000;

/** A mail that a write causes (its cause names it), for the writes that store their mail with them. */
const aMail = (cause: string) =>
  outboxMessage(cause, 'company_registered', ['contact@example.fr'], { companyName: 'Contrat SAS' }, NOW.toISOString());

const newDossier = (companyId = randomUUID()) => {
  const dossier = createDossier(
    { product: { name: `P-${randomUUID()}`, version: '1' }, useCase: 'city_practice', profiles: [] },
    companyId,
    'u',
    NOW,
  );
  const first = appendEvents(GENESIS, [
    { dossierId: dossier.id, type: 'dossier_created', at: dossier.createdAt, actor },
  ]);
  return { dossier, ...first };
};

const upload = (dossierId: string, status: Upload['status'] = 'pending'): Upload => {
  const id = randomUUID();
  return {
    id,
    dossierId,
    purpose: 'functional_documentation',
    fileName: 'doc.pdf',
    contentType: 'application/pdf',
    size: 10,
    sha256: 'x'.repeat(43) + '=',
    store: 'evidence',
    key: `dossiers/${dossierId}/functional_documentation/${id}`,
    status,
    createdAt: NOW.toISOString(),
    createdBy: 'u',
    expiresAt: NOW.toISOString(),
  };
};

describe.each(ADAPTERS)('ports (%s)', (_, make) => {
  let ports: Ports;
  beforeAll(() => {
    ports = make();
  });

  describe('dossiers', () => {
    it('stores a dossier at version 1 with its journal, and knows no other', async () => {
      const change = newDossier();
      const stored = await ports.dossiers.create(change);
      expect(stored.version).toBe(1);
      expect(await ports.dossiers.get(change.dossier.id)).toEqual(stored);
      expect(await ports.dossiers.get(randomUUID())).toBeNull();
      const journal = await ports.dossiers.journal(change.dossier.id);
      expect(journal.map((e) => e.seq)).toEqual([1]);
      expect(verifyChain(journal)).toBe(-1);
      await expect(ports.dossiers.create(change)).rejects.toBeInstanceOf(ConflictError);
    });

    it('writes a new version only over the one it read (optimistic locking), the journal chained', async () => {
      const change = newDossier();
      const v1 = await ports.dossiers.create(change);
      const write = (from: typeof v1, nie: string) => {
        const next = patchDossier(from.dossier, { nie }, NOW);
        const events = appendEvents(from.journalHead, [
          { dossierId: next.id, type: 'dossier_updated', at: next.updatedAt, actor },
        ]);
        return ports.dossiers.update(from.version, { dossier: next, ...events });
      };
      const v2 = await write(v1, 'A');
      expect(v2.version).toBe(2);
      await expect(write(v1, 'B')).rejects.toBeInstanceOf(PreconditionFailedError);
      expect((await ports.dossiers.get(change.dossier.id))!.dossier.nie).toBe('A');
      const journal = await ports.dossiers.journal(change.dossier.id);
      expect(journal.map((e) => e.seq)).toEqual([1, 2]);
      expect(verifyChain(journal)).toBe(-1);
    });

    it('indexes a closed dossier by its retention, and erases it with its uploads and messages, its journal still checking', async () => {
      const change = newDossier();
      const id = change.dossier.id;
      const v1 = await ports.dossiers.create(change);
      await ports.dossiers.createUpload(upload(id));
      const at = NOW.toISOString();
      const closed = { ...v1.dossier, status: 'withdrawn' as const, submittedAt: at, closedAt: at };
      const withdrawn = appendEvents(v1.journalHead, [{ dossierId: id, type: 'dossier_withdrawn', at, actor }]);
      const message = newMessage(id, { side: 'candidate', sub: 'u', role: 'candidate' }, 'Mme Iseult Brocard', NOW);
      await ports.dossiers.update(1, { dossier: closed, ...withdrawn, messages: [message] });
      await ports.dossiers.addNote(newStaffNote(id, { sub: 'i', roles: ['instructor'] } as Caller, 'note', NOW));
      const dueAt = dossierRetention(closed)!;
      const mine = (until: string) =>
        ports.dossiers.retentionDue(until, 1000).then((all) => all.filter((d) => d.dossierId === id));
      expect(await mine(new Date(Date.parse(dueAt.noticeAt) - 1).toISOString())).toEqual([]);
      expect(await mine(dueAt.noticeAt)).toEqual([{ dossierId: id, wakeAt: dueAt.noticeAt }]);
      expect(await ports.dossiers.nextRetentionWake()).not.toBeNull();

      const purgedAt = dueAt.dueAt;
      const tombstone = purgeDue(closed, new Date(purgedAt))!;
      const journal = await ports.dossiers.journal(id);
      await ports.dossiers.purge(
        tombstone,
        journal.map((e) => purgeEvent(e, purgedAt)!),
      );
      expect(await ports.dossiers.get(id)).toBeNull();
      expect(await ports.dossiers.getWithUploads(id)).toBeNull();
      expect((await ports.dossiers.messages(id, 10)).items).toEqual([]);
      expect((await ports.dossiers.notes(id, 10)).items).toEqual([]);
      expect(await mine(dueAt.dueAt)).toEqual([]);
      expect((await ports.dossiers.eventsByActor('u', 1000)).filter((e) => e.dossierId === id)).toEqual([]);
      const erased = await ports.dossiers.journal(id);
      expect(erased.map((e) => e.hash)).toEqual(journal.map((e) => e.hash));
      expect(verifyChain(erased)).toBe(-1);
      expect(JSON.stringify(erased)).not.toContain('"sub":"u"');
      // a purge taken up again changes nothing
      await ports.dossiers.purge(tombstone, erased);
      expect(await ports.dossiers.journal(id)).toEqual(erased);
    });

    it('queues a dossier with an open request among those awaiting an answer, by due date, and lets it go with the answer', async () => {
      const withRequest = async (dueAt: string, status: 'open' | 'answered' = 'open', from?: StoredDossier) => {
        const stored = from ?? (await ports.dossiers.create(newDossier()));
        const request = {
          id: 'r1',
          stage: 'instruction' as const,
          missingItems: ['x'],
          openedAt: NOW.toISOString(),
          openedBy: 'i',
          dueAt,
          status,
        };
        const next = { ...stored.dossier, infoRequests: [request] };
        const events = appendEvents(stored.journalHead, [
          { dossierId: next.id, type: 'dossier_updated', at: NOW.toISOString(), actor },
        ]);
        return ports.dossiers.update(stored.version, { dossier: next, ...events });
      };
      const later = await withRequest('2027-03-06T22:59:59.999Z');
      const sooner = await withRequest('2027-03-05T22:59:59.999Z');
      const ours = async () =>
        (await ports.dossiers.queue('awaiting_answer', 100)).items
          .map((i) => i.dossierId)
          .filter((id) => id === later.dossier.id || id === sooner.dossier.id);
      expect(await ours()).toEqual([sooner.dossier.id, later.dossier.id]);
      await withRequest('2027-03-05T22:59:59.999Z', 'answered', sooner);
      expect(await ours()).toEqual([later.dossier.id]);
    });

    it('allocates each year’s dossier references in sequence, one year apart from another', async () => {
      const year = 3000 + (seed++ % 900);
      const first = await ports.dossiers.allocateReference(year);
      expect(await ports.dossiers.allocateReference(year)).toBe(first + 1);
      expect(await ports.dossiers.allocateReference(year + 1000)).toBe(1);
    });

    it('keeps staff notes beside their dossier, oldest first, paged, and erases them with it', async () => {
      const change = newDossier();
      const id = change.dossier.id;
      await ports.dossiers.create(change);
      const staff = { sub: 'instructor-1', roles: ['instructor'] } as Caller;
      for (const [i, body] of ['première', 'deuxième', 'troisième'].entries())
        await ports.dossiers.addNote(newStaffNote(id, staff, body, new Date(NOW.getTime() + i * 1000)));
      const first = await ports.dossiers.notes(id, 2);
      expect(first.items.map((n) => n.body)).toEqual(['première', 'deuxième']);
      const rest = await ports.dossiers.notes(id, 2, first.nextCursor);
      expect(rest.items.map((n) => n.body)).toEqual(['troisième']);
      expect((await ports.dossiers.notes(randomUUID(), 10)).items).toEqual([]);
    });

    it('keeps uploads beside their dossier: granted alone, settled with the dossier', async () => {
      const change = newDossier();
      const v1 = await ports.dossiers.create(change);
      const granted = upload(change.dossier.id);
      await ports.dossiers.createUpload(granted);
      expect(await ports.dossiers.getUpload(change.dossier.id, granted.id)).toEqual(granted);
      const received = { ...granted, status: 'received' as const, receivedAt: NOW.toISOString() };
      const events = appendEvents(v1.journalHead, [
        { dossierId: change.dossier.id, type: 'upload_received', at: NOW.toISOString(), actor },
      ]);
      await ports.dossiers.update(1, { dossier: v1.dossier, ...events, uploads: [received] });
      const loaded = await ports.dossiers.getWithUploads(change.dossier.id);
      expect(loaded!.stored.version).toBe(2);
      expect(loaded!.uploads).toEqual([received]);
      expect(await ports.dossiers.getUpload(change.dossier.id, randomUUID())).toBeNull();
    });

    it('holds one open candidature per product key, and gives the key back', async () => {
      const key = `product#${randomUUID()}`;
      const a = newDossier();
      await ports.dossiers.create({ ...a, productKey: { acquire: key } });
      const b = newDossier();
      await expect(ports.dossiers.create({ ...b, productKey: { acquire: key } })).rejects.toBeInstanceOf(ConflictError);
      const stored = (await ports.dossiers.get(a.dossier.id))!;
      const events = appendEvents(stored.journalHead, [
        { dossierId: a.dossier.id, type: 'dossier_withdrawn', at: NOW.toISOString(), actor },
      ]);
      await ports.dossiers.update(1, { dossier: stored.dossier, ...events, productKey: { release: key } });
      await expect(ports.dossiers.create({ ...b, productKey: { acquire: key } })).resolves.toMatchObject({
        version: 1,
      });
    });

    it('keeps the public list of candidatures with the dossier, ordered by planned date, and removes from it', async () => {
      const listing = (dossierId: string, plannedCompleteProofDate: string) => ({
        dossierId,
        product: { name: 'P', version: '1' },
        companyName: 'Acme',
        plannedCompleteProofDate,
        stage: 'evidence' as const,
        since: NOW.toISOString(),
      });
      const later = newDossier();
      const sooner = newDossier();
      await ports.dossiers.create({ ...later, publicListing: { put: listing(later.dossier.id, '2099-12-30') } });
      await ports.dossiers.create({ ...sooner, publicListing: { put: listing(sooner.dossier.id, '2099-12-01') } });
      const ids = async () =>
        (await ports.dossiers.listPublicCandidatures(100)).items
          .map((c) => c.dossierId)
          .filter((id) => id === later.dossier.id || id === sooner.dossier.id);
      expect(await ids()).toEqual([sooner.dossier.id, later.dossier.id]);
      const stored = (await ports.dossiers.get(sooner.dossier.id))!;
      const events = appendEvents(stored.journalHead, [
        { dossierId: sooner.dossier.id, type: 'dossier_withdrawn', at: NOW.toISOString(), actor },
      ]);
      await ports.dossiers.update(1, { dossier: stored.dossier, ...events, publicListing: { remove: true } });
      expect(await ids()).toEqual([later.dossier.id]);
      const first = await ports.dossiers.listPublicCandidatures(1);
      expect(first.items).toHaveLength(1);
    });

    it('refuses a change larger than one DynamoDB transaction (100 items), storing nothing of it', async () => {
      const change = newDossier();
      const v1 = await ports.dossiers.create(change);
      const events = appendEvents(
        v1.journalHead,
        Array.from({ length: 100 }, () => ({
          dossierId: change.dossier.id,
          type: 'dossier_updated',
          at: NOW.toISOString(),
          actor,
        })),
      );
      await expect(ports.dossiers.update(1, { dossier: v1.dossier, ...events })).rejects.toThrow();
      expect((await ports.dossiers.get(change.dossier.id))!.version).toBe(1);
      expect(await ports.dossiers.journal(change.dossier.id)).toHaveLength(1);
    });

    it('writes the outbox with the dossier, each message claimed once', async () => {
      const change = newDossier();
      const message = outboxMessage(
        `contract:${change.dossier.id}`,
        'company_registered',
        ['contact@example.fr'],
        { companyName: 'Contrat SAS' },
        NOW.toISOString(),
        change.dossier.id,
      );
      await ports.dossiers.create({ ...change, outbox: [message] });
      expect((await ports.outbox.pending(100)).map((m) => m.id)).toContain(message.id);
      expect(await ports.outbox.claim(message.id, NOW.toISOString())).toBe(true);
      expect(await ports.outbox.claim(message.id, NOW.toISOString())).toBe(false);
      await ports.outbox.release(message.id, 'SES throttled');
      expect(await ports.outbox.claim(message.id, NOW.toISOString())).toBe(true);
      // a claim whose worker died (older than the lease) is pending again and may be taken over
      const later = new Date(NOW.getTime() + CLAIM_LEASE_MS - 1).toISOString();
      const past = new Date(NOW.getTime() + CLAIM_LEASE_MS + 1).toISOString();
      expect((await ports.outbox.pending(100, later)).map((m) => m.id)).not.toContain(message.id);
      expect(await ports.outbox.claim(message.id, later)).toBe(false);
      expect((await ports.outbox.pending(100, past)).map((m) => m.id)).toContain(message.id);
      expect(await ports.outbox.claim(message.id, past)).toBe(true);
      await ports.outbox.markDone(message.id, NOW.toISOString());
      expect((await ports.outbox.pending(100)).map((m) => m.id)).not.toContain(message.id);
      expect(await ports.outbox.claim(message.id, NOW.toISOString())).toBe(false);
    });
  });

  describe('journal requests (a read’s only write)', () => {
    it('stores a request alone, once, and settles it only in the change that journals it, once', async () => {
      const v1 = await ports.dossiers.create(newDossier());
      const id = v1.dossier.id;
      const request = downloadRecorded(randomUUID(), id, actor, { id: randomUUID(), sensitive: false }, NOW);
      await ports.journalRequests.add(request);
      await ports.journalRequests.add(request);
      expect((await ports.journalRequests.pending(100)).filter((r) => r.id === request.id)).toHaveLength(1);
      const journaling = (from: typeof v1) => ({
        dossier: from.dossier,
        ...appendEvents(from.journalHead, [{ dossierId: id, at: NOW.toISOString(), ...requestedEvent(request) }]),
        settlesRequest: request.id,
      });
      // not claimed by the worker: refused whole
      await expect(ports.dossiers.update(1, journaling(v1))).rejects.toBeInstanceOf(ConflictError);
      expect((await ports.dossiers.get(id))!.version).toBe(1);
      expect(await ports.journalRequests.claim(request.id, NOW.toISOString())).toBe(true);
      const v2 = await ports.dossiers.update(1, journaling(v1));
      expect((await ports.journalRequests.pending(100)).map((r) => r.id)).not.toContain(request.id);
      expect(await ports.journalRequests.claim(request.id, NOW.toISOString())).toBe(false);
      // recorded already: a second recording is refused whole
      await expect(ports.dossiers.update(2, journaling(v2))).rejects.toBeInstanceOf(ConflictError);
      const journal = await ports.dossiers.journal(id);
      expect(journal.map((e) => e.type)).toEqual(['dossier_created', 'evidence_downloaded']);
      expect(verifyChain(journal)).toBe(-1);
    });
  });

  describe('companies and their accounts', () => {
    it('keeps one account per SIRET', async () => {
      const input = companyBody(siret(seed++), 'contract');
      const company = registerCompany(input as never, NOW);
      await ports.companies.create(company);
      expect(await ports.companies.get(company.id)).toEqual(company);
      await expect(ports.companies.create(registerCompany(input as never, NOW))).rejects.toBeInstanceOf(ConflictError);
      expect(await ports.companies.get(randomUUID())).toBeNull();
      // an entry corrected: the record rewritten; a company that does not exist is never created so
      const corrected = { ...company, contact: { ...company.contact, phone: '+33 6 00 00 00 02' } };
      await ports.companies.update(corrected);
      expect(await ports.companies.get(company.id)).toEqual(corrected);
      await expect(ports.companies.update({ ...company, id: randomUUID() })).rejects.toThrow();
      // with the mail it causes: both stored, or neither
      const renamed = { ...corrected, name: 'Contrat Renommée SAS' };
      const sent = aMail(`contract:renamed:${company.id}`);
      await ports.companies.update(renamed, [sent]);
      expect(await ports.companies.get(company.id)).toEqual(renamed);
      expect((await ports.outbox.pending(100)).map((m) => m.id)).toContain(sent.id);
      const nobody = { ...company, id: randomUUID() };
      const unsent = aMail(`contract:nobody:${nobody.id}`);
      await expect(ports.companies.update(nobody, [unsent])).rejects.toThrow();
      expect((await ports.outbox.pending(100)).map((m) => m.id)).not.toContain(unsent.id);
    });

    it('binds an account to one company, for good', async () => {
      const sub = `sub-${randomUUID()}`;
      expect(await ports.members.companyOf(sub)).toBeNull();
      await ports.members.bind(sub, 'company-a');
      await ports.members.bind(sub, 'company-a'); // the same binding again is no change
      await expect(ports.members.bind(sub, 'company-b')).rejects.toBeInstanceOf(ConflictError);
      expect(await ports.members.companyOf(sub)).toBe('company-a');
    });

    it('removes a replaced representative’s accounts by address, for good, and only theirs', async () => {
      const company = `company-${randomUUID()}`;
      const [former, other, elsewhere] = [1, 2, 3].map(() => `sub-${randomUUID()}`);
      await ports.members.bind(former!, company, 'Former@Exemple.fr');
      await ports.members.bind(former!, company); // a sign-in without the address keeps it
      await ports.members.bind(other!, company, 'other@exemple.fr');
      await ports.members.bind(elsewhere!, `company-${randomUUID()}`, 'former@exemple.fr');
      expect(await ports.members.removeByEmail(company, 'former@exemple.fr', NOW.toISOString())).toEqual([former]);
      expect(await ports.members.companyOf(former!)).toBeNull();
      expect(await ports.members.companyOf(other!)).toBe(company);
      expect(await ports.members.companyOf(elsewhere!)).not.toBeNull();
      await expect(ports.members.bind(former!, company)).rejects.toThrow('this account was removed from its company');
      expect(await ports.members.removeByEmail(company, 'former@exemple.fr', NOW.toISOString())).toEqual([]);
    });
  });

  describe('referentials and certificates', () => {
    it('publishes a version once and moves the current one', async () => {
      const shipped = await ports.referentials.get(await ports.referentials.current());
      expect(shipped).not.toBeNull();
      const version = `9.${seed++}.0`;
      await ports.referentials.put({ ...shipped!, version, publishedAt: NOW.toISOString() });
      await expect(ports.referentials.put({ ...shipped!, version })).rejects.toBeInstanceOf(ConflictError);
      await expect(ports.referentials.put({ ...shipped!, version: shipped!.version })).rejects.toBeInstanceOf(
        ConflictError,
      );
      await ports.referentials.setCurrent(version);
      expect(await ports.referentials.current()).toBe(version);
      expect((await ports.referentials.get(version))!.version).toBe(version);
      expect(await ports.referentials.get('0.0.1')).toBeNull();
    });

    it('numbers certificates in a sequence per year, never twice, however many ask at once', async () => {
      const year = 2100 + (seed++ % 800);
      const numbers = await Promise.all(Array.from({ length: 10 }, () => ports.certificates.allocateNumber(year)));
      expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await ports.certificates.allocateNumber(year + 1)).toBe(1);
      expect(await ports.certificates.get('TLC-2026-999999')).toBeNull();
    });
  });

  describe('workflow state', () => {
    it('keeps the wait of the generation that holds the clocks, handed out once', async () => {
      const dossierId = randomUUID();
      const checkAt = '2027-03-01T00:00:00.000Z';
      await ports.workflowState.expect(dossierId, 1, checkAt);
      const wait = { dossierId, taskToken: 't1', waitingFor: 'candidate', since: NOW.toISOString() };
      expect(await ports.workflowState.saveWait({ ...wait, generation: 1, checkAt })).toBe(true);
      await ports.workflowState.expect(dossierId, 2, checkAt);
      // a later generation has taken over: the earlier one's wait is refused, and so is a move back
      expect(await ports.workflowState.saveWait({ ...wait, taskToken: 't-old', generation: 1, checkAt })).toBe(false);
      await ports.workflowState.expect(dossierId, 1, checkAt);
      expect((await ports.workflowState.get(dossierId))!.generation).toBe(2);
      expect(await ports.workflowState.saveWait({ ...wait, taskToken: 't2', generation: 2, checkAt })).toBe(true);
      expect(await ports.workflowState.takeWait(dossierId)).toMatchObject({ taskToken: 't2' });
      expect(await ports.workflowState.takeWait(dossierId)).toBeNull();
      await ports.workflowState.forget(dossierId);
      expect(await ports.workflowState.get(dossierId)).toBeNull();
    });
  });

  describe('API clients and webhooks (issue 26)', () => {
    const subscription = (companyId: string): WebhookSubscription => ({
      id: randomUUID(),
      companyId,
      url: 'https://hooks.example.org/in',
      events: ['dossier.status_changed'],
      secret: 'whsec_c2VjcmV0',
      status: 'active',
      createdAt: NOW.toISOString(),
      createdBy: 'u',
    });
    const delivery = (
      webhookId: string,
      dossierId: string,
      order: string,
      at = NOW.toISOString(),
    ): WebhookDelivery => ({
      id: `msg_${randomUUID()}`,
      webhookId,
      companyId: 'c',
      dossierId,
      order,
      eventId: `${dossierId}.${order}`,
      type: 'dossier.status_changed',
      occurredAt: at,
      body: '{}',
      status: 'pending',
      createdAt: at,
      nextAttemptAt: at,
      attempts: [],
    });

    it('keeps a client once, lists a company’s own, revokes it, and counts requests per window', async () => {
      const companyId = randomUUID();
      const client = { clientId: randomUUID(), companyId, name: 'CI', createdAt: NOW.toISOString(), createdBy: 'u' };
      await ports.apiClients.create(client);
      await expect(ports.apiClients.create(client)).rejects.toThrow(ConflictError);
      expect(await ports.apiClients.get(client.clientId)).toEqual(client);
      expect(await ports.apiClients.list(companyId)).toEqual([client]);
      expect(await ports.apiClients.list(randomUUID())).toEqual([]);
      await ports.apiClients.revoke({ ...client, revokedAt: NOW.toISOString(), revokedBy: 'u' });
      expect((await ports.apiClients.get(client.clientId))?.revokedAt).toBe(NOW.toISOString());
      expect((await ports.apiClients.list(companyId))[0]?.revokedAt).toBe(NOW.toISOString());
      const window = { key: '1800000000', expiresAt: 1800000120 };
      const counts = await Promise.all([1, 2, 3].map(() => ports.apiClients.countRequest(client.clientId, window)));
      expect([...counts].sort()).toEqual([1, 2, 3]);
      expect(await ports.apiClients.countRequest(client.clientId, { key: '1800000060', expiresAt: 1 })).toBe(1);
    });

    it('keeps subscriptions per company, disables one with its mail, and deletes it', async () => {
      const companyId = randomUUID();
      const s = subscription(companyId);
      await ports.webhooks.create(s);
      await expect(ports.webhooks.create(s)).rejects.toThrow(ConflictError);
      expect(await ports.webhooks.get(companyId, s.id)).toEqual(s);
      expect(await ports.webhooks.get(randomUUID(), s.id)).toBeNull();
      expect(await ports.webhooks.list(companyId)).toEqual([s]);
      const disabledMail = aMail(`contract:disabled:${s.id}`);
      await ports.webhooks.disable({ ...s, status: 'disabled', disabledAt: NOW.toISOString() }, [disabledMail]);
      expect((await ports.webhooks.get(companyId, s.id))?.status).toBe('disabled');
      expect((await ports.outbox.pending(100)).map((m) => m.id)).toContain(disabledMail.id);
      await ports.webhooks.remove(companyId, s.id);
      expect(await ports.webhooks.list(companyId)).toEqual([]);
      // disabling one deleted meanwhile does nothing, and mails nobody
      const unsent = aMail(`contract:deleted:${s.id}`);
      await ports.webhooks.disable({ ...s, status: 'disabled' }, [unsent]);
      await ports.webhooks.disable({ ...s, status: 'disabled' }, []);
      expect(await ports.webhooks.get(companyId, s.id)).toBeNull();
      expect((await ports.outbox.pending(100)).map((m) => m.id)).not.toContain(unsent.id);
    });

    it('hands out due deliveries once stored, in order per dossier, and records an attempt once', async () => {
      const webhookId = randomUUID();
      const dossier = randomUUID();
      const first = delivery(webhookId, dossier, '00000003.000');
      const second = delivery(webhookId, dossier, '00000005.000');
      const elsewhere = delivery(webhookId, randomUUID(), '00000001.000');
      const later = delivery(webhookId, randomUUID(), '00000001.000', '2099-01-01T00:00:00.000Z');
      await ports.webhooks.addDeliveries([first, second, elsewhere, later]);
      // a replayed fan-out: what is stored stays
      await ports.webhooks.addDeliveries([{ ...first, body: 'replayed' }]);
      const due = await ports.webhooks.due(NOW.toISOString(), 100);
      const mine = due.filter((d) => d.webhookId === webhookId).map((d) => d.id);
      expect(mine.sort()).toEqual([first.id, second.id, elsewhere.id].sort());
      expect(due.find((d) => d.id === first.id)?.body).toBe('{}');
      expect(await ports.webhooks.blockedByEarlier(second)).toBe(true);
      expect(await ports.webhooks.blockedByEarlier(first)).toBe(false);
      expect(await ports.webhooks.blockedByEarlier(elsewhere)).toBe(false);
      const attempt = { at: NOW.toISOString(), status: 204, durationMs: 3 };
      const done = { ...first, status: 'delivered' as const, attempts: [attempt], deliveredAt: NOW.toISOString() };
      expect(await ports.webhooks.saveDelivery(done, 0)).toBe(true);
      // another worker's outcome, read before this one: refused
      expect(await ports.webhooks.saveDelivery({ ...first, attempts: [attempt] }, 0)).toBe(false);
      expect(await ports.webhooks.blockedByEarlier(second)).toBe(false);
      expect((await ports.webhooks.due(NOW.toISOString(), 100)).map((d) => d.id)).not.toContain(first.id);
      const log = await ports.webhooks.deliveries(webhookId, 10);
      expect(log.map((d) => d.id).sort()).toEqual([first.id, second.id, elsewhere.id, later.id].sort());
      expect(log.find((d) => d.id === first.id)?.status).toBe('delivered');
    });
  });
});
