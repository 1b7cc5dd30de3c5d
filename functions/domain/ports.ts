import type { Company } from './company';
import type { Dossier } from './dossier';
import type { JournalEvent, JournalHead } from './journal';
import type { OutboxMessage } from './outbox';

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
}

export interface DossierRepository {
  get(id: string): Promise<StoredDossier | null>;
  /** Stores a new dossier with its first journal events and mail, atomically. */
  create(change: DossierChange): Promise<StoredDossier>;
  /** Stores a new state if the stored version is still `expectedVersion` (else PreconditionFailedError). */
  update(expectedVersion: number, change: DossierChange): Promise<StoredDossier>;
  journal(id: string): Promise<JournalEvent[]>;
}

export interface CompanyRepository {
  /** ConflictError when a company with the same SIRET / VAT number exists. */
  create(company: Company, outbox?: OutboxMessage[]): Promise<void>;
  get(id: string): Promise<Company | null>;
}

export interface WorkflowWait {
  dossierId: string;
  taskToken: string;
  waitingFor: string;
  since: string;
}

export interface WorkflowStateStore {
  saveWait(wait: WorkflowWait): Promise<void>;
  /** Removes and returns the pending wait, so that only one caller ever resumes it. */
  takeWait(dossierId: string): Promise<WorkflowWait | null>;
}

export interface WorkflowEngine {
  /** Starts the dossier's execution; starting one already running is a no-op. */
  start(dossierId: string): Promise<void>;
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
}

export interface Mailer {
  send(message: { to: string[]; subject: string; text: string; html: string; id: string }, at: Date): Promise<void>;
}

export interface OutboxStore {
  pending(limit: number): Promise<OutboxMessage[]>;
  /** Claims a message for sending; false when another sender has it or it was sent. */
  claim(id: string, at: string): Promise<boolean>;
  markSent(id: string, at: string): Promise<void>;
  release(id: string, error: string): Promise<void>;
}
