import { describe, expect, it } from 'vitest';
import { decideClocks, infoRequestDeadline, runningClocks } from './clocks';
import { createDossier, type Dossier } from './dossier';

const draft = createDossier(
  { product: { name: 'P', version: '1' }, useCase: 'city_practice', profiles: [] },
  'c',
  'u',
  new Date('2026-01-05T09:00:00Z'),
);
// 6 months from Mon 5 Jan 2026 → Sun 5 Jul 2026 → Mon 6 Jul 2026, 23:59:59.999 Paris
const due = '2026-07-06T21:59:59.999Z';

describe('legal clocks', () => {
  it('runs the inactivity clock while the candidate is expected to act', () => {
    expect(runningClocks(draft).map((c) => [c.kind, c.dueAt.toISOString()])).toEqual([['inactivity_abandonment', due]]);
    expect(runningClocks({ ...draft, status: 'admissibility_review' })).toEqual([]);
    expect(runningClocks({ ...draft, status: 'abandoned' })).toEqual([]);
  });

  it('replaces it by the information-request clock while a request is open', () => {
    const openedAt = new Date('2026-02-02T10:00:00Z');
    const withRequest: Dossier = {
      ...draft,
      status: 'admissibility_review',
      infoRequests: [
        {
          id: 'r',
          stage: 'admissibility',
          missingItems: ['x'],
          openedAt: openedAt.toISOString(),
          openedBy: 'i',
          dueAt: infoRequestDeadline(openedAt).toISOString(),
          status: 'open',
        },
      ],
    };
    expect(runningClocks(withRequest).map((c) => [c.kind, c.dueAt.toISOString()])).toEqual([
      ['info_request', '2026-04-03T21:59:59.999Z'],
    ]);
  });

  it('wakes for J-15, then J-3, then the deadline, and sends each reminder once', () => {
    const first = decideClocks(draft, new Date('2026-01-06T00:00:00Z'));
    // J-15 falls on Sunday 21 June: it leaves on the working day before, Friday 19 June at 08:00 Paris
    expect(first).toEqual({ reminders: [], nextWakeAt: new Date('2026-06-19T06:00:00.000Z') });
    expect(decideClocks(draft, new Date('2026-06-19T05:59:59Z')).reminders).toEqual([]);
    const atJ15 = decideClocks(draft, new Date('2026-06-19T06:00:00Z'));
    expect(atJ15.reminders.map((r) => [r.daysLeft, r.keys.length])).toEqual([[15, 1]]);
    const sent15: Dossier = { ...draft, remindersSent: atJ15.reminders.flatMap((r) => r.keys) };
    // J-3 of this Monday deadline: Friday 3 July at 08:00 Paris, a working morning, not Friday night
    expect(decideClocks(sent15, new Date('2026-06-21T22:00:00Z'))).toEqual({
      reminders: [],
      nextWakeAt: new Date('2026-07-03T06:00:00.000Z'),
    });
    const sentAll: Dossier = {
      ...sent15,
      remindersSent: [
        ...sent15.remindersSent!,
        ...decideClocks(sent15, new Date('2026-07-04T00:00:00Z')).reminders.flatMap((r) => r.keys),
      ],
    };
    expect(decideClocks(sentAll, new Date('2026-07-04T00:00:00Z')).nextWakeAt).toEqual(
      new Date(new Date(due).getTime() + 1),
    );
    expect(decideClocks(sentAll, new Date(due)).expired).toBeUndefined();
    expect(decideClocks(sentAll, new Date(new Date(due).getTime() + 1)).expired?.kind).toBe('inactivity_abandonment');
  });

  it('sends one reminder, the most urgent, when a wake-up comes late', () => {
    const late = decideClocks(draft, new Date('2026-07-05T00:00:00Z'));
    expect(late.reminders).toHaveLength(1);
    expect(late.reminders[0]!.daysLeft).toBe(3);
    expect(late.reminders[0]!.keys).toHaveLength(2);
  });
});
