import type { WorkflowEngine, WorkflowStateStore, WorkflowWait, WorkflowClock, StartOutcome } from '../../domain/ports';
import { executionName } from '../../domain/workflow-generations';
import { clone } from './support';

/**
 * Executions and the clock index in memory. An execution here is only a name and a status: the
 * tests that need a running state machine use the local engine.
 */
export class InMemoryWorkflow implements WorkflowEngine, WorkflowStateStore {
  readonly started: string[] = [];
  readonly signals: { taskToken: string; output: Record<string, unknown> }[] = [];
  /** execution name → running? */
  readonly executions = new Map<string, boolean>();
  private readonly clocks = new Map<string, WorkflowClock>();
  async start(dossierId: string, generation = 1): Promise<StartOutcome> {
    const name = executionName(dossierId, generation);
    const known = this.executions.get(name);
    if (known !== undefined) return known ? 'running' : 'ended';
    this.executions.set(name, true);
    if (!this.started.includes(dossierId)) this.started.push(dossierId);
    return 'started';
  }
  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>) {
    this.signals.push({ taskToken, output });
    return true;
  }
  async isRunning(name: string) {
    return this.executions.get(name) === true;
  }
  /** what AWS does to an execution after a year, or an operator who stops it */
  kill(dossierId: string, generation = 1) {
    this.executions.set(executionName(dossierId, generation), false);
  }
  async expect(dossierId: string, generation: number, checkAt: string) {
    const known = this.clocks.get(dossierId);
    if (known && known.generation >= generation) return;
    this.clocks.set(dossierId, { dossierId, generation, checkAt });
  }
  async saveWait(wait: WorkflowWait & { generation: number; checkAt: string }) {
    const { generation, checkAt, ...stored } = wait;
    const known = this.clocks.get(wait.dossierId);
    if (known && known.generation > generation) return false;
    this.clocks.set(wait.dossierId, { dossierId: wait.dossierId, generation, checkAt, wait: stored });
    return true;
  }
  async takeWait(dossierId: string) {
    const known = this.clocks.get(dossierId);
    const wait = known?.wait ?? null;
    if (known) delete known.wait;
    return wait;
  }
  async get(dossierId: string) {
    const known = this.clocks.get(dossierId);
    return known ? clone(known) : null;
  }
  async forget(dossierId: string) {
    this.clocks.delete(dossierId);
  }
  async *list() {
    for (const c of [...this.clocks.values()].sort((a, b) => a.checkAt.localeCompare(b.checkAt))) yield clone(c);
  }
  async earliest() {
    const first = await this.list()[Symbol.asyncIterator]().next();
    return first.done ? null : first.value.checkAt;
  }
}
