import type * as SFN from '@aws-sdk/client-sfn';
import type { StartOutcome, WorkflowEngine } from '../../domain/ports';
import { executionName } from '../../domain/workflow-generations';

/**
 * Step Functions through the state machine's alias: a deployment moves new executions to the new
 * version while running ones finish on theirs. Executions are named per generation.
 */
export class StepFunctionsEngine implements WorkflowEngine {
  constructor(
    private readonly sdk: typeof SFN,
    private readonly sfn: SFN.SFNClient,
    /** the alias ARN (`…:stateMachine:<name>:<alias>`) or the state machine's own ARN */
    private readonly stateMachineArn: string,
  ) {}

  async start(dossierId: string, generation = 1): Promise<StartOutcome> {
    const name = executionName(dossierId, generation);
    try {
      await this.sfn.send(
        new this.sdk.StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name,
          input: JSON.stringify({ dossierId, generation }),
        }),
      );
      return 'started';
    } catch (error) {
      // the same name and input as a running execution succeeds; a closed one is refused
      if (!(error instanceof this.sdk.ExecutionAlreadyExists)) throw error;
      return (await this.isRunning(name)) ? 'running' : 'ended';
    }
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<boolean> {
    try {
      await this.sfn.send(new this.sdk.SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
      return true;
    } catch (error) {
      // the wait already ended (timer fired, execution gone, or resumed elsewhere)
      if (
        error instanceof this.sdk.TaskTimedOut ||
        error instanceof this.sdk.TaskDoesNotExist ||
        error instanceof this.sdk.InvalidToken
      )
        return false;
      throw error;
    }
  }

  async isRunning(name: string): Promise<boolean> {
    try {
      const { status } = await this.sfn.send(
        new this.sdk.DescribeExecutionCommand({ executionArn: this.executionArn(name) }),
      );
      return status === 'RUNNING';
    } catch (error) {
      if (error instanceof this.sdk.ExecutionDoesNotExist) return false;
      throw error;
    }
  }

  /** Executions live under the state machine, whichever alias or version started them. */
  private executionArn(name: string) {
    const [prefix, machine] = this.stateMachineArn.split(':stateMachine:') as [string, string];
    return `${prefix}:execution:${machine.split(':')[0]}:${name}`;
  }
}
