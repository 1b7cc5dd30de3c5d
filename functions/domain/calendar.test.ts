import { describe, expect, it } from 'vitest';
import { addIsoDuration, daysBefore, easterSunday, frenchPublicHolidays, legalDeadline } from './calendar';

const noShift = { extendToWorkingDay: false };

describe('legalDeadline', () => {
  // [start instant, period, policy shift?, expected end instant (UTC)]
  const cases: [string, Parameters<typeof legalDeadline>[1], boolean, string][] = [
    // months: same date, clamped to end of month
    ['2026-08-31T10:00:00Z', { months: 6 }, false, '2027-02-28T22:59:59.999Z'],
    ['2027-08-31T10:00:00Z', { months: 6 }, false, '2028-02-29T22:59:59.999Z'], // leap year
    ['2026-01-31T10:00:00Z', { months: 1 }, false, '2026-02-28T22:59:59.999Z'],
    ['2028-01-31T10:00:00Z', { months: 1 }, false, '2028-02-29T22:59:59.999Z'],
    ['2026-03-31T10:00:00Z', { months: 1 }, false, '2026-04-30T21:59:59.999Z'],
    ['2026-05-31T10:00:00Z', { months: 6 }, false, '2026-11-30T22:59:59.999Z'],
    ['2026-02-28T10:00:00Z', { months: 6 }, false, '2026-08-28T21:59:59.999Z'],
    ['2026-01-15T10:00:00Z', { months: 60 }, false, '2031-01-15T22:59:59.999Z'],
    ['2028-02-29T10:00:00Z', { months: 12 }, false, '2029-02-28T22:59:59.999Z'],
    // the Paris date counts, not the UTC date: 23:30Z on 31 Jan is already 1 Feb in Paris
    ['2026-01-31T23:30:00Z', { months: 1 }, false, '2026-03-01T22:59:59.999Z'],
    ['2026-06-30T22:30:00Z', { days: 1 }, false, '2026-07-02T21:59:59.999Z'],
    // DST: the end of day follows the offset of the last day, not of the start
    ['2026-03-01T10:00:00Z', { days: 28 }, false, '2026-03-29T21:59:59.999Z'], // DST starts 29 Mar
    ['2026-10-01T10:00:00Z', { days: 24 }, false, '2026-10-25T22:59:59.999Z'], // DST ends 25 Oct
    ['2026-03-28T12:00:00Z', { days: 1 }, false, '2026-03-29T21:59:59.999Z'],
    // days and weeks
    ['2026-01-01T12:00:00Z', { days: 60 }, false, '2026-03-02T22:59:59.999Z'],
    ['2026-12-31T12:00:00Z', { days: 60 }, false, '2027-03-01T22:59:59.999Z'],
    ['2026-06-01T12:00:00Z', { weeks: 4 }, false, '2026-06-29T21:59:59.999Z'],
    // shift to the next working day
    ['2026-11-25T12:00:00Z', { days: 3 }, true, '2026-11-30T22:59:59.999Z'], // Sat 28 → Mon 30
    ['2026-11-25T12:00:00Z', { days: 4 }, true, '2026-11-30T22:59:59.999Z'], // Sun 29 → Mon 30
    ['2026-11-25T12:00:00Z', { days: 2 }, true, '2026-11-27T22:59:59.999Z'], // Fri stays
    ['2026-04-01T12:00:00Z', { days: 5 }, true, '2026-04-07T21:59:59.999Z'], // Easter Monday 6 Apr 2026
    ['2026-04-01T12:00:00Z', { days: 4 }, true, '2026-04-07T21:59:59.999Z'], // Easter Sunday → Tue
    ['2026-04-01T12:00:00Z', { days: 30 }, true, '2026-05-04T21:59:59.999Z'], // Fri 1 May → Mon 4
    ['2026-04-08T12:00:00Z', { days: 30 }, true, '2026-05-11T21:59:59.999Z'], // Fri 8 May → Mon 11
    ['2026-06-14T12:00:00Z', { months: 1 }, true, '2026-07-15T21:59:59.999Z'], // Tue 14 Jul → Wed 15
    ['2026-06-25T12:00:00Z', { months: 6 }, true, '2026-12-28T22:59:59.999Z'], // Fri 25 Dec → Mon 28
    ['2026-07-15T12:00:00Z', { months: 1 }, true, '2026-08-17T21:59:59.999Z'], // Sat 15 Aug → Mon 17
    ['2026-04-14T12:00:00Z', { days: 30 }, true, '2026-05-15T21:59:59.999Z'], // Ascension Thu 14 May → Fri 15
    ['2026-04-25T12:00:00Z', { days: 30 }, true, '2026-05-26T21:59:59.999Z'], // Whit Monday 25 May → Tue 26
    ['2026-10-01T12:00:00Z', { days: 31 }, true, '2026-11-02T22:59:59.999Z'], // Sun 1 Nov → Mon 2
    ['2026-10-11T12:00:00Z', { months: 1 }, true, '2026-11-12T22:59:59.999Z'], // Wed 11 Nov → Thu 12
    ['2026-12-01T12:00:00Z', { months: 1 }, true, '2027-01-04T22:59:59.999Z'], // Fri 1 Jan 2027 → Sat → Sun → Mon 4
    ['2026-12-24T12:00:00Z', { days: 1 }, true, '2026-12-28T22:59:59.999Z'], // Fri 25 → Mon 28
    ['2026-08-31T10:00:00Z', { months: 6 }, true, '2027-03-01T22:59:59.999Z'], // Sun 28 Feb 2027 → Mon 1 Mar
    ['2026-03-27T12:00:00Z', { days: 2 }, true, '2026-03-30T21:59:59.999Z'], // Sun 29 Mar (DST day) → Mon 30
  ];

  it.each(cases)('%s + %o (shift %s) ends %s', (start, period, shift, expected) => {
    const result = legalDeadline(new Date(start), period, shift ? undefined : noShift);
    expect(result.toISOString()).toBe(expected);
  });

  it('has at least 30 edge cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));
});

describe('holidays', () => {
  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
  ])('Easter %i is %i/%i', (year, month, day) => expect(easterSunday(year)).toEqual({ month, day }));

  it('lists the 11 French public holidays', () => {
    const days = [...frenchPublicHolidays(2026)].sort();
    expect(days).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });
});

describe('helpers', () => {
  it('computes reminders at the same Paris wall time across DST', () => {
    expect(daysBefore(new Date('2026-04-07T21:59:59.999Z'), 15).toISOString()).toBe('2026-03-23T22:59:59.999Z');
  });
  it('adds ISO durations and refuses garbage', () => {
    expect(addIsoDuration(new Date('2026-01-01T00:00:00Z'), 'P61D')?.toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(addIsoDuration(new Date('2026-01-01T00:00:00Z'), 'tomorrow')).toBeNull();
  });
});
