import { CLOCKS, REMINDER_DAYS, type ClockRule } from './legal-periods';
import { defaultCalendarPolicy, legalDeadline, reminderInstant, type CalendarPolicy } from './calendar';
import {
  CANDIDATE_TO_ACT,
  CLOSED_WITHOUT_CERTIFICATE,
  DECISION_PENDING,
  isCertified,
  type DeadlineKind,
  type Dossier,
  type DossierStatus,
} from './dossier-model';
import { isDecisionClockPaused } from './decision-clock';
import { latestReceipt, notificationOf } from './notifications';
export { DECISION_PERIOD } from './decision-clock';

/**
 * The legal clocks of a dossier, derived from its stored facts, and what falls due when.
 * The workflow only wakes up; this module says what a wake-up at `now` must do.
 */
export interface RunningClock extends Omit<ClockRule, 'period'> {
  dueAt: Date;
}

export const INACTIVITY_PERIOD = CLOCKS.inactivity_abandonment.period;
export const INFO_REQUEST_PERIOD = CLOCKS.info_request.period;
export const INS_TEST_DAY_PERIOD = CLOCKS.ins_test_day.period;
export { REMINDER_DAYS };

/** A running clock of the table (legal-periods.ts), due at an instant. */
const running = (kind: DeadlineKind, dueAt: Date): RunningClock => {
  const rule: ClockRule = CLOCKS[kind];
  const { legalBasis, onExpiry, remind } = rule;
  return {
    kind,
    dueAt,
    legalBasis,
    onExpiry,
    remind,
    ...(rule.reminderDays ? { reminderDays: rule.reminderDays } : {}),
  };
};

/** The inactivity clock runs from the candidate's last change. */
const inactivityStart = (dossier: Dossier): Date => new Date(dossier.lastCandidateActivityAt);

/** From when the convention waits for the company's signature. */
export const conventionSignatureDue = (dossier: Pick<Dossier, 'convention'>, policy: CalendarPolicy) =>
  dossier.convention?.generatedAt && !dossier.convention.signedAt
    ? legalDeadline(new Date(dossier.convention.generatedAt), CLOCKS.convention_signature.period, policy)
    : undefined;

export const infoRequestDeadline = (openedAt: Date, policy: CalendarPolicy = defaultCalendarPolicy) =>
  legalDeadline(openedAt, INFO_REQUEST_PERIOD, policy);

/** A certified dossier shows its certificate's clocks; the certificate clock (not the dossier's
 * workflow) acts on them. */
const certificateClocks = (dossier: Dossier): RunningClock[] => {
  const c = dossier.certificate;
  if (!c || ['withdrawn', 'terminated', 'expired'].includes(c.status)) return [];
  const clocks: RunningClock[] = [];
  if (c.formalNoticeRespondBy) {
    clocks.push(running('formal_notice', new Date(c.formalNoticeRespondBy)));
  }
  if (c.conventionTermAt) {
    clocks.push(running('convention_term', new Date(c.conventionTermAt)));
  }
  return clocks;
};

