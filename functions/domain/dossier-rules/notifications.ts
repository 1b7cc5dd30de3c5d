import { actorOf, SYSTEM_ACTOR, type Caller } from '../caller';
import { legalDeadline, type CalendarPolicy } from '../calendar';
import { infoRequestDeadline } from '../clocks';
import { withDeadlines } from '../dossier';
import type { Dossier } from '../dossier-model';
import { APPEAL_PERIOD } from '../legal-periods';
import {
  assertRecordableReceipt,
  findNotification,
  issueNotification,
  latestReceipt,
  notificationOf,
  received,
  receiptsDeemedBy,
  type Notification,
  type NotificationKind,
  type ReceiptMeans,
} from '../notifications';
import type { EventDraft, RuleChange } from '../rule-change';

/** The notifications that communicate the dossier's decision: the appeal period runs from their receipt. */
const DECISION_KINDS: readonly NotificationKind[] = ['decision', 'tacit_acceptance', 'inadmissibility', 'abandonment'];

/**
 * Issues a notification on the dossier (API.md [1.2] Notifications): returns the dossier holding it
 * and the journal event that records its issue. Ids are the dossier's own sequence, so that a rule
 * stays a pure function of the dossier.
 */
export const notify = (
  dossier: Dossier,
  kind: NotificationKind,
  now: Date,
  policy: CalendarPolicy,
  subjectId?: string,
): { dossier: Dossier; notification: Notification; event: EventDraft } => {
  const notification = issueNotification(kind, `n${(dossier.notifications?.length ?? 0) + 1}`, now, policy, {
    ...(subjectId ? { subjectId } : {}),
    undeliverable: dossier.undeliverable,
  });
  return {
    dossier: { ...dossier, notifications: [...(dossier.notifications ?? []), notification] },
    notification,
    event: {
      type: 'notification_issued',
      actor: SYSTEM_ACTOR,
      data: {
        notificationId: notification.id,
        kind,
        ...(subjectId ? { subjectId } : {}),
        deemedReceivedAt: notification.deemedReceivedAt,
      },
    },
  };
};

/** The time to appeal runs from the receipt (CJA R.421-1): two months, to the end of a working day. */
export const appealUntil = (receivedAt: string, policy: CalendarPolicy) =>
  legalDeadline(new Date(receivedAt), APPEAL_PERIOD.period, policy).toISOString();

/**
 * What a receipt changes on the dossier: an information request's 60 days now run from it, and a
 * decision's appeal period; the deadlines shown follow.
 */
const withReceipt = (dossier: Dossier, n: Notification, policy: CalendarPolicy): Dossier => {
  const at = n.receivedAt!;
  const notifications = (dossier.notifications ?? []).map((x) => (x.id === n.id ? n : x));
  let next: Dossier = { ...dossier, notifications };
  if (n.kind === 'info_request' && n.subjectId) {
    next = {
      ...next,
      infoRequests: (next.infoRequests ?? []).map((r) =>
        r.id === n.subjectId && r.status === 'open'
          ? { ...r, dueAt: infoRequestDeadline(new Date(at), policy).toISOString() }
          : r,
      ),
    };
  }
  if (n.kind === 'abandonment' && next.closure && !next.closure.appealUntil) {
    next = { ...next, closure: { ...next.closure, appealUntil: appealUntil(at, policy) } };
  } else if (DECISION_KINDS.includes(n.kind) && next.decision && !next.decision.receivedAt) {
    next = { ...next, decision: { ...next.decision, receivedAt: at, appealUntil: appealUntil(at, policy) } };
  }
  return withDeadlines(next, policy);
};

/** The receipt's journal hash, quoted on the notification (and the decision) once chained. */
const quoteHash =
  (id: string) =>
  (journal: { hash: string }[], d: Dossier): { dossier: Dossier } => {
    const hash = journal.at(-1)!.hash;
    const n = findNotification(d.notifications, id);
    return {
      dossier: {
        ...d,
        notifications: d.notifications!.map((x) => (x.id === id ? { ...n, receiptHash: hash } : x)),
        ...(DECISION_KINDS.includes(n.kind) && d.decision?.receivedAt === n.receivedAt && !d.decision?.receiptHash
          ? { decision: { ...d.decision!, receiptHash: hash } }
          : {}),
      },
    };
  };

