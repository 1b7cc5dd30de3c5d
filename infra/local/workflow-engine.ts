import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { StateMachine } from 'aws-local-stepfunctions';
import { queryPartition, type DocumentClient } from '../../functions/adapters/dynamo/client';
import type { StartOutcome, WorkflowEngine } from '../../functions/domain/ports';
import { executionName } from '../../functions/domain/workflow-generations';
import type { StateMachineDefinition } from '../../workflows/dossier-workflow';
import { fillPlaceholders, prepareForLocal, type LocalTask } from './asl-prepass';
import { AWS_LIMITS, awsHistoryEvents, payloadBytes } from './aws-limits';
import type { VirtualClock } from './virtual-clock';

type Invoke = (functionKey: string, payload: unknown) => Promise<unknown>;
type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };
type ScheduleTarget = (certificateNumber: string) => Promise<unknown>;

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** The one wait an execution may have pending: a callback (task token) or a Wait state. */
interface PendingWait {
  token: string;
  dueAt?: number;
  onTimeout: 'fail' | 'succeed';
  settle: (outcome: Outcome) => void;
}

interface Execution {
  name: string;
  dossierId: string;
  generation: number;
  status: ExecutionStatus;
  startedAt: number;
  stoppedAt?: number;
  error?: string;
  /** history events as AWS would count them */
  historyEvents: number;
  /** between two waits (running) or waiting: quiet means no execution is running */
  phase: 'running' | 'parked';
  wait?: PendingWait;
  abort: () => void;
}

export interface EngineEvent {
  executionId: string;
  dossierId: string;
  type: string;
  state?: string;
}

/** Raised inside an execution when it crosses one of AWS's limits; ends it with `status`. */
class LimitReached extends Error {
  constructor(
    readonly status: 'FAILED' | 'TIMED_OUT',
    name: string,
    message: string,
  ) {
    super(message);
    this.name = name;
  }
}

const REGISTRY = 'LOCAL#EXECUTIONS';
const SCHEDULES = 'LOCAL#SCHEDULES';
const ENDED_KEPT = 500;
const EVENTS_KEPT = 20_000;

const timeoutError = () => Object.assign(new Error('the task timed out'), { name: 'States.Timeout' });

/**
 * Runs the dossier state machine on aws-local-stepfunctions as AWS Step Functions (Standard)
 * would, no kinder: task tokens and callback timeouts on the virtual clock, one pending wait per
 * execution (held on the execution itself, so no wait outlives its execution), and AWS's limits
 * enforced — an execution older than a year times out, past 25,000 history events or with a
 * payload over 256 KB it fails, and a token of an ended execution is refused. Executions are
 * named per generation (`dossier-<id>-g<n>`); a name is never reused. The registry of live
 * executions is kept in DynamoDB so that a restart starts them again at their phase (a re-entrant
 * Evaluate makes that safe).
 */
