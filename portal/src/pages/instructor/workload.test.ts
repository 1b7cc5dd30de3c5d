import { describe, expect, it } from 'vitest';
import type { QueueItem } from './queue-table';
import { bucketOf, workloadOf } from './workload';

const item = (id: string, deadlines: [string, string][]) =>
  ({
    dossierId: id,
    companyId: 'c',
    companyName: 'Société',
    product: { name: 'P', version: '1' },
    since: '2027-01-04T09:00:00.000Z',
    status: 'instruction',
    deadlines: deadlines.map(([kind, dueAt]) => ({ kind, dueAt })),
  }) as unknown as QueueItem;

const NOW = new Date('2027-02-01T09:00:00.000Z');

describe('the workload of the queues', () => {
  it('puts days left in buckets, a day past the end being late', () => {
    expect([-1, 0, 7, 8, 30, 31].map(bucketOf)).toEqual(['late', 'week', 'week', 'month', 'month', 'later']);
  });

  it('counts each queue, each clock by the days it has left, and lists the late dossiers, the latest first', () => {
    const workload = workloadOf(
      [
        { stage: 'admissibility', items: [item('a', [['inactivity_abandonment', '2027-01-30T22:59:59.999Z']])] },
        {
          stage: 'instruction',
          items: [
            item('b', [
              ['decision', '2027-06-01T21:59:59.999Z'],
              ['ins_test_day', '2027-01-21T22:59:59.999Z'],
            ]),
            item('c', [['decision', '2027-02-05T22:59:59.999Z']]),
          ],
        },
        { stage: 'college', items: [] },
      ],
      NOW,
    );
    expect(workload.perStage).toEqual([
      { stage: 'admissibility', count: 1, late: 1 },
      { stage: 'instruction', count: 2, late: 1 },
      { stage: 'college', count: 0, late: 0 },
    ]);
    expect(workload.perClock).toEqual([
      { kind: 'inactivity_abandonment', buckets: { late: 1, week: 0, month: 0, later: 0 } },
      { kind: 'decision', buckets: { late: 0, week: 1, month: 0, later: 1 } },
      { kind: 'ins_test_day', buckets: { late: 1, week: 0, month: 0, later: 0 } },
    ]);
    expect(workload.late.map((l) => [l.item.dossierId, l.kind, l.daysLate])).toEqual([
      ['b', 'ins_test_day', 11],
      ['a', 'inactivity_abandonment', 2],
    ]);
  });
});
