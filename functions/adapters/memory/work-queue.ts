import type { OutboxMessage } from '../../domain/outbox';
import type { JournalRequest } from '../../domain/journal-requests';
import { CLAIM_LEASE_MS, type JournalRequestStore, type OutboxStore, type WorkQueue } from '../../domain/ports';
import { clone } from './support';

/** Claim-once work in memory: the outbox, the document jobs. */
export class InMemoryWorkQueue<T extends { id: string }> implements WorkQueue<T> {
  readonly messages = new Map<
    string,
    T & { state: 'pending' | 'claimed' | 'sent'; error?: string; claimedAt?: string }
  >();
  add(message: T) {
    if (!this.messages.has(message.id)) this.messages.set(message.id, { ...clone(message), state: 'pending' });
  }
  async pending(limit: number, at?: string) {
    return [...this.messages.values()].filter((m) => m.state === 'pending' || this.stale(m, at)).slice(0, limit);
  }
  async claim(id: string, at: string) {
    const m = this.messages.get(id);
    if (!m || (m.state !== 'pending' && !this.stale(m, at))) return false;
    m.state = 'claimed';
    m.claimedAt = at;
    return true;
  }
  /** claimed longer ago than the lease: its worker died */
  private stale(m: { state: string; claimedAt?: string }, at?: string) {
    return (
      at !== undefined &&
      m.state === 'claimed' &&
      m.claimedAt !== undefined &&
      new Date(m.claimedAt).getTime() < new Date(at).getTime() - CLAIM_LEASE_MS
    );
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

/** The reads' journal requests: stored alone, settled by the transaction that records their event. */
export class InMemoryJournalRequests extends InMemoryWorkQueue<JournalRequest> implements JournalRequestStore {
  override async add(request: JournalRequest) {
    super.add(request);
  }
  /** Whether the change recording this request may commit: the worker holds it, unrecorded. */
  isClaimed(id: string) {
    return this.messages.get(id)?.state === 'claimed';
  }
  settle(id: string) {
    this.messages.get(id)!.state = 'sent';
  }
}
