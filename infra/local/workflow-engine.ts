import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { StateMachine } from 'aws-local-stepfunctions';
import type { DocumentClient } from '../../functions/adapters/dynamo/client';
import type { WorkflowEngine } from '../../functions/domain/ports';
import type { StateMachineDefinition } from '../../workflows/dossier-workflow';
import { fillToken, prepareForLocal } from './asl-prepass';
import type { VirtualClock } from './virtual-clock';

type Invoke = (functionKey: string, payload: unknown) => Promise<unknown>;

interface Parked {
  executionId: string;
  dueAt?: number;
  settle: (outcome: { ok: true; value: unknown } | { ok: false; error: Error }) => void;
  onTimeout: 'fail' | 'succeed';
}

export interface EngineEvent {
  executionId: string;
  dossierId: string;
  type: string;
  state?: string;
}

const REGISTRY = 'LOCAL#EXECUTIONS';
const SCHEDULES = 'LOCAL#SCHEDULES';

type ScheduleTarget = (certificateNumber: string) => Promise<unknown>;

const timeoutError = () => Object.assign(new Error('the task timed out'), { name: 'States.Timeout' });

/**
 * Runs the dossier state machine on aws-local-stepfunctions, adding what it lacks: task tokens
 * (SendTaskSuccess), callback timeouts and Wait states on a virtual-timer service, and a way to
 * know when every execution is quiet (waiting on a token or a timer, or ended). The list of
 * live executions is kept in DynamoDB so that a restart starts them again at their phase.
 */
