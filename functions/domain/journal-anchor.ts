import { createHash } from 'node:crypto';
import { DateTime } from './luxon';
import { LEGAL_ZONE } from './calendar';
import type { JournalHead } from './journal';

/**
 * The daily anchor of every journal (issue 24). Each event with legal weight carries its own
 * token; the anchor covers the rest: once a day the head of every dossier's journal is listed,
 * the list hashed and the hash timestamped by the outside authority. An event edited, removed or
 * inserted before an anchor — even one without a token of its own, even with the chain rebuilt —
 * no longer leads to the head the anchor lists.
 */
export interface JournalAnchor {
  /** the day (Paris) the anchor was made, YYYY-MM-DD: one anchor per day */
  day: string;
  /** SHA-256 (hex) of the list's text (`anchorText`) */
  digest: string;
  dossiers: number;
  /** where the list is kept (evidence bucket, under Object Lock) */
  key: string;
  madeAt: string;
  timestamp: { token: string; tsa: string };
}

export interface AnchoredHead {
  dossierId: string;
  head: JournalHead;
}

/** The list as hashed: one line per dossier, `<id> <seq> <hash>`, by id — reproducible by anyone holding it. */
export const anchorText = (heads: AnchoredHead[]) =>
  [...heads]
    .sort((a, b) => (a.dossierId < b.dossierId ? -1 : a.dossierId > b.dossierId ? 1 : 0))
    .map((h) => `${h.dossierId} ${h.head.seq} ${h.head.hash}\n`)
    .join('');

export const anchorDigest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The anchor's day for an instant: the legal calendar's (Paris) date. */
export const anchorDay = (at: Date) => DateTime.fromJSDate(at, { zone: LEGAL_ZONE }).toISODate()!;

export const anchorKey = (name: string) => `anchors/${name}.txt`;
/** where the proof worker may write anchors, and nothing else of the evidence bucket's */
export const ANCHOR_KEY_PATTERN = 'anchors/*';

/** The heads a list names, read back from its text (the verifier's side). */
export const parseAnchorText = (text: string): AnchoredHead[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [dossierId, seq, hash] = line.split(' ');
      return { dossierId: dossierId!, head: { seq: Number(seq), hash: hash! } };
    });
