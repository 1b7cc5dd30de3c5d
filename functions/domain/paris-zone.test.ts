import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parisZone, ruleOffset, RULE_YEARS } from './paris-zone';

const icu = IANAZone.create('Europe/Paris');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Every instant where ICU's offset changes in a year, found day by day then to the millisecond. */
const icuChanges = (year: number): number[] => {
  const changes: number[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1); t < end; t += DAY) {
    if (icu.offset(t) === icu.offset(t + DAY)) continue;
    let [lo, hi] = [t, t + DAY];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (icu.offset(mid) === icu.offset(lo)) lo = mid;
      else hi = mid;
    }
    changes.push(hi);
  }
  return changes;
};

describe('Europe/Paris by the EU summer-time rule', () => {
  it('agrees with the tz database at every change of offset of the years it covers, to the millisecond', () => {
    for (let year = RULE_YEARS.first; year <= RULE_YEARS.last; year++) {
      const changes = icuChanges(year);
      // two changes a year: if the EU ends seasonal changes, this is where it shows
      expect(changes, `changes of ${year}`).toHaveLength(2);
      for (const at of changes)
        for (const t of [at - 1, at, at + 1, at - 12 * HOUR, at + 12 * HOUR])
          expect(ruleOffset(t), new Date(t).toISOString()).toBe(icu.offset(t));
    }
  });

  it('gives ICU’s offsets outside those years (1995 ended summer time in September)', () => {
    const september1995 = Date.UTC(1995, 8, 30, 12);
    expect(parisZone.offset(september1995)).toBe(icu.offset(september1995));
    expect(parisZone.offset(september1995)).toBe(60);
    const y2100 = Date.UTC(2100, 6, 1);
    expect(parisZone.offset(y2100)).toBe(icu.offset(y2100));
  });

  it('computes what luxon computes with the IANA zone: ends of day, periods across a change, formats', () => {
    for (const iso of [
      '2027-03-28T00:30:00Z',
      '2027-03-28T01:00:00Z',
      '2027-10-31T00:59:59.999Z',
      '2028-02-29T23:00:00Z',
    ]) {
      const ours = DateTime.fromISO(iso, { zone: parisZone });
      const theirs = DateTime.fromISO(iso, { zone: 'Europe/Paris' });
      expect(ours.endOf('day').toISO()).toBe(theirs.endOf('day').toISO());
      expect(ours.plus({ months: 6 }).toISO()).toBe(theirs.plus({ months: 6 }).toISO());
      expect(ours.plus({ days: 1 }).startOf('day').toMillis()).toBe(theirs.plus({ days: 1 }).startOf('day').toMillis());
      expect(ours.toFormat('dd/MM/yyyy HH:mm ZZ')).toBe(theirs.toFormat('dd/MM/yyyy HH:mm ZZ'));
      expect(ours.toFormat('ZZZZ')).toBe(theirs.toFormat('ZZZZ'));
      expect(ours.setLocale('fr').toFormat('d LLLL yyyy')).toBe(theirs.setLocale('fr').toFormat('d LLLL yyyy'));
    }
    // a local time that does not exist (02:30 on the night clocks go forward) moves as luxon moves it
    const gap = { year: 2027, month: 3, day: 28, hour: 2, minute: 30 };
    expect(DateTime.fromObject(gap, { zone: parisZone }).toISO()).toBe(
      DateTime.fromObject(gap, { zone: 'Europe/Paris' }).toISO(),
    );
    expect(DateTime.fromISO('2027-01-01', { zone: parisZone }).zone.equals(IANAZone.create('Europe/Paris'))).toBe(true);
  });
});
