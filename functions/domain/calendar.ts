import { DateTime, Duration } from './luxon';
import { parisZone } from './paris-zone';

/**
 * The legal calendar: the one place where deadlines are computed.
 *
 * - Periods in months run from date to same date, clamped to the end of a shorter month
 *   (31 Aug + 6 months = 28/29 Feb).
 * - A deadline ends at 23:59:59.999 Europe/Paris on its last day, whatever the DST offset.
 * - A deadline that ends on a Saturday, a Sunday or a French public holiday is carried to the
 *   next working day (policy switch `extendToWorkingDay`, on by default).
 */
/** Europe/Paris (paris-zone.ts: its offsets by the EU rule, without ICU's cold-start cost) */
export const LEGAL_ZONE = parisZone;

export type Period = { years: number } | { months: number } | { days: number } | { weeks: number };

export interface CalendarPolicy {
  extendToWorkingDay: boolean;
  /** what an answered information request does to the decision clock (DESIGN.md §3) */
  infoRequestEffect?: 'restart' | 'suspend';
  /** the shortest time to remedy a formal notice may give (ISO 8601; « délai raisonnable », convention art. 15) */
  sanctionMinNotice?: string;
  /** the shortest time to present observations an observations notice may give (ISO 8601) */
  observationsMinNotice?: string;
  /** how long after its issue a notification not opened is deemed received (ISO 8601, `RECEIPT_DEEMED_AFTER`) */
  receiptDeemedAfter?: string;
}

export const defaultCalendarPolicy: CalendarPolicy = { extendToWorkingDay: true, infoRequestEffect: 'suspend' };

const inParis = (instant: Date): DateTime => DateTime.fromJSDate(instant, { zone: LEGAL_ZONE });

/** The Paris calendar day of an instant (YYYY-MM-DD): what « today » means to the law. */
export const parisDate = (instant: Date): string => inParis(instant).toISODate()!;

/** An instant as a French reader expects it in an export: Paris time, « 07/06/2027 23:59 ». */
export const parisDateTime = (instant: Date | string): string =>
  inParis(typeof instant === 'string' ? new Date(instant) : instant).toFormat('dd/MM/yyyy HH:mm');

/** A calendar day (YYYY-MM-DD) as a French reader writes it: « 30/06/2027 ». */
export const frenchDay = (day: string) => day.split('-').reverse().join('/');

/** Easter Sunday (Gregorian), anonymous algorithm (Meeus/Jones/Butcher). */
export const easterSunday = (year: number): { month: number; day: number } => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
};

const holidayCache = new Map<number, Set<string>>();

/** French public holidays (jours fériés, Code du travail L3133-1), metropolitan France. */
export const frenchPublicHolidays = (year: number): Set<string> => {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = DateTime.fromObject({ year, ...easterSunday(year) }, { zone: LEGAL_ZONE });
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  const moving = [1, 39, 50].map((offset) => easter.plus({ days: offset }).toISODate()!);
  const days = new Set([...fixed, ...moving]);
  holidayCache.set(year, days);
  return days;
};

export const isWorkingDay = (day: DateTime): boolean => {
  const local = day.setZone(LEGAL_ZONE);
  if (local.weekday >= 6) return false;
  return !frenchPublicHolidays(local.year).has(local.toISODate()!);
};

/** The end of the last day of a period, before the working-day rule: the raw legal instant. */
export const rawDeadline = (start: Date, period: Period): Date =>
  inParis(start).startOf('day').plus(period).endOf('day').toJSDate();

/**
 * The working-day rule, applied once to a raw legal instant: an instant that falls on a
 * Saturday, a Sunday or a public holiday is carried to the end of the next working day.
 */
export const onWorkingDay = (instant: Date, policy: CalendarPolicy = defaultCalendarPolicy): Date => {
  let day = inParis(instant);
  if (!policy.extendToWorkingDay || isWorkingDay(day)) return instant;
  while (!isWorkingDay(day)) day = day.plus({ days: 1 });
  return day.endOf('day').toJSDate();
};

/**
 * The instant a deadline of `period` started at `start` expires. A pure function of its inputs,
 * computed again for every dossier read (its clocks are derived, never stored): the answers are
 * kept, so a read costs a lookup rather than a walk through Paris time (bounded, and each caller
 * gets its own Date).
 */
