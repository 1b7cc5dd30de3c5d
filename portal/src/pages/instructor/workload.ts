import type { QueueItem } from './queue-table';
import { daysLeft } from '../../ui/format';
import type { QueueStage } from '../../ui/labels';

type DeadlineKind = QueueItem['deadlines'][number]['kind'];

/** The buckets ANS plans its weeks by: a week, a month (they are no legal period; see legal-periods.ts). */
const WEEK = 7;
const MONTH = 30;

/** How far a clock is from its end, in days left (negative: late). */
export const BUCKETS = [
  { id: 'late', label: 'Dépassé', upTo: -1 },
  { id: 'week', label: `0 à ${WEEK} jours`, upTo: WEEK },
  { id: 'month', label: `${WEEK + 1} à ${MONTH} jours`, upTo: MONTH },
  { id: 'later', label: `Plus de ${MONTH} jours`, upTo: Infinity },
] as const;
export type Bucket = (typeof BUCKETS)[number]['id'];

export const bucketOf = (days: number): Bucket => BUCKETS.find((b) => days <= b.upTo)!.id;

export interface LateDossier {
  item: QueueItem;
  stage: QueueStage;
  kind: DeadlineKind;
  dueAt: string;
  daysLate: number;
}

export interface Workload {
  /** each queue's dossiers, and how many of them have a clock past its end */
  perStage: { stage: QueueStage; count: number; late: number }[];
  /** each running clock, its dossiers by the days it has left (every clock of every dossier) */
  perClock: { kind: DeadlineKind; buckets: Record<Bucket, number> }[];
  /** the dossiers with a clock past its end, the latest first */
  late: LateDossier[];
}

/**
 * The workload of ANS's queues at `now` (the service's instant, never the browser's): what the
 * dashboard draws. A dossier sits in one queue at a time; each of its running clocks is counted.
 */
export const workloadOf = (queues: { stage: QueueStage; items: QueueItem[] }[], now: Date): Workload => {
  const perClock = new Map<DeadlineKind, Record<Bucket, number>>();
  const late: LateDossier[] = [];
  const perStage = queues.map(({ stage, items }) => {
    let lateHere = 0;
    for (const item of items) {
      let worst: LateDossier | undefined;
      for (const deadline of item.deadlines) {
        const days = daysLeft(deadline.dueAt, now);
        const buckets = perClock.get(deadline.kind) ?? { late: 0, week: 0, month: 0, later: 0 };
        buckets[bucketOf(days)] += 1;
        perClock.set(deadline.kind, buckets);
        if (days < 0 && (!worst || -days > worst.daysLate))
          worst = { item, stage, kind: deadline.kind, dueAt: deadline.dueAt, daysLate: -days };
      }
      if (worst) {
        late.push(worst);
        lateHere += 1;
      }
    }
    return { stage, count: items.length, late: lateHere };
  });
  return {
    perStage,
    perClock: [...perClock].map(([kind, buckets]) => ({ kind, buckets })),
    late: late.sort((a, b) => b.daysLate - a.daysLate || a.dueAt.localeCompare(b.dueAt)),
  };
};
