import { createHash } from 'node:crypto';

/**
 * Append-only journal of a dossier. Each event carries the hash of the previous one, so any
 * later edit or deletion breaks the chain: it is the audit trail and the proof of dates.
 */
export interface Actor {
  sub: string;
  role: string;
}

export interface JournalEvent {
  dossierId: string;
  seq: number;
  type: string;
  at: string;
  actor: Actor;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
  /** an outside authority's token over `hash`, added once obtained: outside the chain it vouches for */
  timestamp?: EventTimestamp;
}

/** A token over an event's hash, as published on the event (domain/trusted-timestamps.ts). */
export interface EventTimestamp {
  /** base64 DER RFC 3161 TimeStampToken; its message imprint is the event's SHA-256 `hash` */
  token: string;
  /** who issued it: the authority's name (« local » on the local stack) */
  tsa: string;
}

export interface JournalHead {
  seq: number;
  hash: string;
}

export const GENESIS: JournalHead = { seq: 0, hash: '0'.repeat(64) };

const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** A text's SHA-256 (hex), quoted in an event so that the chain vouches for the text itself. */
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const hashEvent = (event: Omit<JournalEvent, 'hash' | 'timestamp'>): string =>
  createHash('sha256').update(canonical(event)).digest('hex');

export const appendEvent = (
  head: JournalHead,
  draft: { dossierId: string; type: string; at: string; actor: Actor; data?: Record<string, unknown> },
): JournalEvent => {
  const unsigned = { ...draft, data: draft.data ?? {}, seq: head.seq + 1, prevHash: head.hash };
  return { ...unsigned, hash: hashEvent(unsigned) };
};

/** Appends several events in order, returning them and the new head. */
export const appendEvents = (
  head: JournalHead,
  drafts: Parameters<typeof appendEvent>[1][],
): { events: JournalEvent[]; head: JournalHead } => {
  const events: JournalEvent[] = [];
  let current = head;
  for (const draft of drafts) {
    const event = appendEvent(current, draft);
    events.push(event);
    current = { seq: event.seq, hash: event.hash };
  }
  return { events, head: current };
};

/** Index of the first event that breaks the chain, or -1 when the chain is intact. */
export const verifyChain = (events: JournalEvent[]): number => {
  let head = GENESIS;
  for (const [i, event] of events.entries()) {
    const { hash, timestamp: _token, ...unsigned } = event;
    if (event.seq !== head.seq + 1 || event.prevHash !== head.hash || hashEvent(unsigned) !== hash) return i;
    head = { seq: event.seq, hash };
  }
  return -1;
};
