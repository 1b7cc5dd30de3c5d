import { DateTime } from './luxon';
import { isWorkingDay, LEGAL_ZONE } from './calendar';

/**
 * The collège technique meets weekly, on Thursdays (Paris time), except on a public holiday
 * (Ascension is always a Thursday). A deadline is met by a session held on or before its day.
 */
export const COLLEGE_SESSION_WEEKDAY = 4; // Thursday (luxon: Monday = 1)

const isSessionDay = (day: DateTime) => day.weekday === COLLEGE_SESSION_WEEKDAY && isWorkingDay(day);

/** The next session on or after `now`'s Paris day (YYYY-MM-DD). */
export const nextSession = (now: Date): string => {
  let day = DateTime.fromJSDate(now, { zone: LEGAL_ZONE }).startOf('day');
  while (!isSessionDay(day)) day = day.plus({ days: 1 });
  return day.toISODate()!;
};

/** The last session on or before the Paris day of `deadline` (YYYY-MM-DD): the last one able to decide in time. */
export const lastSessionBefore = (deadline: Date): string => {
  let day = DateTime.fromJSDate(deadline, { zone: LEGAL_ZONE }).startOf('day');
  while (!isSessionDay(day)) day = day.minus({ days: 1 });
  return day.toISODate()!;
};
