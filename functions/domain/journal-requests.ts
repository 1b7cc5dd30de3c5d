import type { Actor } from './journal';

/**
 * A journal event a read asks for (a download): the read's function may write this request and
 * nothing else of the table (least privilege, README « Security »); the proof worker appends the
 * event to the dossier's chain in a transaction that also settles the request, so that it is
 * recorded exactly once — within seconds, however many times the worker is retried.
 */
export interface JournalRequest {
  /** the request's own id: one read, one event */
  id: string;
  dossierId: string;
  /** the instant of the read; the event is chained when recorded and carries this instant */
  createdAt: string;
  type: JournalRequestType;
  actor: Actor;
  data: Record<string, unknown>;
}

/** The events a read may ask for: reads record who saw what, never change a dossier. */
export type JournalRequestType = 'evidence_downloaded';

/** The request a download writes before its link is handed out (no link without its record). */
export const downloadRecorded = (
  id: string,
  dossierId: string,
  actor: Actor,
  upload: { id: string; sensitive: boolean },
  at: Date,
): JournalRequest => ({
  id,
  dossierId,
  createdAt: at.toISOString(),
  type: 'evidence_downloaded',
  actor,
  data: { uploadId: upload.id, sensitive: upload.sensitive },
});

/** The event a request becomes: the read's instant kept beside the chain's own. */
export const requestedEvent = (request: JournalRequest) => ({
  type: request.type,
  actor: request.actor,
  data: { ...request.data, requestedAt: request.createdAt },
});
