import {
  defaultCalendarPolicy,
  onWorkingDay,
  rawDeadline,
  parisDaysBetween,
  resumedByDays,
  timeLeft,
  type CalendarPolicy,
  type Period,
  type TimeLeft,
} from './calendar';
import { Duration } from './luxon';
import { CLOCKS } from './legal-periods';

/**
 * The decision clock of R.1470-4: six months from the complete file, after which silence is
 * acceptance. It stands still while the candidate is the one expected to act on the file
 * (an information request open during instruction, the convention awaiting signature), counted
 * in whole Paris calendar days (API.md [1.2]): suspended on day D and resumed on day A, its
 * deadline moves by A − D days and stays at the end of its day.
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
  /** the decision period of the file's referential version (ISO 8601; R.1470-4's six months unless an arrêté says less) */
  period?: string;
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

/** A referential's decision period (ISO 8601, days/weeks/months/years), or R.1470-4's six months. */
const periodOf = (iso?: string): Period => {
  if (!iso) return DECISION_PERIOD;
  const { years, months, weeks, days } = Duration.fromISO(iso).toObject();
  return {
    ...(years ? { years } : {}),
    ...(months ? { months } : {}),
    ...(weeks ? { weeks } : {}),
    ...(days ? { days } : {}),
  } as Period;
};

/** The clock started by the acknowledgement of receipt of the complete file. */
export const startDecisionClock = (
  receiptAt: Date,
  policy: CalendarPolicy = defaultCalendarPolicy,
  period?: string,
) => {
  const raw = rawDeadline(receiptAt, periodOf(period));
  return {
    decisionClock: { legalDueAt: raw.toISOString(), pauses: [], ...(period ? { period } : {}) } satisfies DecisionClock,
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
  if (!clock?.pausedAt) return d;
  const raw =
    mode === 'restart'
      ? rawDeadline(at, periodOf(clock.period))
      : resumedByDays(new Date(clock.legalDueAt), new Date(clock.pausedAt), at, policy).raw;
  const pauses = clock.pauses.map((p, i) => (i === clock.pauses.length - 1 ? { ...p, to: at.toISOString() } : p));
  return {
    ...d,
    decisionClock: { legalDueAt: raw.toISOString(), pauses, ...(clock.period ? { period: clock.period } : {}) },
    decisionDueAt: onWorkingDay(raw, policy).toISOString(),
  };
};

/**
 * The clock as the dossier shows it (API.md [1.2]): running toward `dueAt`, suspended while the
 * company is the one to act, or stopped once a decision is taken; `suspendedDays` counts the whole
 * Paris days it stood still.
 */
export const decisionClockView = (d: WithDecisionClock & { decision?: unknown }) => {
  const clock = d.decisionClock;
  if (!clock) return undefined;
  const suspendedDays = clock.pauses
    .filter((p) => p.to)
    .reduce((days, p) => days + parisDaysBetween(new Date(p.from), new Date(p.to!)), 0);
  const state = d.decision ? 'stopped' : clock.pausedAt ? 'suspended' : 'running';
  return { ...clock, state, ...(d.decisionDueAt ? { dueAt: d.decisionDueAt } : {}), suspendedDays };
};
