import { afterEach, describe, expect, it } from 'vitest';
import { addIsoDuration, legalDeadline, parisDate, parisDateTime, reminderInstant } from './calendar';
import { DateTime, Duration } from './luxon';

const RealDateTimeFormat = Intl.DateTimeFormat;
/** counts the formats made, and makes them: luxon keeps working either way */
const countFormatsMade = () => {
  const count = { made: 0 };
  Intl.DateTimeFormat = new Proxy(RealDateTimeFormat, {
    construct: (target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) => (count.made++, new target(...args)),
    apply: (target, _this, args: Parameters<typeof Intl.DateTimeFormat>) => (count.made++, target(...args)),
  });
  return count;
};
afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
});

describe('luxon as the platform uses it', () => {
  it('computes the legal calendar without asking Intl (ICU’s first use is a cold start’s largest cost)', () => {
    const formats = countFormatsMade();
    const start = new Date('2027-03-26T22:30:00Z');
    expect(legalDeadline(start, { months: 6 }).toISOString()).toBe('2027-09-27T21:59:59.999Z');
    expect(parisDate(new Date('2027-10-30T23:30:00Z'))).toBe('2027-10-31');
    expect(parisDateTime('2027-10-31T01:30:00Z')).toBe('31/10/2027 02:30');
    expect(addIsoDuration(start, 'P15D')?.toISOString()).toBe('2027-04-10T21:30:00.000Z');
    expect(reminderInstant(new Date('2027-04-06T21:59:59.999Z'), 2).toISOString()).toBe('2027-04-02T06:00:00.000Z');
    expect(Duration.fromISO('P2M').months).toBe(2);
    expect(formats.made).toBe(0);
  });

  it('still speaks French when asked to', () => {
    expect(DateTime.fromISO('2027-07-14T10:00:00Z').setLocale('fr').toFormat('d LLLL')).toBe('14 juillet');
  });
});