const receiptChange = (
  dossier: Dossier,
  n: Notification,
  means: ReceiptMeans,
  at: string,
  actor: EventDraft['actor'],
  policy: CalendarPolicy,
  recordedMeans?: string,
): RuleChange | null => {
  const updated = received(n, means, at, recordedMeans);
  if (!updated) return null;
  const next = withReceipt(dossier, updated, policy);
  return {
    dossier: next,
    events: [
      {
        type: means === 'deemed' ? 'notification_deemed_received' : 'notification_received',
        actor,
        data: {
          notificationId: n.id,
          kind: n.kind,
          receipt: means,
          receivedAt: at,
          ...(recordedMeans ? { means: recordedMeans } : {}),
          legalBasis: 'R.1470-4 al. 2',
        },
      },
    ],
    afterJournal: quoteHash(n.id),
    wake: 'notification_received',
  };
};

/**
 * The company opens a notification (the first opening counts; a later one changes nothing).
 * Returns null when its receipt was already known.
 */
export const openNotification = (
  dossier: Dossier,
  notificationId: string,
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
): RuleChange | null =>
  receiptChange(
    dossier,
    findNotification(dossier.notifications, notificationId),
    'opened',
    now.toISOString(),
    actorOf(caller),
    policy,
  );

/**
 * ANS records the receipt of a notification it had to deliver another way (registered letter,
 * hand delivery) — the only receipt of a company whose contacts are all undeliverable.
 */
export const recordReceipt = (
  dossier: Dossier,
  notificationId: string,
  input: { receivedAt: string; means: string },
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
): RuleChange | null => {
  const n = findNotification(dossier.notifications, notificationId);
  assertRecordableReceipt(n, new Date(input.receivedAt), now);
  return receiptChange(
    dossier,
    n,
    'recorded',
    new Date(input.receivedAt).toISOString(),
    actorOf(caller),
    policy,
    input.means,
  );
};

/**
 * Legal effect: each notification not opened by its deemed instant is received then — dated at
 * that instant, however late a timer or a command gets to it. Null when none is due.
 */
export const deemReceipts = (dossier: Dossier, now: Date, policy: CalendarPolicy): RuleChange | null => {
  const due = receiptsDeemedBy(dossier.notifications, now);
  if (!due.length) return null;
  let next = dossier;
  const events: EventDraft[] = [];
  for (const n of due) {
    const change = receiptChange(next, n, 'deemed', n.deemedReceivedAt!, SYSTEM_ACTOR, policy);
    if (!change) continue;
    next = change.dossier;
    events.push(...change.events);
  }
  return { dossier: next, events, wake: 'notification_received' };
};

/** The decision's notification, for `decision/acknowledge` (which opens it). */
export const decisionNotification = (dossier: Dossier) =>
  [...(dossier.notifications ?? [])].reverse().find((n) => DECISION_KINDS.includes(n.kind));

/** Whether an information request can lapse yet: its receipt (or deemed receipt) is known. */
export const infoRequestReceipt = (dossier: Dossier, requestId: string): string | undefined | null => {
  const n = notificationOf(dossier.notifications, 'info_request', requestId);
  // a request older than notifications ran from its opening
  if (!n) return undefined;
  return latestReceipt(n) ?? null;
};

/** A rule's change whose act is notified: the notification on its dossier, its issue journaled last. */
export const notified = <C extends RuleChange>(
  change: C,
  kind: NotificationKind,
  now: Date,
  policy: CalendarPolicy,
  subjectId?: string,
): C => {
  const issued = notify(change.dossier, kind, now, policy, subjectId);
  return { ...change, dossier: issued.dossier, events: [...change.events, issued.event] };
};

/** Whether the dossier's current decision was already notified (a grant after the collège's reservations). */
export const decisionNotified = (dossier: Dossier) => {
  const n = decisionNotification(dossier);
  return Boolean(n && dossier.decision && n.issuedAt >= dossier.decision.decidedAt);
};