export const legalDeadline = (start: Date, period: Period, policy: CalendarPolicy = defaultCalendarPolicy): Date => {
  const key = `${start.getTime()}|${Object.entries(period).join(',')}|${policy.extendToWorkingDay}`;
  let due = deadlineCache.get(key);
  if (due === undefined) {
    due = onWorkingDay(rawDeadline(start, period), policy).getTime();
    if (deadlineCache.size >= DEADLINE_CACHE_SIZE) deadlineCache.clear();
    deadlineCache.set(key, due);
  }
  return new Date(due);
};
const DEADLINE_CACHE_SIZE = 10_000;
const deadlineCache = new Map<string, number>();

/**
 * The time a clock had left when it stopped, in Paris calendar days plus milliseconds: a pause
 * across a DST change neither adds nor takes an hour from the deadline's wall time.
 */
export interface TimeLeft {
  days: number;
  milliseconds: number;
}

export const timeLeft = (from: Date, rawDue: Date): TimeLeft => {
  if (rawDue.getTime() <= from.getTime()) return { days: 0, milliseconds: 0 };
  const diff = inParis(rawDue).diff(inParis(from), ['days', 'milliseconds']);
  return { days: Math.floor(diff.days), milliseconds: Math.round(diff.milliseconds) };
};

/**
 * A stopped clock that starts again at `at` with the time it had left: the new raw legal
 * instant, and the deadline once the working-day rule is applied (once, on the raw instant).
 */
export const resumedDeadline = (at: Date, left: TimeLeft, policy: CalendarPolicy = defaultCalendarPolicy) => {
  const raw = inParis(at).plus({ days: left.days, milliseconds: left.milliseconds }).toJSDate();
  return { raw, dueAt: onWorkingDay(raw, policy) };
};

/** Whole Paris calendar days from the day of `from` to the day of `to` (0 on the same day). */
export const parisDaysBetween = (from: Date, to: Date): number =>
  Math.round(inParis(to).startOf('day').diff(inParis(from).startOf('day'), 'days').days);

/**
 * A clock suspended on day D and started again on day A (Paris calendar days): its raw legal
 * instant moves by A − D whole days and stays at the end of its day; the working-day rule is then
 * applied once. A clock suspended after its raw instant (during a working-day extension) resumes
 * with the day of its restart as its last.
 */
export const resumedByDays = (
  rawDue: Date,
  suspendedAt: Date,
  at: Date,
  policy: CalendarPolicy = defaultCalendarPolicy,
) => {
  const dueDay = inParis(rawDue).startOf('day');
  const suspendedDay = inParis(suspendedAt).startOf('day');
  const base = dueDay < suspendedDay ? suspendedDay : dueDay;
  const raw = base
    .plus({ days: parisDaysBetween(suspendedAt, at) })
    .endOf('day')
    .toJSDate();
  return { raw, dueAt: onWorkingDay(raw, policy) };
};

/** The instant `days` calendar days before `deadline`, at the same Paris wall time. */
export const daysBefore = (deadline: Date, days: number): Date => inParis(deadline).minus({ days }).toJSDate();

/** The hour reminders leave at, Paris time: the start of a working day, when someone reads them. */
export const REMINDER_HOUR = 8;

/**
 * When the reminder `days` before a deadline leaves (API.md [1.2]): at 08:00 Paris on that day, or
 * on the last working day before it — so that the J-3 of a Monday deadline reaches ANS on a
 * working day, before the collège's last session, not on a Friday night.
 */
export const reminderInstant = (deadline: Date, days: number): Date => {
  let day = inParis(deadline).startOf('day').minus({ days });
  while (!isWorkingDay(day)) day = day.minus({ days: 1 });
  return day.set({ hour: REMINDER_HOUR }).toJSDate();
};

/** ISO 8601 duration ("P61D", "P6M", "PT2H") added to an instant; null when unreadable. */
export const addIsoDuration = (instant: Date, iso: string): Date | null => {
  const duration = Duration.fromISO(iso);
  if (!duration.isValid || duration.toMillis() < 0) return null;
  return DateTime.fromJSDate(instant, { zone: LEGAL_ZONE }).plus(duration).toJSDate();
};
