import {
  defaultCalendarPolicy,
  onWorkingDay,
  rawDeadline,
  resumedDeadline,
  timeLeft,
  type CalendarPolicy,
  type TimeLeft,
} from './calendar';
import { CLOCKS } from './legal-periods';

/**
 * The decision clock of R.1470-4: six months from the complete file, after which silence is
 * acceptance. It stands still while the candidate is the one expected to act on the file
 * (an information request open during instruction, the convention awaiting signature) and
 * resumes with the time it had left, measured to the millisecond in Paris wall time.
 *
 * The raw legal instant (before the working-day rule) is kept apart from the deadline shown:
 * a pause is measured from the raw instant and the working-day rule is applied once, on the
 * resumed raw instant, so a pause never stacks on a day already added for a weekend.
 */
export const DECISION_PERIOD = CLOCKS.decision.period;

export const PAUSE_REASONS = ['info_request', 'convention'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface DecisionClock {
  /** the raw legal instant while the clock runs (working-day rule not applied) */
  legalDueAt: string;
  /** set while the clock stands still */
  pausedAt?: string;
  pauseReason?: PauseReason;
  left?: TimeLeft;
  pauses: { from: string; to?: string; reason: PauseReason }[];
}

interface WithDecisionClock {
  decisionClock?: DecisionClock;
  decisionDueAt?: string;
}

/** The clock started by the acknowledgement of receipt of the complete file. */
export const startDecisionClock = (receiptAt: Date, policy: CalendarPolicy = defaultCalendarPolicy) => {
  const raw = rawDeadline(receiptAt, DECISION_PERIOD);
  return {
    decisionClock: { legalDueAt: raw.toISOString(), pauses: [] } satisfies DecisionClock,
    decisionDueAt: onWorkingDay(raw, policy).toISOString(),
  };
};

/** Dossiers stored before the clock kept its raw instant: their deadline is the best we have. */
const clockOf = (d: WithDecisionClock): DecisionClock | undefined =>
  d.decisionClock ?? (d.decisionDueAt ? { legalDueAt: d.decisionDueAt, pauses: [] } : undefined);

export const isDecisionClockPaused = (d: WithDecisionClock) => Boolean(d.decisionClock?.pausedAt);

/** Stops the clock at `at`, keeping the time it had left; the deadline disappears meanwhile. */
export const pauseDecisionClock = <T extends WithDecisionClock>(d: T, at: Date, reason: PauseReason): T => {
  const clock = clockOf(d);
  if (!clock || clock.pausedAt) return d;
  const next = { ...d };
  delete next.decisionDueAt;
  return {
    ...next,
    decisionClock: {
      ...clock,
      pausedAt: at.toISOString(),
      pauseReason: reason,
      left: timeLeft(at, new Date(clock.legalDueAt)),
      pauses: [...clock.pauses, { from: at.toISOString(), reason }],
    },
  };
};

/**
 * Starts the clock again at `at`: with the time it had left (`suspend`), or in full from `at`
 * (`restart`, the CRPA L114-5 reading for a file found incomplete).
 */
export const resumeDecisionClock = <T extends WithDecisionClock>(
  d: T,
  at: Date,
  mode: 'suspend' | 'restart',
  policy: CalendarPolicy = defaultCalendarPolicy,
): T => {
  const clock = d.decisionClock;
  if (!clock?.pausedAt || !clock.left) return d;
  const raw = mode === 'restart' ? rawDeadline(at, DECISION_PERIOD) : resumedDeadline(at, clock.left, policy).raw;
  const pauses = clock.pauses.map((p, i) => (i === clock.pauses.length - 1 ? { ...p, to: at.toISOString() } : p));
  return {
    ...d,
    decisionClock: { legalDueAt: raw.toISOString(), pauses },
    decisionDueAt: onWorkingDay(raw, policy).toISOString(),
  };
};
