import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import type { DocumentClient } from '../../functions/adapters/dynamo/client';
import type { StartOutcome, WorkflowEngine } from '../../functions/domain/ports';
import { executionName } from '../../functions/domain/workflow-generations';
import type { StateMachineDefinition } from '../../workflows/dossier-workflow';
import { fillPlaceholders, prepareForLocal, type LocalTask } from './asl-prepass';
import { AWS_LIMITS, awsHistoryEvents, payloadBytes } from './aws-limits';
import type { VirtualClock } from './virtual-clock';
import { EngineRegistry } from './engine/registry';
import { Quiescence } from './engine/quiescence';
import { LocalScheduler, type DueTimer, type PeriodicJob } from './engine/scheduler';
import { Timers } from './engine/timers';

type Invoke = (functionKey: string, payload: unknown) => Promise<unknown>;
type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };

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

const ENDED_KEPT = 500;
const EVENTS_KEPT = 20_000;

/** Set while a task function runs: what it calls on the engine is part of that task. */
const insideTask = new AsyncLocalStorage<boolean>();

const timeoutError = () => Object.assign(new Error('the task timed out'), { name: 'States.Timeout' });

/**
 * Runs the dossier state machine on aws-local-stepfunctions as AWS Step Functions (Standard)
 * would, no kinder: task tokens and callback timeouts on the virtual clock, one pending wait per
 * execution (held on the execution itself, so no wait outlives its execution), and AWS's limits
 * enforced — an execution older than a year times out, past 25,000 history events or with a
 * payload over 256 KB it fails, and a token of an ended execution is refused. Executions are
 * named per generation (`dossier-<id>-g<n>`); a name is never reused.
 *
 * This class is the runner; beside it (engine/): the registry that lets a restart find the live
 * executions and schedules again, the scheduler (EventBridge Scheduler's one-time and rate
 * schedules), the timers on the virtual clock, and the quiescence count that says when nothing
 * is under way.
 */