export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly machine: StateMachine;
  private readonly tasks: ReturnType<typeof prepareForLocal>['tasks'];
  private readonly running = new Map<string, string>(); // dossierId → executionId
  private readonly parked = new Map<string, Parked>(); // token → waiter
  /** each live execution is running (between two waits) or parked (waiting on a token or timer);
   * quiet means none is running and no scheduled wake-up is being served */
  private readonly executionState = new Map<string, 'running' | 'parked'>();
  private schedulerBusy = 0;
  private advancing = 0;
  /** one-time wake-ups standing in for EventBridge Scheduler (persisted) */
  private readonly schedules = new Map<string, { dueAt: number; certificateNumber: string }>();
  private scheduleTarget?: ScheduleTarget;
  private stopped = false;
  private ticker?: NodeJS.Timeout;
  /** timers held back to simulate a late wake-up (`POST /_local/clock { timers: "hold" }`) */
  private held = false;
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

  /** Starts again every execution that was live when the stack stopped. */
  async recover(): Promise<number> {
    const { Items: schedules = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': SCHEDULES },
      }),
    );
    for (const s of schedules)
      this.schedules.set(String(s.sk), { dueAt: Number(s.dueAt), certificateNumber: String(s.certificateNumber) });
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': REGISTRY },
      }),
    );
    for (const item of Items) this.run(String(item.sk));
    await this.quiet();
    // timers that fall due in real time; never while the clock is being moved, or a wake-up
    // fired here could park its next timer relative to an instant the move then skips
    this.ticker = setInterval(() => {
      if (this.advancing === 0 && !this.held) void this.fireDue(this.clock.now().getTime());
    }, 250);
    return Items.length;
  }

  async start(dossierId: string): Promise<void> {
    if (this.running.has(dossierId)) return;
    await this.db.send(new PutCommand({ TableName: this.table, Item: { pk: REGISTRY, sk: dossierId } }));
    this.run(dossierId);
    await this.quiet();
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    const waiter = this.parked.get(taskToken);
    if (!waiter) return; // timed out or already resumed: like TaskTimedOut in AWS, nothing to do
    this.resume(taskToken, { ok: true, value: output });
    await this.quiet();
  }

  /** Earliest due instant of a parked timer, if any. */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const p of this.parked.values())
      if (p.dueAt !== undefined && (min === undefined || p.dueAt < min)) min = p.dueAt;
    for (const s of this.schedules.values()) if (min === undefined || s.dueAt < min) min = s.dueAt;
    return min;
  }

  /** Fires every timer due at or before `instant`, earliest first; returns how many fired. */
  async fireDue(instant: number): Promise<number> {
    let fired = 0;
    for (;;) {
      const schedule = [...this.schedules.entries()]
        .filter(([, s]) => s.dueAt <= instant)
        .sort(([, a], [, b]) => a.dueAt - b.dueAt)[0];
      const timer = [...this.parked.values()]
        .filter((p) => p.dueAt !== undefined && p.dueAt <= instant)
        .sort((a, b) => a.dueAt! - b.dueAt!)[0];
      if (schedule && (!timer || schedule[1].dueAt <= timer.dueAt!)) {
        const [name, { certificateNumber }] = schedule;
        await this.cancel(name); // one-time, deleted after completion as in EventBridge Scheduler
        this.schedulerBusy++;
        try {
          await this.scheduleTarget?.(certificateNumber);
        } catch (error) {
          console.error(`[scheduler] ${name} failed:`, (error as Error).message);
        } finally {
          this.schedulerBusy--;
        }
        fired++;
        await this.quiet();
        continue;
      }
      const next = [...this.parked.entries()]
        .filter(([, p]) => p.dueAt !== undefined && p.dueAt <= instant)
        .sort(([, a], [, b]) => a.dueAt! - b.dueAt!)[0];
      if (!next) return fired;
      const [token, waiter] = next;
      this.resume(
        token,
        waiter.onTimeout === 'fail' ? { ok: false, error: timeoutError() } : { ok: true, value: null },
      );
      fired++;
      await this.quiet();
    }
  }

  /**
   * Moves the virtual clock to `target` without firing any timer, and keeps them from firing until
   * the next ordinary move: a late wake-up, as EventBridge Scheduler or a callback timeout may be
   * in AWS. What a request does meanwhile must not depend on the timer (legal effects first).
   */
  async moveHoldingTimers(target: Date): Promise<Date> {
    this.held = true;
    await this.quiet();
    await this.clock.moveTo(target);
    return this.clock.now();
  }

  /**
   * Moves the virtual clock to `target`, stopping at each timer on the way: the clock is set to
   * the timer's instant before it fires, so each effect is stored at its legal instant.
   */
  async advanceTo(target: Date): Promise<Date> {
    this.held = false;
    this.advancing++;
    try {
      for (;;) {
        await this.quiet(); // every execution parked: each timer it set is known before the next move
        const due = this.nextDue();
        if (due === undefined || due > target.getTime()) break;
        await this.clock.moveTo(new Date(due));
        await this.fireDue(due);
      }
      await this.clock.moveTo(target);
      await this.quiet();
      return this.clock.now();
    } finally {
      this.advancing--;
    }
  }

  /** Resolves once every execution waits on a token or a timer (or has ended), and queued side work is done. */
  async quiet(limitMs = 120_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    let calm = 0;
    while (calm < 2) {
      if (Date.now() > deadline)
        throw new Error(`workflow engine not quiet after ${limitMs} ms (${this.busyCount()} busy)`);
      await new Promise((r) => setImmediate(r));
      calm = this.busyCount() === 0 ? calm + 1 : 0;
    }
    await this.onQuietWork();
  }

  /** What the engine is doing, for `GET /_local/workflow` and the benchmark. */
  describe() {
    return {
      running: [...this.running.keys()],
      schedules: [...this.schedules.entries()].map(([name, s]) => ({ name, dueAt: new Date(s.dueAt).toISOString() })),
      waiting: [...this.parked.entries()].map(([token, p]) => ({
        dossierId: token.split('.')[0],
        dueAt: p.dueAt === undefined ? null : new Date(p.dueAt).toISOString(),
      })),
      events: this.events.slice(-200),
    };
  }

  stop(): void {
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    for (const token of [...this.parked.keys()]) this.parked.delete(token);
  }

  private busyCount() {
    let running = this.schedulerBusy;
    for (const state of this.executionState.values()) if (state === 'running') running++;
    return running;
  }

  private run(dossierId: string) {
    const executionId = `${dossierId}:${randomUUID()}`;
    this.running.set(dossierId, executionId);
    this.executionState.set(executionId, 'running');
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [state, task] of Object.entries(this.tasks)) {
      handlers[state] = (input) => this.runTask(executionId, dossierId, state, task, input as Record<string, unknown>);
    }
    const execution = this.machine.run(
      { dossierId },
      { overrides: { taskResourceLocalHandlers: handlers as never }, noThrowOnAbort: true },
    );
    this.events.push({ executionId, dossierId, type: 'ExecutionStarted' });
    void this.collect(execution.eventLogs, executionId, dossierId);
    execution.result
      .then(async () => {
        this.events.push({ executionId, dossierId, type: 'ExecutionSucceeded' });
        if (!this.stopped)
          await this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: REGISTRY, sk: dossierId } }));
      })
      .catch((error: unknown) => {
        // a failed execution stays registered: the next start of the stack runs it again
        this.events.push({
          executionId,
          dossierId,
          type: 'ExecutionFailed',
          state: String((error as Error)?.message ?? error),
        });
        console.error(`[workflow] execution for dossier ${dossierId} failed:`, (error as Error)?.message ?? error);
      })
      .finally(() => {
        if (this.running.get(dossierId) === executionId) this.running.delete(dossierId);
        this.executionState.delete(executionId);
      });
  }

  private async collect(
    logs: AsyncGenerator<{ type: string; state?: { name: string; output?: unknown } }>,
    executionId: string,
    dossierId: string,
  ) {
    try {
      for await (const event of logs) {
        if (event.type === 'StateEntered')
          this.events.push({ executionId, dossierId, type: 'StateEntered', state: event.state?.name });
        if (event.type === 'StateExited' && event.state?.name === 'Evaluate') {
          this.events.push({ executionId, dossierId, type: 'Evaluated', state: JSON.stringify(event.state.output) });
        }
      }
    } catch {
      // the log ends with the execution
    }
  }

  private async runTask(
    executionId: string,
    dossierId: string,
    state: string,
    task: (typeof this.tasks)[string],
    input: Record<string, unknown>,
  ) {
    if (task.kind === 'invoke') {
      const result = await this.invoke(task.functionKey, input.Payload);
      return { Payload: result, StatusCode: 200 };
    }
    if (task.kind === 'wait') {
      const due =
        input.__timestamp !== undefined
          ? new Date(String(input.__timestamp)).getTime()
          : this.clock.now().getTime() + Number(input.__seconds ?? 0) * 1000;
      return this.park(randomUUID(), executionId, due, 'succeed');
    }
    const token = `${dossierId}.${randomUUID()}`;
    const seconds = input.__timeoutSeconds === undefined ? undefined : Number(input.__timeoutSeconds);
    // park first: the callback function may hand the token to someone who resumes it at once
    const parked = this.park(
      token,
      executionId,
      seconds === undefined ? undefined : this.clock.now().getTime() + seconds * 1000,
      'fail',
    );
    try {
      await this.invoke(task.functionKey, fillToken(input.Payload, token));
    } catch (error) {
      this.resume(token, { ok: false, error: error as Error });
    }
    return parked;
  }

  private park(
    token: string,
    executionId: string,
    dueAt: number | undefined,
    onTimeout: Parked['onTimeout'],
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.executionState.has(executionId)) this.executionState.set(executionId, 'parked');
      this.parked.set(token, {
        executionId,
        dueAt,
        onTimeout,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)),
      });
    });
  }

  private resume(token: string, outcome: Parameters<Parked['settle']>[0]) {
    const waiter = this.parked.get(token);
    if (!waiter) return;
    this.parked.delete(token);
    if (this.executionState.has(waiter.executionId)) this.executionState.set(waiter.executionId, 'running');
    waiter.settle(outcome);
  }
}
