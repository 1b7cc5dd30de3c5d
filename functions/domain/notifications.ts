import { addIsoDuration, type CalendarPolicy } from './calendar';
import { BusinessRuleError, NotFoundError } from './errors';
/** the roles SES reported undeliverable (dossier-model's UndeliverableContact, named here without a cycle) */
type UndeliverableContact = { role: string };

/**
 * Notifications with a certain date of receipt (R.1470-2 « notifie », R.1470-4 al. 2: « par tout
 * moyen donnant date certaine à sa réception »). Every act that states a decision or opens a time
 * limit for the company is one: it is issued (journaled, mailed: « un document vous attend »),
 * then received — opened by the company, or deemed received `RECEIPT_DEEMED_AFTER` after its
 * issue, or, when the company could not be reached by mail, received as ANS records it. The time
 * limits given to the company run from that receipt.
 */
export const NOTIFICATION_KINDS = [
  'info_request',
  'inadmissibility',
  'decision',
  'tacit_acceptance',
  'abandonment',
  'formal_notice',
  'observations_notice',
  'suspension',
  'reinstatement',
  'withdrawal',
  'termination',
  'expiry',
  'renewal_required',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How the receipt is known: the company opened it, the rule deemed it, or ANS recorded another means. */
export const RECEIPT_MEANS = ['opened', 'deemed', 'recorded'] as const;
export type ReceiptMeans = (typeof RECEIPT_MEANS)[number];

export interface Notification {
  id: string;
  kind: NotificationKind;
  /** what it is about when there can be several: an information request's or a notice's id */
  subjectId?: string;
  issuedAt: string;
  receivedAt?: string;
  receipt: ReceiptMeans | null;
  /**
   * when it is deemed received if not opened before; null while every contact of the company is
   * undeliverable — ANS must then reach it another way and record the receipt
   */
  deemedReceivedAt: string | null;
  /** hash of the journal event that records the receipt */
  receiptHash?: string;
  /** how ANS reached the company, when it recorded the receipt itself */
  recordedMeans?: string;
}

export const DEFAULT_RECEIPT_DEEMED_AFTER = 'P15D';

/** The contacts a notification is mailed to (contact, legal representative): all undeliverable? */
export const isUnreachable = (undeliverable: readonly UndeliverableContact[] | undefined) => {
  const roles = new Set((undeliverable ?? []).map((u) => u.role));
  return roles.has('contact') && roles.has('legal_representative');
};

const deemedAt = (issuedAt: Date, policy: CalendarPolicy) =>
  addIsoDuration(issuedAt, policy.receiptDeemedAfter ?? DEFAULT_RECEIPT_DEEMED_AFTER)!.toISOString();

export const issueNotification = (
  kind: NotificationKind,
  id: string,
  now: Date,
  policy: CalendarPolicy,
  options: { subjectId?: string; undeliverable?: readonly UndeliverableContact[] } = {},
): Notification => ({
  id,
  kind,
  ...(options.subjectId ? { subjectId: options.subjectId } : {}),
  issuedAt: now.toISOString(),
  receipt: null,
  deemedReceivedAt: isUnreachable(options.undeliverable) ? null : deemedAt(now, policy),
});

/**
 * The latest instant the notification can be received at, as known now: its receipt, else its
 * deemed receipt; undefined while neither is known (the company unreachable).
 */
export const latestReceipt = (n: Notification): string | undefined => n.receivedAt ?? n.deemedReceivedAt ?? undefined;

/** Notifications whose deemed receipt has come and is not yet recorded. */
export const receiptsDeemedBy = (notifications: readonly Notification[] | undefined, now: Date) =>
  (notifications ?? []).filter(
    (n) => n.receipt === null && n.deemedReceivedAt !== null && Date.parse(n.deemedReceivedAt) <= now.getTime(),
  );

/** The first receipt counts: a received notification stays as it was (null = nothing to record). */
export const received = (
  n: Notification,
  means: ReceiptMeans,
  at: string,
  recordedMeans?: string,
): Notification | null =>
  n.receipt ? null : { ...n, receipt: means, receivedAt: at, ...(recordedMeans ? { recordedMeans } : {}) };

export const findNotification = (notifications: readonly Notification[] | undefined, id: string) => {
  const found = notifications?.find((n) => n.id === id);
  if (!found) throw new NotFoundError('no such notification');
  return found;
};

/** The notification of an act (its subject when there can be several). */
export const notificationOf = (
  notifications: readonly Notification[] | undefined,
  kind: NotificationKind,
  subjectId?: string,
) => [...(notifications ?? [])].reverse().find((n) => n.kind === kind && (!subjectId || n.subjectId === subjectId));

/** When ANS records a receipt itself, it is a past instant not before the issue. */
export const assertRecordableReceipt = (n: Notification, at: Date, now: Date) => {
  if (at.getTime() < Date.parse(n.issuedAt) || at.getTime() > now.getTime())
    throw new BusinessRuleError(
      'the date of receipt lies between the notification’s issue and now',
      [{ path: 'receivedAt', message: `between ${n.issuedAt} and ${now.toISOString()}` }],
      'Code de la santé publique, art. R.1470-4 al. 2',
    );
};

/** A company that cannot be reached by mail: the receipts not yet known can no longer be deemed. */
export const withoutDeemedReceipt = (notifications: readonly Notification[] | undefined) =>
  (notifications ?? []).map((n) =>
    n.receipt === null && n.deemedReceivedAt !== null ? { ...n, deemedReceivedAt: null } : n,
  );

/** The view of a notification (API.md [1.2]). */
export const notificationView = (n: Notification) => ({
  id: n.id,
  kind: n.kind,
  ...(n.subjectId ? { subjectId: n.subjectId } : {}),
  issuedAt: n.issuedAt,
  ...(n.receivedAt ? { receivedAt: n.receivedAt } : {}),
  receipt: n.receipt,
  deemedReceivedAt: n.deemedReceivedAt,
  ...(n.receiptHash ? { receiptHash: n.receiptHash } : {}),
  ...(n.recordedMeans ? { recordedMeans: n.recordedMeans } : {}),
});

/** The notifications with every receipt deemed by `now` recorded (a certificate's, which no time limit hangs on). */
export const withDeemedReceipts = (notifications: readonly Notification[] | undefined, now: Date) => {
  const due = new Set(receiptsDeemedBy(notifications, now).map((n) => n.id));
  return {
    deemed: (notifications ?? []).filter((n) => due.has(n.id)),
    notifications: (notifications ?? []).map((n) => (due.has(n.id) ? received(n, 'deemed', n.deemedReceivedAt!)! : n)),
  };
};
