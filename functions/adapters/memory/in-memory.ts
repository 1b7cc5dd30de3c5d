/**
 * In-memory implementations of every secondary port, one file per port, for use-case tests that run in
 * milliseconds without Java or emulators. They keep the contracts the real adapters keep
 * (optimistic locking, one open candidature per product, unique SIRET, claim-once outbox),
 * so a use case tested here behaves as it does on DynamoDB; e2e tests keep proving the real ones.
 */
export { InMemoryCertificates } from './certificates';
export { ManualClock } from './clock';
export { InMemoryCompanies } from './companies';
export { InMemoryDossiers } from './dossiers';
export { InMemoryLongClocks } from './long-clocks';
export { InMemoryMail } from './mail';
export { InMemoryMembers } from './members';
export { InMemoryUserDirectory } from './user-directory';
export { InMemoryReferentials } from './referentials';
export { InMemoryStorage } from './storage';
export { InMemoryJournalRequests, InMemoryOutbox, InMemoryWorkQueue } from './work-queue';
export { InMemoryWorkflow } from './workflow';