export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly machine: StateMachine;
  private readonly tasks: Record<string, LocalTask>;
  private readonly executions = new Map<string, Execution>(); // name → execution
  private readonly live = new Map<string, string>(); // dossierId → name of its running execution
  private readonly tokens = new Map<string, string>(); // task token → execution name
  private readonly ended: string[] = [];
  /** one-time wake-ups standing in for EventBridge Scheduler (persisted) */
  private readonly schedules = new Map<string, { dueAt: number; certificateNumber: string }>();
  private scheduleTarget?: ScheduleTarget;
  private periodic?: { next: () => Promise<number | undefined>; run: () => Promise<unknown> };
  private periodicRanAt = 0;
  /** an execution ended otherwise than by success: the periodic job should look soon */
  private attentionAt?: number;
  private lastPeriodicCheck = 0;
  private sideWork = 0;
  /**
   * Task functions running now (an Evaluate, a RegisterWait storing its token): an execution is
   * parked as soon as its callback task begins, but what that task stores is not stored yet.
   */
  private inFlightTasks = 0;
  /** the registry's writes that trail an execution's end */
  private pendingStores = 0;
  private stopped = false;
  private ticker?: NodeJS.Timeout;
  /** timers held back to simulate a late wake-up (`POST /_local/clock { timers: "hold" }`) */
  private held = false;
  /** firing is serialised: the real-time ticker, clock moves and late waits never interleave */
  private firing: Promise<unknown> = Promise.resolve();
  private quietWaiters: { executionsOnly: boolean; resolve: () => void }[] = [];
  /** recent engine events (bounded: a long-running stack must not grow without end) */
  readonly events: EngineEvent[] = [];

  constructor(
    definition: StateMachineDefinition,
    private readonly invoke: Invoke,
    private readonly clock: VirtualClock,
    private readonly db: DocumentClient,
    private readonly table: string,
    private readonly onQuietWork: () => Promise<void> = async () => {},
  ) {
    const prepared = prepareForLocal(definition);
    this.tasks = prepared.tasks;
    this.machine = new StateMachine(prepared.definition as never, {
      validationOptions: { checkArn: false, checkPaths: true },
    });
  }

  /** The function scheduled wake-ups call (the certificate clock). */
  onSchedule(target: ScheduleTarget) {
    this.scheduleTarget = target;
  }

  /**
   * A periodic job (the reconciler). `next` says the earliest instant at which a run could
   * change anything; the engine runs it then, rounded up to the job's period, which gives the
   * same outcome as running it every period and doing nothing most times.
   */
  onPeriodic(job: { next: () => Promise<number | undefined>; run: () => Promise<unknown> }) {
    this.periodic = job;
  }

  async schedule(name: string, at: Date, certificateNumber: string): Promise<void> {
    this.schedules.set(name, { dueAt: at.getTime(), certificateNumber });
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: SCHEDULES, sk: name, dueAt: at.getTime(), certificateNumber },
      }),
    );
  }

  async cancel(name: string): Promise<void> {
    this.schedules.delete(name);
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: SCHEDULES, sk: name } }));
  }

  async exists(name: string): Promise<boolean> {
    return this.schedules.has(name);
  }

  /** Starts again every execution that was live when the stack stopped. */
  async recover(): Promise<number> {
    const schedules = await this.query(SCHEDULES);
    for (const s of schedules)
      this.schedules.set(String(s.sk), { dueAt: Number(s.dueAt), certificateNumber: String(s.certificateNumber) });
    const registered = await this.query(REGISTRY);
    for (const item of registered) {
      const dossierId = String(item.dossierId ?? item.sk);
      const generation = Number(item.generation ?? 1);
      // the process that ran it is gone: it restarts as its own successor, at Evaluate
      this.run(dossierId, generation, Number(item.startedAt ?? this.clock.now().getTime()), String(item.sk));
    }
    await this.quiet();
    this.tick();
    return registered.length;
  }

  async start(dossierId: string, generation = 1): Promise<StartOutcome> {
    const outcome = await this.startExecution(dossierId, generation);
    await this.quiet({ executionsOnly: true });
    return outcome;
  }

  /** StartExecution: a name is used once; the same name again answers for that execution. */
  private async startExecution(dossierId: string, generation: number): Promise<StartOutcome> {
    const name = executionName(dossierId, generation);
    const existing = this.executions.get(name);
    if (existing) return existing.status === 'RUNNING' ? 'running' : 'ended';
    const startedAt = this.clock.now().getTime();
    await this.register(dossierId, generation, startedAt, name);
    if (this.executions.has(name)) return 'running'; // a concurrent start of the same name won
    this.run(dossierId, generation, startedAt, name);
    return 'started';
  }

  async isRunning(name: string): Promise<boolean> {
    return this.executions.get(name)?.status === 'RUNNING';
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<boolean> {
    const execution = this.executions.get(this.tokens.get(taskToken) ?? '');
    // an ended execution or a used token: AWS answers TaskTimedOut / TaskDoesNotExist
    if (!execution || execution.status !== 'RUNNING' || execution.wait?.token !== taskToken) return false;
    this.resume(execution, { ok: true, value: output });
    await this.quiet({ executionsOnly: true });
    return true;
  }

  /** Earliest instant at which something is due: a wait, a schedule or an execution's end of life. */
  nextDue(): number | undefined {
    let min: number | undefined;
    const consider = (at: number | undefined) => {
      if (at !== undefined && (min === undefined || at < min)) min = at;
    };
    for (const name of this.live.values()) {
      const execution = this.executions.get(name)!;
      consider(execution.wait?.dueAt);
      consider(execution.startedAt + AWS_LIMITS.executionLifeMs);
    }
    for (const s of this.schedules.values()) consider(s.dueAt);
    return min;
  }

  /** Fires every timer due at or before `instant`, earliest first; returns how many fired. */
  fireDue(instant: number): Promise<number> {
    return this.exclusive(() => this.fireDueNow(instant));
  }

  /**
   * Moves the virtual clock to `target` without firing any timer, and keeps them from firing until
   * the next ordinary move: a late wake-up, as EventBridge Scheduler or a callback timeout may be
   * in AWS. What a request does meanwhile must not depend on the timer (legal effects first).
   */
  moveHoldingTimers(target: Date): Promise<Date> {
    return this.exclusive(async () => {
      this.held = true;
      await this.quiet();
      await this.clock.moveTo(target);
      return this.clock.now();
    });
  }

  /**
   * Moves the virtual clock to `target`, stopping at each timer on the way: the clock is set to
   * the timer's instant before it fires, so each effect is stored at its legal instant.
   */
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

  /**
   * Resolves once no execution is between two waits and no side work runs (a scheduled wake-up or
   * the reconciler), then drains queued work. `executionsOnly`: what side work itself calls (the
   * reconciler starting an execution) waits for the executions alone.
   */
  async quiet({ limitMs = 120_000, executionsOnly = false } = {}): Promise<void> {
    if (this.busyCount(executionsOnly) > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.quietWaiters.push({ executionsOnly, resolve })),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(`workflow engine not quiet after ${limitMs} ms (${this.busyCount(executionsOnly)} busy)`),
              ),
            limitMs,
          );
        }),
      ]).finally(() => clearTimeout(timer));
    }
    await this.onQuietWork();
  }

  /** What the engine is doing, for `GET /_local/workflow` and the tests. */
  describe() {
    const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
    const shown = [...this.executions.values()];
    return {
      executions: shown.map((e) => ({
        dossierId: e.dossierId,
        name: e.name,
        status: e.status,
        startedAt: iso(e.startedAt)!,
        stoppedAt: iso(e.stoppedAt),
        historyEvents: e.historyEvents,
        ...(e.error ? { error: e.error } : {}),
      })),
      waiting: shown
        .filter((e) => e.status === 'RUNNING' && e.wait)
        .map((e) => ({ dossierId: e.dossierId, name: e.name, dueAt: iso(e.wait!.dueAt) })),
      schedules: [...this.schedules.entries()].map(([name, s]) => ({ name, dueAt: iso(s.dueAt)! })),
      events: this.events.slice(-200),
    };
  }

  stop(): void {
    this.stopped = true;
    if (this.ticker) clearTimeout(this.ticker);
    for (const name of this.live.values()) {
      const execution = this.executions.get(name)!;
      execution.wait = undefined;
      execution.abort();
    }
  }

  // --- executions --------------------------------------------------------------------

  private run(dossierId: string, generation: number, startedAt: number, name: string) {
    const execution: Execution = {
      name,
      dossierId,
      generation,
      status: 'RUNNING',
      startedAt,
      historyEvents: 1,
      phase: 'running',
      abort: () => undefined,
    };
    this.executions.set(name, execution);
    this.live.set(dossierId, name);
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [state, task] of Object.entries(this.tasks)) {
      handlers[state] = (input) => this.runTask(execution, task, input as Record<string, unknown>);
    }
    const input = { dossierId, generation };
    const run = this.machine.run(input, {
      overrides: { taskResourceLocalHandlers: handlers as never },
      context: { Execution: { Name: name } },
      noThrowOnAbort: true,
    });
    execution.abort = () => run.abort();
    this.record({ executionId: name, dossierId, type: 'ExecutionStarted' });
    void this.collect(run.eventLogs, execution);
    run.result
      .then(() => this.end(execution, execution.status === 'RUNNING' ? 'SUCCEEDED' : execution.status))
      .catch((error: unknown) => {
        const limit = error instanceof LimitReached ? error : undefined;
        this.end(execution, limit?.status ?? 'FAILED', String((error as Error)?.message ?? error));
        if (!limit) console.error(`[workflow] execution ${name} failed:`, (error as Error)?.message ?? error);
      });
  }

  private end(execution: Execution, status: ExecutionStatus, error?: string) {
    if (execution.status !== 'RUNNING') return;
    execution.status = status;
    execution.stoppedAt = this.clock.now().getTime();
    if (error) execution.error = error;
    if (execution.wait) this.tokens.delete(execution.wait.token);
    execution.wait = undefined;
    if (this.live.get(execution.dossierId) === execution.name) this.live.delete(execution.dossierId);
    this.record({ executionId: execution.name, dossierId: execution.dossierId, type: `Execution${execution.status}` });
    this.ended.push(execution.name);
    if (execution.status !== 'SUCCEEDED') this.attentionAt ??= execution.stoppedAt;
    while (this.ended.length > ENDED_KEPT) this.executions.delete(this.ended.shift()!);
    execution.phase = 'parked';
    // as in AWS, an execution that ends leaves nothing running: the reconciler notices the dossier
    if (!this.stopped) {
      this.pendingStores++;
      void this.unregister(execution)
        .catch((error: unknown) => console.error('[workflow] registry update failed:', (error as Error).message))
        .finally(() => {
          this.pendingStores--;
          this.checkQuiet();
        });
    } else this.checkQuiet();
  }

  /**
   * Counts history events as AWS does; an execution that crosses a limit ends there, as in AWS,
   * where no Retry or Catch of the state machine sees it.
   */
  private account(execution: Execution, events: number, payload?: unknown) {
    execution.historyEvents += events;
    let limit: LimitReached | undefined;
    if (execution.historyEvents > AWS_LIMITS.historyEvents)
      limit = new LimitReached(
        'FAILED',
        'States.HistoryLimitExceeded',
        `execution history reached ${AWS_LIMITS.historyEvents} events`,
      );
    else if (payload !== undefined && payloadBytes(payload) > AWS_LIMITS.payloadBytes)
      limit = new LimitReached('FAILED', 'States.DataLimitExceeded', 'a state input or output exceeds 256 KB');
    else if (this.clock.now().getTime() >= execution.startedAt + AWS_LIMITS.executionLifeMs)
      limit = new LimitReached('TIMED_OUT', 'States.Timeout', 'execution lived one year');
    if (!limit) return;
    this.end(execution, limit.status, `${limit.name}: ${limit.message}`);
    execution.abort();
    throw limit;
  }

  private async collect(
    logs: AsyncGenerator<{ type: string; state?: { name: string; type?: string; output?: unknown } }>,
    execution: Execution,
  ) {
    try {
      for await (const event of logs) {
        const { executionId, dossierId } = { executionId: execution.name, dossierId: execution.dossierId };
        if (event.type === 'StateEntered')
          this.record({ executionId, dossierId, type: 'StateEntered', state: event.state?.name });
        if (event.type === 'StateExited' && event.state?.name === 'Evaluate')
          this.record({ executionId, dossierId, type: 'Evaluated', state: JSON.stringify(event.state.output) });
        if (execution.status === 'RUNNING') execution.historyEvents += awsHistoryEvents(event.type);
      }
    } catch {
      // the log ends with the execution
    }
  }

  private async runTask(execution: Execution, task: LocalTask, raw: Record<string, unknown>) {
    const input = fillPlaceholders(raw, {
      startTime: new Date(execution.startedAt).toISOString(),
      name: execution.name,
    }) as Record<string, unknown>;
    if (task.kind === 'invoke') {
      this.account(execution, 3, input.Payload);
      const result = await this.counted(() => this.invoke(task.functionKey, input.Payload));
      this.account(execution, 0, result);
      return { Payload: result, StatusCode: 200 };
    }
    if (task.kind === 'startExecution') {
      this.account(execution, 3, input.Input);
      const next = input.Input as { dossierId: string; generation: number };
      const outcome = await this.startExecution(next.dossierId, Number(next.generation));
      if (outcome === 'ended')
        throw Object.assign(new Error(`execution ${String(input.Name)} already exists`), {
          name: 'StepFunctions.ExecutionAlreadyExistsException',
        });
      return { ExecutionArn: String(input.Name), StartDate: this.clock.now().toISOString() };
    }
    if (task.kind === 'wait') {
      this.account(execution, 2);
      const due =
        input.__timestamp !== undefined
          ? new Date(String(input.__timestamp)).getTime()
          : this.clock.now().getTime() + Number(input.__seconds ?? 0) * 1000;
      return this.park(execution, randomUUID(), due, 'succeed');
    }
    this.account(execution, 4, input.Payload);
    const token = `${execution.dossierId}.${randomUUID()}`;
    const seconds = input.__timeoutSeconds === undefined ? undefined : Number(input.__timeoutSeconds);
    // park first: the callback function may hand the token to someone who resumes it at once;
    // counted before it parks, so that the engine is not quiet while the function still runs
    this.inFlightTasks++;
    let parked: Promise<unknown>;
    try {
      parked = this.park(
        execution,
        token,
        seconds === undefined ? undefined : this.clock.now().getTime() + seconds * 1000,
        'fail',
      );
      try {
        await this.invoke(task.functionKey, fillPlaceholders(input.Payload, { token }));
      } catch (error) {
        if (execution.wait?.token === token) this.resume(execution, { ok: false, error: error as Error });
      }
    } finally {
      this.inFlightTasks--;
      this.checkQuiet();
    }
    return parked;
  }

  private park(execution: Execution, token: string, dueAt: number | undefined, onTimeout: PendingWait['onTimeout']) {
    if (execution.wait) throw new Error(`execution ${execution.name} already waits (${execution.wait.token})`);
    return new Promise<unknown>((resolve, reject) => {
      execution.wait = {
        token,
        dueAt,
        onTimeout,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)),
      };
      this.tokens.set(token, execution.name);
      execution.phase = 'parked';
      this.checkQuiet();
    });
  }

  private resume(execution: Execution, outcome: Outcome) {
    const wait = execution.wait;
    if (!wait) return;
    execution.wait = undefined;
    this.tokens.delete(wait.token);
    execution.phase = 'running';
    wait.settle(outcome);
  }

  // --- timers ------------------------------------------------------------------------

  private async nextStop(): Promise<number | undefined> {
    const due = this.nextDue();
    const periodic = await this.periodicDue();
    if (periodic === undefined) return due;
    return due === undefined ? periodic : Math.min(due, periodic);
  }

  /** The periodic job's next run: on its period's boundaries, never twice on the same one. */
  private async periodicDue(): Promise<number | undefined> {
    if (!this.periodic) return undefined;
    const next = await this.periodic.next();
    const wanted = next === undefined ? this.attentionAt : Math.min(next, this.attentionAt ?? next);
    if (wanted === undefined) return undefined;
    const period = AWS_LIMITS.reconcilePeriodMs;
    return Math.ceil(Math.max(wanted, this.periodicRanAt + 1) / period) * period;
  }

  private async fireDueNow(instant: number): Promise<number> {
    let fired = 0;
    for (;;) {
      const next = this.earliestDue(instant);
      if (!next) break;
      fired++;
      await this.sideJob(next.fire);
      await this.quiet();
    }
    const periodic = await this.periodicDue();
    if (this.periodic && periodic !== undefined && periodic <= instant) {
      this.periodicRanAt = instant;
      this.attentionAt = undefined;
      await this.sideJob(this.periodic.run);
      await this.quiet();
      fired++;
    }
    return fired;
  }

  /** The earliest thing due at or before `instant`, with how to fire it. */
  private earliestDue(instant: number): { at: number; fire: () => Promise<unknown> } | undefined {
    let best: { at: number; fire: () => Promise<unknown> } | undefined;
    const offer = (at: number | undefined, fire: () => Promise<unknown>) => {
      if (at !== undefined && at <= instant && (!best || at < best.at)) best = { at, fire };
    };
    for (const [name, s] of this.schedules) {
      offer(s.dueAt, async () => {
        await this.cancel(name); // one-time, deleted after completion as in EventBridge Scheduler
        try {
          await this.scheduleTarget?.(s.certificateNumber);
        } catch (error) {
          console.error(`[scheduler] ${name} failed:`, (error as Error).message);
        }
      });
    }
    for (const name of this.live.values()) {
      const execution = this.executions.get(name)!;
      const lifeEnds = execution.startedAt + AWS_LIMITS.executionLifeMs;
      offer(lifeEnds, async () => this.timeOut(execution));
      const wait = execution.wait;
      if (wait && wait.dueAt !== undefined && wait.dueAt < lifeEnds)
        offer(wait.dueAt, async () =>
          this.resume(
            execution,
            wait.onTimeout === 'fail' ? { ok: false, error: timeoutError() } : { ok: true, value: null },
          ),
        );
    }
    return best;
  }

  /** StopExecution, as an operator (or a lost deployment) would: the dossier's clocks stop with it. */
  async stopExecution(dossierId: string): Promise<string | undefined> {
    const name = this.live.get(dossierId);
    if (!name) return undefined;
    const execution = this.executions.get(name)!;
    this.end(execution, 'ABORTED', 'stopped by an operator');
    execution.abort();
    await this.quiet();
    return name;
  }

  /** A Standard execution's one-year life is over: it ends TIMED_OUT, wherever it stands. */
  private timeOut(execution: Execution) {
    if (execution.status !== 'RUNNING') return;
    this.end(execution, 'TIMED_OUT', 'States.Timeout: execution lived one year');
    execution.abort();
  }

  /** Fires what falls due in real time; one firing at a time, never during a clock move. */
  private tick() {
    if (this.stopped) return;
    this.ticker = setTimeout(() => {
      if (this.held) return this.tick();
      const now = this.clock.now().getTime();
      const due = this.nextDue();
      // the periodic job asks the table when it is due: ask once a minute, not every tick
      const periodicCheck = this.periodic && now - this.lastPeriodicCheck >= 60_000;
      if ((due === undefined || due > now) && !periodicCheck) return this.tick();
      if (periodicCheck) this.lastPeriodicCheck = now;
      void this.fireDue(now)
        .catch((error: unknown) => console.error('[workflow] timer failed:', (error as Error).message))
        .finally(() => this.tick());
    }, 250);
    this.ticker.unref();
  }

  private record(event: EngineEvent) {
    this.events.push(event);
    if (this.events.length > EVENTS_KEPT * 1.25) this.events.splice(0, this.events.length - EVENTS_KEPT);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.firing.then(work);
    this.firing = result.catch(() => undefined);
    return result;
  }

  private async sideJob(job: () => Promise<unknown>) {
    this.sideWork++;
    try {
      await job();
    } finally {
      this.sideWork--;
      this.checkQuiet();
    }
  }

  /** A task function's run, counted while it runs. */
  private async counted<T>(work: () => Promise<T>): Promise<T> {
    this.inFlightTasks++;
    try {
      return await work();
    } finally {
      this.inFlightTasks--;
      this.checkQuiet();
    }
  }

  /**
   * What is under way, counted explicitly: side jobs, task functions running, registry writes, and
   * executions between two states (an execution is `running` from its start or resumption until
   * it parks or ends — the interpreter's transitions happen inside that span, whatever the load).
   */
  private busyCount(executionsOnly = false) {
    let busy = (executionsOnly ? 0 : this.sideWork) + this.inFlightTasks + this.pendingStores;
    for (const name of this.live.values()) if (this.executions.get(name)!.phase === 'running') busy++;
    return busy;
  }

  /** Wakes the waiters for whom nothing is under way any more: a count, never a guess. */
  private checkQuiet() {
    if (!this.quietWaiters.length) return;
    const ready = this.quietWaiters.filter((w) => this.busyCount(w.executionsOnly) === 0);
    if (!ready.length) return;
    this.quietWaiters = this.quietWaiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  // --- registry ----------------------------------------------------------------------

  private async register(dossierId: string, generation: number, startedAt: number, name: string) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: REGISTRY, sk: name, dossierId, generation, startedAt },
      }),
    );
  }

  private async unregister(execution: Execution) {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: REGISTRY, sk: execution.name } }));
  }

  private async query(pk: string) {
    const items: Record<string, unknown>[] = [];
    for await (const item of queryPartition(this.db, this.table, { value: pk })) items.push(item);
    return items;
  }
}