export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly machine: StateMachine;
  private readonly tasks: Record<string, LocalTask>;
  private readonly executions = new Map<string, Execution>(); // name → execution
  private readonly live = new Map<string, string>(); // dossierId → name of its running execution
  private readonly tokens = new Map<string, string>(); // task token → execution name
  private readonly ended: string[] = [];
  private readonly registry: EngineRegistry;
  private readonly scheduler: LocalScheduler;
  private readonly timers: Timers;
  private readonly quiescence = new Quiescence(() => this.runningExecutions());
  private stopped = false;
  /** recent engine events (bounded: a long-running stack must not grow without end) */
  readonly events: EngineEvent[] = [];

  constructor(
    definition: StateMachineDefinition,
    private readonly invoke: Invoke,
    private readonly clock: VirtualClock,
    db: DocumentClient,
    table: string,
    private readonly onQuietWork: () => Promise<void> = async () => {},
  ) {
    const prepared = prepareForLocal(definition);
    this.tasks = prepared.tasks;
    this.machine = new StateMachine(prepared.definition as never, {
      validationOptions: { checkArn: false, checkPaths: true },
    });
    this.registry = new EngineRegistry(db, table);
    this.scheduler = new LocalScheduler(this.registry);
    this.timers = new Timers(
      clock,
      { nextDue: () => this.nextDue(), due: (instant) => this.due(instant) },
      this.scheduler,
      () => this.quiet(),
      (job) => this.quiescence.sideJob(job).then(() => undefined),
    );
  }

  /** The function scheduled wake-ups call (the certificate clock). */
  onSchedule(target: (certificateNumber: string) => Promise<unknown>) {
    this.scheduler.onSchedule(target);
  }

  /** A periodic job (the reconciler), run when it could change something (scheduler.ts). */
  onPeriodic(job: PeriodicJob) {
    this.scheduler.onPeriodic(job);
  }

  schedule(name: string, at: Date, certificateNumber: string): Promise<void> {
    return this.scheduler.schedule(name, at, certificateNumber);
  }

  cancel(name: string): Promise<void> {
    return this.scheduler.cancel(name);
  }

  async exists(name: string): Promise<boolean> {
    return this.scheduler.exists(name);
  }

  /** Starts again every execution that was live when the stack stopped. */
  async recover(): Promise<number> {
    await this.scheduler.load();
    const registered = await this.registry.executions();
    for (const item of registered) {
      // the process that ran it is gone: it restarts as its own successor, at Evaluate
      this.run(item.dossierId, item.generation, item.startedAt ?? this.clock.now().getTime(), item.name);
    }
    await this.quiet();
    this.timers.tick();
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
    await this.registry.register({ name, dossierId, generation, startedAt });
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
    // a caller waits for what it set going (the API answers once the effect is stored); a task
    // function answering its own task must not wait for itself, being counted among what runs
    if (!insideTask.getStore()) await this.quiet({ executionsOnly: true });
    return true;
  }

  /** Earliest instant at which something is due: a wait, a schedule or an execution's end of life. */
  nextDue(): number | undefined {
    const instants = [this.scheduler.nextDue()];
    for (const name of this.live.values()) {
      const execution = this.executions.get(name)!;
      instants.push(execution.wait?.dueAt, execution.startedAt + AWS_LIMITS.executionLifeMs);
    }
    const known = instants.filter((at): at is number => at !== undefined);
    return known.length ? Math.min(...known) : undefined;
  }

  /** Fires every timer due at or before `instant`, earliest first; returns how many fired. */
  fireDue(instant: number): Promise<number> {
    return this.timers.fireDue(instant);
  }

  /**
   * Moves the virtual clock to `target` without firing any timer, and keeps them from firing until
   * the next ordinary move: a late wake-up, as EventBridge Scheduler or a callback timeout may be
   * in AWS. What a request does meanwhile must not depend on the timer (legal effects first).
   */
  moveHoldingTimers(target: Date): Promise<Date> {
    return this.timers.moveHolding(target);
  }

  /** Moves the virtual clock to `target`, firing each timer on the way at its own instant. */
  advanceTo(target: Date): Promise<Date> {
    return this.timers.advanceTo(target);
  }

  /**
   * Resolves once no execution is between two waits and no side work runs (a scheduled wake-up or
   * the reconciler), then drains queued work. `executionsOnly`: what side work itself calls (the
   * reconciler starting an execution) waits for the executions alone.
   */
  async quiet(options: { limitMs?: number; executionsOnly?: boolean } = {}): Promise<void> {
    await this.quiescence.settled(options);
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
      schedules: this.scheduler.describe((ms) => iso(ms)!),
      events: this.events.slice(-200),
    };
  }

  stop(): void {
    this.stopped = true;
    this.timers.stop();
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
    if (execution.status !== 'SUCCEEDED') this.scheduler.attention(execution.stoppedAt);
    while (this.ended.length > ENDED_KEPT) this.executions.delete(this.ended.shift()!);
    execution.phase = 'parked';
    // as in AWS, an execution that ends leaves nothing running: the reconciler notices the dossier
    if (!this.stopped)
      void this.quiescence
        .store(() => this.registry.unregister(execution.name))
        .catch((error: unknown) => console.error('[workflow] registry update failed:', (error as Error).message));
    else this.quiescence.check();
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
      const result = await this.quiescence.task(() =>
        insideTask.run(true, () => this.invoke(task.functionKey, input.Payload)),
      );
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
    let parked!: Promise<unknown>;
    await this.quiescence.task(async () => {
      parked = this.park(
        execution,
        token,
        seconds === undefined ? undefined : this.clock.now().getTime() + seconds * 1000,
        'fail',
      );
      try {
        await insideTask.run(true, () => this.invoke(task.functionKey, fillPlaceholders(input.Payload, { token })));
      } catch (error) {
        if (execution.wait?.token === token) this.resume(execution, { ok: false, error: error as Error });
      }
    });
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
      this.quiescence.check();
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

  /** Everything due at or before `instant`: schedules first, then the executions' ends and waits. */
  private due(instant: number): DueTimer[] {
    const due = this.scheduler.due(instant);
    for (const name of this.live.values()) {
      const execution = this.executions.get(name)!;
      const lifeEnds = execution.startedAt + AWS_LIMITS.executionLifeMs;
      if (lifeEnds <= instant) due.push({ at: lifeEnds, fire: async () => this.timeOut(execution) });
      const wait = execution.wait;
      if (wait && wait.dueAt !== undefined && wait.dueAt < lifeEnds && wait.dueAt <= instant)
        due.push({
          at: wait.dueAt,
          fire: async () =>
            this.resume(
              execution,
              wait.onTimeout === 'fail' ? { ok: false, error: timeoutError() } : { ok: true, value: null },
            ),
        });
    }
    return due;
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

  private record(event: EngineEvent) {
    this.events.push(event);
    if (this.events.length > EVENTS_KEPT * 1.25) this.events.splice(0, this.events.length - EVENTS_KEPT);
  }

  /** Executions between two states: from their start or resumption until they park or end. */
  private runningExecutions() {
    let running = 0;
    for (const name of this.live.values()) if (this.executions.get(name)!.phase === 'running') running++;
    return running;
  }
}
