import { describe, expect, it } from 'vitest';
import { lastSessionBefore, nextSession } from './college-sessions';

describe('the collège’s weekly sessions, Paris time', () => {
  it('finds the next Thursday by the Paris day, not the UTC one', () => {
    // Wednesday 23:30 UTC is already Thursday 00:30 in Paris: the session is that day
    expect(nextSession(new Date('2027-03-03T23:30:00Z'))).toBe('2027-03-04');
    expect(nextSession(new Date('2027-03-03T22:30:00Z'))).toBe('2027-03-04');
    expect(nextSession(new Date('2027-03-05T09:00:00Z'))).toBe('2027-03-11');
  });

  it('skips a Thursday that is a public holiday (Ascension)', () => {
    // Ascension 2027: Thursday 6 May
    expect(nextSession(new Date('2027-05-04T09:00:00Z'))).toBe('2027-05-13');
    expect(lastSessionBefore(new Date('2027-05-10T21:59:59.999Z'))).toBe('2027-04-29');
  });

  it('names the last session on or before a deadline’s day', () => {
    // due Monday 7 June 2027 at 23:59 Paris: the last session is Thursday 3 June
    expect(lastSessionBefore(new Date('2027-06-07T21:59:59.999Z'))).toBe('2027-06-03');
    // due on a Thursday itself: that day's session is in time
    expect(lastSessionBefore(new Date('2027-06-10T21:59:59.999Z'))).toBe('2027-06-10');
  });
});
