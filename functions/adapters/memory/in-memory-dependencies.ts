import type { Dependencies } from '../../container';
import { defaultCalendarPolicy } from '../../domain/calendar';
import type { DocumentJob } from '../../domain/document-job';
import type { StampJob } from '../../domain/trusted-timestamps';
import { inMemoryTrust } from '../trust/trust-services';
import { InMemoryIssuedDocuments } from './issued-documents';
import { InMemoryJournalAnchors } from './journal-anchors';
import { InMemoryApiClientDirectory, InMemoryApiClients } from './api-clients';
import { InMemoryWebhooks, InMemoryWebhookSender } from './webhooks';
import { InMemoryPersonalDataLog } from './personal-data-log';
import type { WebhookEventBatch } from '../../domain/webhooks';
import {
  InMemoryCertificates,
  InMemoryCompanies,
  InMemoryDossiers,
  InMemoryLongClocks,
  InMemoryMail,
  InMemoryMembers,
  InMemoryUserDirectory,
  InMemoryOutbox,
  InMemoryReferentials,
  InMemoryStorage,
  InMemoryWorkflow,
  InMemoryWorkQueue,
  InMemoryJournalRequests,
  ManualClock,
} from './in-memory';

/** Every port in memory, wired as the container wires the real ones, with handles for tests. */
export const inMemoryDependencies = (now: string, overrides: Partial<Dependencies> = {}) => {
  const clock = new ManualClock(new Date(now));
  const outbox = new InMemoryOutbox();
  const certificates = new InMemoryCertificates();
  const documentJobs = new InMemoryWorkQueue<DocumentJob>();
  const stampJobs = new InMemoryWorkQueue<StampJob>();
  const journalRequests = new InMemoryJournalRequests();
  const issuedDocuments = new InMemoryIssuedDocuments();
  const webhookEvents = new InMemoryWorkQueue<WebhookEventBatch>();
  const dossiers = new InMemoryDossiers(outbox, certificates, documentJobs, stampJobs, journalRequests, webhookEvents);
  const webhooks = new InMemoryWebhooks(outbox);
  const webhookSender = new InMemoryWebhookSender();
  const apiClients = new InMemoryApiClients();
  const companies = new InMemoryCompanies(outbox);
  const workflow = new InMemoryWorkflow();
  const storage = new InMemoryStorage();
  const longClocks = new InMemoryLongClocks();
  const mail = new InMemoryMail();
  const deps: Dependencies = {
    clock,
    calendar: defaultCalendarPolicy,
    dossiers,
    companies,
    workflowState: workflow,
    engine: workflow,
    outbox,
    documentJobs,
    stampJobs,
    journalRequests,
    issuedDocuments,
    anchors: new InMemoryJournalAnchors(dossiers),
    trust: inMemoryTrust(clock),
    mailer: mail,
    storage,
    referentials: new InMemoryReferentials(),
    certificates,
    longClocks,
    exceptionalExpiresOn: '2024-12-31',
    users: new InMemoryUserDirectory(),
    members: new InMemoryMembers(),
    malwareScanning: false,
    ansMailbox: 'instruction@ans.test',
    apiClients,
    apiClientDirectory: new InMemoryApiClientDirectory(),
    webhooks,
    webhookEvents,
    webhookSender,
    webhookUrls: { allowLoopback: false },
    personalDataLog: new InMemoryPersonalDataLog(),
    ...overrides,
  };
  return {
    deps,
    clock,
    outbox,
    documentJobs,
    stampJobs,
    journalRequests,
    certificates,
    dossiers,
    companies,
    workflow,
    storage,
    longClocks,
    mail,
    apiClients,
    webhooks,
    webhookEvents,
    webhookSender,
  };
};
