import { daysBefore, defaultCalendarPolicy, legalDeadline, type CalendarPolicy } from './calendar';
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
export { DECISION_PERIOD } from './decision-clock';

/**
 * The legal clocks of a dossier, derived from its stored facts, and what falls due when.
 * The workflow only wakes up; this module says what a wake-up at `now` must do.
 */
export interface RunningClock {
  kind: DeadlineKind;
  dueAt: Date;
  legalBasis: string;
  /** what the platform does on its own at expiry */
  onExpiry: 'abandon' | 'tacit_acceptance' | 'flag_late' | 'certificate_clock';
  /** who the J-15 and J-3 reminders go to: whoever must act before it runs out */
  remind: 'company' | 'ans';
}

export const INACTIVITY_PERIOD = { months: 6 } as const;
export const INFO_REQUEST_PERIOD = { days: 60 } as const;
export const INS_TEST_DAY_PERIOD = { weeks: 4 } as const;
export const REMINDER_DAYS = [15, 3] as const;

/** The inactivity clock runs from the candidate's last change, or from when it became the one to act. */
const inactivityStart = (dossier: Dossier): Date => {
  const last = Date.parse(dossier.lastCandidateActivityAt);
  const since = dossier.status === 'convention_pending' ? Date.parse(dossier.convention?.generatedAt ?? '') : NaN;
  return new Date(Number.isNaN(since) ? last : Math.max(last, since));
};

export const infoRequestDeadline = (openedAt: Date, policy: CalendarPolicy = defaultCalendarPolicy) =>
  legalDeadline(openedAt, INFO_REQUEST_PERIOD, policy);

/** A certified dossier shows its certificate's clocks; the certificate clock (not the dossier's
 * workflow) acts on them. */
const certificateClocks = (dossier: Dossier): RunningClock[] => {
  const c = dossier.certificate;
  if (!c || ['withdrawn', 'terminated', 'expired'].includes(c.status)) return [];
  const clocks: RunningClock[] = [];
  if (c.formalNoticeRespondBy) {
    clocks.push({
      kind: 'formal_notice',
      dueAt: new Date(c.formalNoticeRespondBy),
      legalBasis: 'Code de la santé publique, art. R.1470-9',
      onExpiry: 'certificate_clock',
      remind: 'company',
    });
  }
  if (c.conventionTermAt) {
    clocks.push({
      kind: 'convention_term',
      dueAt: new Date(c.conventionTermAt),
      legalBasis: 'Guide de dépôt ANS §5.4 (reconduction tacite)',
      onExpiry: 'certificate_clock',
      remind: 'company',
    });
  }
  return clocks;
};

export const runningClocks = (dossier: Dossier, policy: CalendarPolicy = defaultCalendarPolicy): RunningClock[] => {
  if (isCertified(dossier.status)) return certificateClocks(dossier);
  if ((CLOSED_WITHOUT_CERTIFICATE as readonly DossierStatus[]).includes(dossier.status)) return [];
  const clocks: RunningClock[] = [];
  const request = dossier.infoRequests?.find((r) => r.status === 'open');
  if (request) {
    // a pending information request has its own clock, which replaces the inactivity one
    clocks.push({
      kind: 'info_request',
      dueAt: new Date(request.dueAt),
      legalBasis: 'Code de la santé publique, art. R.1470-2',
      onExpiry: 'abandon',
      remind: 'company',
    });
  } else if (CANDIDATE_TO_ACT.includes(dossier.status)) {
    clocks.push({
      kind: 'inactivity_abandonment',
      dueAt: legalDeadline(inactivityStart(dossier), INACTIVITY_PERIOD, policy),
      legalBasis: 'Guide de dépôt ANS §5.2',
      onExpiry: 'abandon',
      remind: 'company',
    });
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
    clocks.push({
      kind: 'decision',
      dueAt: new Date(dossier.decisionDueAt),
      legalBasis: 'Code de la santé publique, art. R.1470-4',
      onExpiry: 'tacit_acceptance',
      remind: 'ans',
    });
  }
  if (
    dossier.status === 'instruction' &&
    dossier.insTestDueAt &&
    !dossier.insTestDay?.outcome &&
    !dossier.insTestLate
  ) {
    clocks.push({
      kind: 'ins_test_day',
      dueAt: new Date(dossier.insTestDueAt),
      legalBasis: 'Guide de dépôt ANS §5.2',
      onExpiry: 'flag_late',
      remind: 'company',
    });
  }
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
  const expiredClocks = clocks.filter((c) => now.getTime() > c.dueAt.getTime());
  // an abandonment ends everything: it goes first
  const expired = expiredClocks.find((c) => c.onExpiry === 'abandon') ?? expiredClocks[0];
  if (expired) return { expired, reminders: [] };
  const sent = new Set(dossier.remindersSent ?? []);
  const reminders: Reminder[] = [];
  const upcoming: number[] = [];
  for (const clock of clocks) {
    upcoming.push(clock.dueAt.getTime() + 1);
    const due: number[] = [];
    for (const days of REMINDER_DAYS) {
      const at = daysBefore(clock.dueAt, days).getTime();
      if (sent.has(reminderKey(clock, days))) continue;
      if (at <= now.getTime()) due.push(days);
      else upcoming.push(at);
    }
    if (due.length) reminders.push({ clock, daysLeft: Math.min(...due), keys: due.map((d) => reminderKey(clock, d)) });
  }
  return { reminders, ...(upcoming.length ? { nextWakeAt: new Date(Math.min(...upcoming)) } : {}) };
};

/**
 * The instant a clock's effect takes place: the first instant after its period (a period ends at
 * its due instant, included). Effects are dated there, not when a timer or a command got to them.
 */
export const effectiveInstant = (clock: Pick<RunningClock, 'dueAt'>) => new Date(clock.dueAt.getTime() + 1);
