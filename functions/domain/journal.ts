import { createHash, randomBytes } from 'node:crypto';

/**
 * Append-only journal of a dossier. Each event carries the hash of the previous one, so any
 * later edit or deletion breaks the chain: it is the audit trail and the proof of dates.
 *
 * An event's personal part — who acted (`actor.sub`) and what they wrote (`data`) — is not in the
 * chain itself: the chain hashes its salted digest (`personalDigest`, SHA-256 of a random per-event
 * `salt` and the part). While the salt is kept, the digest binds the part as firmly as the chain
 * would; at the end of the retention period (domain/retention.ts) the part and the salt are erased
 * together (`purgeEvent`) and every link stays checkable, while nobody can test a guessed name
 * against the digest without the salt (RGPD art. 5-1-e and 17; issue 27).
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
  /** the random salt of `personalDigest`: outside the chain, erased with the personal part */
  salt?: string;
  /** SHA-256 of the salt and the personal part (`actor.sub`, `data`): what the chain hashes instead */
  personalDigest?: string;
  /** when the personal part and the salt were erased (the dossier's retention ended) */
  purgedAt?: string;
}

/** Who acted, once erased: the role stays (it is in the chain), the person does not. */
export const PURGED_ACTOR = 'purged';

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

type Unsigned = Omit<JournalEvent, 'hash' | 'timestamp'>;

/** The salted digest of an event's personal part. */
export const personalDigestOf = (salt: string, event: Pick<JournalEvent, 'actor' | 'data'>): string =>
  createHash('sha256')
    .update(`${salt}:${canonical({ sub: event.actor.sub, data: event.data })}`)
    .digest('hex');

/**
 * What the chain hashes. A sealed event (one with a `personalDigest`) is hashed without its
 * personal part, salt or purge date; an event written before sealing existed is hashed whole.
 */
export const hashEvent = (event: Unsigned): string => {
  const { salt: _salt, purgedAt: _purged, personalDigest, ...rest } = event;
  const chained =
    personalDigest === undefined
      ? rest
      : {
          dossierId: rest.dossierId,
          seq: rest.seq,
          type: rest.type,
          at: rest.at,
          role: rest.actor.role,
          prevHash: rest.prevHash,
          personalDigest,
        };
  return createHash('sha256').update(canonical(chained)).digest('hex');
};

export const appendEvent = (
  head: JournalHead,
  draft: { dossierId: string; type: string; at: string; actor: Actor; data?: Record<string, unknown> },
  salt: string = randomBytes(16).toString('hex'),
): JournalEvent => {
  const personal = { actor: draft.actor, data: draft.data ?? {} };
  const unsigned: Unsigned = {
    ...draft,
    data: personal.data,
    seq: head.seq + 1,
    prevHash: head.hash,
    salt,
    personalDigest: personalDigestOf(salt, personal),
  };
  return { ...unsigned, hash: hashEvent(unsigned) } as JournalEvent;
};

/**
 * The event with its personal part and salt erased: the chain still checks (it hashes the digest,
 * which stays), nothing names the person any more. An event written before sealing existed has
 * no digest to stand in for its part: it is returned as it is (`null`), never broken.
 */
export const purgeEvent = (event: JournalEvent, at: string): JournalEvent | null => {
  if (event.personalDigest === undefined) return null;
  if (event.purgedAt) return event;
  const { salt: _salt, ...rest } = event;
  return { ...rest, actor: { sub: PURGED_ACTOR, role: event.actor.role }, data: {}, purgedAt: at };
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
    // while the salt is kept, the personal part must be the one the digest was made of
    if (event.salt !== undefined && personalDigestOf(event.salt, event) !== event.personalDigest) return i;
    // an erased event keeps no personal part at all
    if (
      event.purgedAt &&
      (event.salt !== undefined || event.actor.sub !== PURGED_ACTOR || Object.keys(event.data).length)
    )
      return i;
    head = { seq: event.seq, hash };
  }
  return -1;
};

/**
 * What an event is about, by id only (the request, notification, message, file or requirement it
 * names): what a reader needs to show the event beside its object, and nothing of its payload — no
 * text, no person. A purged event names nothing.
 */
export const JOURNAL_REFERENCES = ['requestId', 'notificationId', 'messageId', 'uploadId', 'requirementId'] as const;
export type JournalRefs = Partial<Record<(typeof JOURNAL_REFERENCES)[number], string>>;

export const journalRefs = (data: Record<string, unknown> | undefined): JournalRefs =>
  Object.fromEntries(
    JOURNAL_REFERENCES.flatMap((key) => (typeof data?.[key] === 'string' ? [[key, data[key] as string]] : [])),
  );
