/**
 * Knows when the local engine is quiet — nothing under way that could still store something — by
 * counting, never by guessing: side jobs (a scheduled wake-up, the reconciler), task functions
 * running (an Evaluate, a RegisterWait storing its token: an execution is parked as soon as its
 * callback task begins, but what that task stores is not stored yet), the registry's writes that
 * trail an execution's end, and executions between two states (counted by the runner).
 */
export class Quiescence {
  private sideWork = 0;
  private inFlightTasks = 0;
  private pendingStores = 0;
  private waiters: { executionsOnly: boolean; resolve: () => void }[] = [];

  constructor(private readonly runningExecutions: () => number) {}

  /** A side job's run (a schedule firing, the reconciler), counted while it runs. */
  sideJob(job: () => Promise<unknown>) {
    return this.counting('sideWork', job);
  }

  /** A task function's run, counted while it runs. */
  task<T>(work: () => Promise<T>): Promise<T> {
    return this.counting('inFlightTasks', work);
  }

  /** A registry write that trails an execution's end. */
  store(work: () => Promise<unknown>) {
    return this.counting('pendingStores', work);
  }

  /** What is under way; `executionsOnly` leaves side jobs out (what a side job itself waits for). */
  busy(executionsOnly = false) {
    return (executionsOnly ? 0 : this.sideWork) + this.inFlightTasks + this.pendingStores + this.runningExecutions();
  }

  /** Wakes the waiters for whom nothing is under way any more; called after every change of a count. */
  check() {
    if (!this.waiters.length) return;
    const ready = this.waiters.filter((w) => this.busy(w.executionsOnly) === 0);
    if (!ready.length) return;
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  /** Resolves once nothing is under way; fails after `limitMs` (a stuck engine is a bug to see). */
  async settled({ limitMs = 120_000, executionsOnly = false } = {}): Promise<void> {
    if (this.busy(executionsOnly) === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push({ executionsOnly, resolve })),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`workflow engine not quiet after ${limitMs} ms (${this.busy(executionsOnly)} busy)`)),
          limitMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  }

  private async counting<T>(counter: 'sideWork' | 'inFlightTasks' | 'pendingStores', work: () => Promise<T>) {
    this[counter]++;
    try {
      return await work();
    } finally {
      this[counter]--;
      this.check();
    }
  }
}
