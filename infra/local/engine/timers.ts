import type { VirtualClock } from '../virtual-clock';
import type { DueTimer, LocalScheduler } from './scheduler';

/** What the timers fire: the executions' waits and ends of life, and the scheduler's wake-ups. */
export interface TimerSource {
  /** earliest instant at which something is due */
  nextDue(): number | undefined;
  /** everything due at or before `instant` */
  due(instant: number): DueTimer[];
}

/**
 * The timers of the local engine on the virtual clock: fired in real time by a ticker, or on the
 * way when the clock is moved (each timer fires with the clock set to its own instant, so each
 * effect is stored at its legal instant), or held back to play a late wake-up. Firing is
 * serialised: the ticker, clock moves and late waits never interleave.
 */
export class Timers {
  private firing: Promise<unknown> = Promise.resolve();
  /** timers held back to simulate a late wake-up (`POST /_local/clock { timers: "hold" }`) */
  private held = false;
  private ticker?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly clock: VirtualClock,
    private readonly source: TimerSource,
    private readonly scheduler: LocalScheduler,
    /** resolves once nothing is under way */
    private readonly quiet: () => Promise<void>,
    /** runs a job counted as side work */
    private readonly sideJob: (job: () => Promise<unknown>) => Promise<void>,
  ) {}

  /** Fires every timer due at or before `instant`, earliest first; returns how many fired. */
  fireDue(instant: number): Promise<number> {
    return this.exclusive(() => this.fireDueNow(instant));
  }

  /** Moves the clock to `target` without firing, and holds the timers until the next ordinary move. */
  moveHolding(target: Date): Promise<Date> {
    return this.exclusive(async () => {
      this.held = true;
      await this.quiet();
      await this.clock.moveTo(target);
      return this.clock.now();
    });
  }

  /** Moves the clock to `target`, stopping at each timer on the way to fire it at its instant. */
  advanceTo(target: Date): Promise<Date> {
    return this.exclusive(async () => {
      this.held = false;
      for (;;) {
        await this.quiet(); // every execution parked: each timer it set is known before the next move
        const due = await this.nextStop();
        if (due === undefined || due > target.getTime()) break;
        await this.clock.moveTo(new Date(due));
        await this.fireDueNow(due);
      }
      await this.clock.moveTo(target);
      await this.quiet();
      return this.clock.now();
    });
  }

  /** Fires what falls due in real time; one firing at a time, never during a clock move. */
  tick() {
    if (this.stopped) return;
    this.ticker = setTimeout(() => {
      if (this.held) return this.tick();
      const now = this.clock.now().getTime();
      const due = this.source.nextDue();
      const periodicCheck = this.scheduler.periodicCheckDue(now);
      if ((due === undefined || due > now) && !periodicCheck) return this.tick();
      void this.fireDue(now)
        .catch((error: unknown) => console.error('[workflow] timer failed:', (error as Error).message))
        .finally(() => this.tick());
    }, 250);
    this.ticker.unref();
  }

  stop() {
    this.stopped = true;
    if (this.ticker) clearTimeout(this.ticker);
  }

  private async nextStop(): Promise<number | undefined> {
    const due = this.source.nextDue();
    const periodic = await this.scheduler.periodicDue();
    if (periodic === undefined) return due;
    return due === undefined ? periodic : Math.min(due, periodic);
  }

  private async fireDueNow(instant: number): Promise<number> {
    let fired = 0;
    for (;;) {
      const next = this.source
        .due(instant)
        .reduce<DueTimer | undefined>((a, b) => (!a || b.at < a.at ? b : a), undefined);
      if (!next) break;
      fired++;
      await this.sideJob(next.fire);
      await this.quiet();
    }
    const periodic = await this.scheduler.periodicRunAt(instant);
    if (periodic) {
      await this.sideJob(periodic);
      await this.quiet();
      fired++;
    }
    return fired;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.firing.then(work);
    this.firing = result.catch(() => undefined);
    return result;
  }
}
