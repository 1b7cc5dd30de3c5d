import { describe, expect, it } from 'vitest';
import { decideClocks } from './clocks';
import { decisionClockView, pauseDecisionClock, resumeDecisionClock, startDecisionClock } from './decision-clock';

const paris = (local: string) => new Date(local); // instants written with their Paris offset

describe('the decision clock counts its suspensions in whole Paris days (API.md [1.2], issue 22 point 5)', () => {
  it('moves the deadline by the days between request and answer, at the end of its day', () => {
    // complete file Thu 11 Sep 2025: six months → Wed 11 Mar 2026, 23:59:59.999 Paris
    const started = startDecisionClock(paris('2025-09-11T10:00:00+02:00'));
    expect(started.decisionDueAt).toBe('2026-03-11T22:59:59.999Z');
    // request Mon 10 Nov 2025 10:00, answered Thu 20 Nov 16:30: ten days
    const paused = pauseDecisionClock(started, paris('2025-11-10T10:00:00+01:00'), 'info_request');
    expect(decisionClockView(paused)).toMatchObject({ state: 'suspended', suspendedDays: 0 });
    const resumed = resumeDecisionClock(paused, paris('2025-11-20T16:30:00+01:00'), 'suspend');
    // Sat 21 Mar 2026 → the working-day rule, once: Mon 23 Mar, 23:59:59.999 Paris
    expect(resumed.decisionDueAt).toBe('2026-03-23T22:59:59.999Z');
    expect(resumed.decisionClock!.legalDueAt).toBe('2026-03-21T22:59:59.999Z');
    expect(decisionClockView(resumed)).toMatchObject({
      state: 'running',
      dueAt: '2026-03-23T22:59:59.999Z',
      suspendedDays: 10,
    });
  });

  it('never leaves zero time when the request came on the day the working-day rule added', () => {
    // complete file Fri 15 Aug 2025 → raw Sun 15 Feb 2026, shown Mon 16 Feb 23:59:59.999
    const started = startDecisionClock(paris('2025-08-15T09:00:00+02:00'));
    expect(started.decisionDueAt).toBe('2026-02-16T22:59:59.999Z');
    // request on that Monday at 10:00, answered Thursday 19 Feb at 16:30
    const paused = pauseDecisionClock(started, paris('2026-02-16T10:00:00+01:00'), 'info_request');
    const answeredAt = paris('2026-02-19T16:30:00+01:00');
    const resumed = resumeDecisionClock(paused, answeredAt, 'suspend');
    expect(resumed.decisionDueAt).toBe('2026-02-19T22:59:59.999Z');
    // the answer does not make silence acceptance at once
    const dossier = { ...resumed, status: 'instruction' as const } as never;
    expect(decideClocks(dossier, answeredAt).expired).toBeUndefined();
  });

  it('does not move for a request opened and answered the same day, across a DST change too', () => {
    const started = startDecisionClock(paris('2025-10-01T10:00:00+02:00'));
    const sameDay = resumeDecisionClock(
      pauseDecisionClock(started, paris('2025-10-20T09:00:00+02:00'), 'info_request'),
      paris('2025-10-20T18:00:00+02:00'),
      'suspend',
    );
    expect(sameDay.decisionDueAt).toBe(started.decisionDueAt);
    // suspended Sat 25 Oct (CEST), resumed Mon 27 Oct (CET): two days, whatever the hour lost
    const overDst = resumeDecisionClock(
      pauseDecisionClock(started, paris('2025-10-25T12:00:00+02:00'), 'info_request'),
      paris('2025-10-27T08:00:00+01:00'),
      'suspend',
    );
    expect(decisionClockView(overDst)!.suspendedDays).toBe(2);
    // 1 Apr 2026 + 2 days: Fri 3 Apr, 23:59:59.999 CEST
    expect(overDst.decisionDueAt).toBe('2026-04-03T21:59:59.999Z');
  });

  it('shows the clock stopped once a decision is taken', () => {
    const started = startDecisionClock(paris('2025-10-01T10:00:00+02:00'));
    expect(decisionClockView({ ...started, decision: { outcome: 'refused' } })!.state).toBe('stopped');
  });
});
