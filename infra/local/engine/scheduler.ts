import { AWS_LIMITS } from '../aws-limits';
import type { EngineRegistry } from './registry';

type ScheduleTarget = (certificateNumber: string) => Promise<unknown>;
export interface PeriodicJob {
  /** the earliest instant at which a run could change anything */
  next: () => Promise<number | undefined>;
  run: () => Promise<unknown>;
}
export interface DueTimer {
  at: number;
  fire: () => Promise<unknown>;
}

/**
 * EventBridge Scheduler, locally: one-time schedules (persisted; deleted once they fire, as
 * `ActionAfterCompletion: DELETE` does) that call the certificate clock, and the reconciler's
 * rate schedule — run on its period's boundaries when it could change something, which gives
 * the outcome of running it every period and doing nothing most times.
 */
export class LocalScheduler {
  private readonly schedules = new Map<string, { dueAt: number; certificateNumber: string }>();
  private target?: ScheduleTarget;
  private periodic?: PeriodicJob;
  private periodicRanAt = 0;
  /** an execution ended otherwise than by success: the periodic job should look soon */
  private attentionAt?: number;
  private lastPeriodicCheck = 0;

  constructor(private readonly registry: EngineRegistry) {}

  onSchedule(target: ScheduleTarget) {
    this.target = target;
  }

  onPeriodic(job: PeriodicJob) {
    this.periodic = job;
  }

  /** Something needs the reconciler's attention from `at` (an execution that did not succeed). */
  attention(at: number) {
    this.attentionAt ??= at;
  }

  async schedule(name: string, at: Date, certificateNumber: string) {
    this.schedules.set(name, { dueAt: at.getTime(), certificateNumber });
    await this.registry.putSchedule({ name, dueAt: at.getTime(), certificateNumber });
  }

  async cancel(name: string) {
    this.schedules.delete(name);
    await this.registry.deleteSchedule(name);
  }

  exists(name: string) {
    return this.schedules.has(name);
  }

  async load() {
    for (const s of await this.registry.schedules())
      this.schedules.set(s.name, { dueAt: s.dueAt, certificateNumber: s.certificateNumber });
  }

  /** The earliest one-time schedule's instant. */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const s of this.schedules.values()) if (min === undefined || s.dueAt < min) min = s.dueAt;
    return min;
  }

  /** Every one-time schedule due at or before `instant`, with how to fire it. */
  due(instant: number): DueTimer[] {
    return [...this.schedules]
      .filter(([, s]) => s.dueAt <= instant)
      .map(([name, s]) => ({
        at: s.dueAt,
        fire: async () => {
          await this.cancel(name); // one-time, deleted after completion as in EventBridge Scheduler
          try {
            await this.target?.(s.certificateNumber);
          } catch (error) {
            console.error(`[scheduler] ${name} failed:`, (error as Error).message);
          }
        },
      }));
  }

  /** The periodic job's next run: on its period's boundaries, never twice on the same one. */
  async periodicDue(): Promise<number | undefined> {
    if (!this.periodic) return undefined;
    const next = await this.periodic.next();
    const wanted = next === undefined ? this.attentionAt : Math.min(next, this.attentionAt ?? next);
    if (wanted === undefined) return undefined;
    const period = AWS_LIMITS.reconcilePeriodMs;
    return Math.ceil(Math.max(wanted, this.periodicRanAt + 1) / period) * period;
  }

  /** The periodic run due at `instant`, if any, marked as run. */
  async periodicRunAt(instant: number): Promise<(() => Promise<unknown>) | undefined> {
    const due = await this.periodicDue();
    if (!this.periodic || due === undefined || due > instant) return undefined;
    this.periodicRanAt = instant;
    this.attentionAt = undefined;
    return this.periodic.run;
  }

  /** The real-time loop asks the table when the periodic job is due once a minute, not every tick. */
  periodicCheckDue(now: number) {
    if (!this.periodic || now - this.lastPeriodicCheck < 60_000) return false;
    this.lastPeriodicCheck = now;
    return true;
  }

  describe(iso: (ms: number) => string) {
    return [...this.schedules.entries()].map(([name, s]) => ({ name, dueAt: iso(s.dueAt) }));
  }
}