export const runningClocks = (dossier: Dossier, policy: CalendarPolicy = defaultCalendarPolicy): RunningClock[] => {
  if (isCertified(dossier.status)) return certificateClocks(dossier);
  if ((CLOSED_WITHOUT_CERTIFICATE as readonly DossierStatus[]).includes(dossier.status)) return [];
  const clocks: RunningClock[] = [];
  const request = dossier.infoRequests?.find((r) => r.status === 'open');
  if (request) {
    // a pending information request has its own clock, which replaces the inactivity one; it runs
    // from the request's receipt, and cannot run out while that receipt can be neither known nor
    // deemed (every contact undeliverable: ANS must reach the company another way)
    const notified = notificationOf(dossier.notifications, 'info_request', request.id);
    if (!notified || latestReceipt(notified)) clocks.push(running('info_request', new Date(request.dueAt)));
  } else if (CANDIDATE_TO_ACT.includes(dossier.status)) {
    clocks.push(running('inactivity_abandonment', legalDeadline(inactivityStart(dossier), INACTIVITY_PERIOD, policy)));
  }
  // while the candidate is the one to act (an open request, the convention to sign) the decision
  // clock stands still; once the collège has decided, there is no decision left to owe
  if (
    DECISION_PENDING.includes(dossier.status) &&
    dossier.decisionDueAt &&
    !request &&
    !isDecisionClockPaused(dossier) &&
    !dossier.decision
  ) {
    clocks.push(running('decision', new Date(dossier.decisionDueAt)));
  }
  // the company's part is to organise the day within 4 weeks: a day proposed (it is within them) or
  // held stops the clock, whenever ANS records how it went
  if (
    dossier.status === 'instruction' &&
    dossier.insTestDueAt &&
    !dossier.insTestDay?.outcome &&
    !dossier.insTestDay?.proposedDate &&
    !dossier.insTestLate
  ) {
    clocks.push(running('ins_test_day', new Date(dossier.insTestDueAt)));
  }
  const signatureDue = dossier.status === 'convention_pending' ? conventionSignatureDue(dossier, policy) : undefined;
  if (signatureDue) clocks.push(running('convention_signature', signatureDue));
  return clocks;
};

export interface Reminder {
  clock: RunningClock;
  daysLeft: number;
  /** every reminder key this mail settles (a late J-3 also settles J-15) */
  keys: string[];
}

export interface ClockDecision {
  /** a clock that has run out: its effect must be applied now */
  expired?: RunningClock;
  /** reminders due now and not yet sent: one per clock, the most urgent */
  reminders: Reminder[];
  /** the next instant something falls due, if any */
  nextWakeAt?: Date;
}

export const reminderKey = (clock: RunningClock, days: number) =>
  `${clock.kind}:${clock.dueAt.toISOString()}:J-${days}`;

export const decideClocks = (
  dossier: Dossier,
  now: Date,
  policy: CalendarPolicy = defaultCalendarPolicy,
): ClockDecision => {
  const clocks = runningClocks(dossier, policy);
  // a clock with nothing to do at its end only reminds before it: past its end it is shown, not acted on
  const expiredClocks = clocks.filter((c) => c.onExpiry !== 'none' && now.getTime() > c.dueAt.getTime());
  // an abandonment ends everything: it goes first
  const expired = expiredClocks.find((c) => c.onExpiry === 'abandon') ?? expiredClocks[0];
  if (expired) return { expired, reminders: [] };
  const sent = new Set(dossier.remindersSent ?? []);
  const reminders: Reminder[] = [];
  const upcoming: number[] = [];
  for (const clock of clocks) {
    if (clock.onExpiry !== 'none' || now.getTime() <= clock.dueAt.getTime()) upcoming.push(clock.dueAt.getTime() + 1);
    const due: number[] = [];
    for (const days of clock.reminderDays ?? REMINDER_DAYS) {
      const at = reminderInstant(clock.dueAt, days).getTime();
      if (sent.has(reminderKey(clock, days))) continue;
      if (at <= now.getTime()) due.push(days);
      else upcoming.push(at);
    }
    if (due.length) reminders.push({ clock, daysLeft: Math.min(...due), keys: due.map((d) => reminderKey(clock, d)) });
  }
  // a notification deemed received is journaled at its instant: the workflow wakes for it
  for (const n of dossier.notifications ?? [])
    if (n.receipt === null && n.deemedReceivedAt && Date.parse(n.deemedReceivedAt) > now.getTime())
      upcoming.push(Date.parse(n.deemedReceivedAt));
  return { reminders, ...(upcoming.length ? { nextWakeAt: new Date(Math.min(...upcoming)) } : {}) };
};

/**
 * The instant a clock's effect takes place: the first instant after its period (a period ends at
 * its due instant, included). Effects are dated there, not when a timer or a command got to them.
 */
export const effectiveInstant = (clock: Pick<RunningClock, 'dueAt'>) => new Date(clock.dueAt.getTime() + 1);
