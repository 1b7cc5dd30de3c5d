import type { EventTimestamp, JournalEvent } from './journal';

export type { EventTimestamp };

/**
 * Trusted timestamps (API.md [1.2] « Sealed documents and trusted timestamps »). The journal's
 * chain proves order, not dates: anyone able to write the table could rebuild a consistent chain.
 * An RFC 3161 token from an outside authority over an event's hash vouches that the event existed
 * at the token's instant. Only events with legal weight are stamped — each act that opens or
 * closes a time limit, each decision and sanction; an event is stored first and its token added
 * when the authority answers, so an outage never moves a legal instant (the event's `at` stays).
 */
export const TIMESTAMPED_EVENTS = [
  // the complete file's receipt starts the decision clock (R.1470-4)
  'complete_file_acknowledged',
  // every notification issued and received: the date of receipt is what the law counts from
  'notification_issued',
  'notification_received',
  'notification_deemed_received',
  'decision_received',
  // decisions
  'dossier_admissible',
  'dossier_inadmissible',
  'college_refused',
  'college_certified_with_reservations',
  'certificate_granted',
  'convention_signed',
  // legal effects of the clocks
  'dossier_abandoned',
  'dossier_closed_unsigned',
  // sanctions and the certificate's end
  'formal_notice_issued',
  'formal_notice_lapsed',
  'observations_requested',
  'certificate_suspended',
  'certificate_reinstated',
  'certificate_withdrawn',
  'certificate_terminated',
  'certificate_expired',
] as const;

const STAMPED = new Set<string>(TIMESTAMPED_EVENTS);

/** A token to obtain: written in the event's transaction, done once by the stamping worker. */
export interface StampJob {
  id: string;
  dossierId: string;
  seq: number;
  /** the event's hash (hex): the digest the token vouches for */
  hash: string;
  createdAt: string;
}

/** The stamp jobs for the events of one change: one per event with legal weight. */
export const stampJobsFor = (events: JournalEvent[], createdAt: string): StampJob[] =>
  events
    .filter((e) => STAMPED.has(e.type))
    .map((e) => ({ id: `${e.dossierId}.${e.seq}`, dossierId: e.dossierId, seq: e.seq, hash: e.hash, createdAt }));

export const isTimestamped = (type: string) => STAMPED.has(type);
