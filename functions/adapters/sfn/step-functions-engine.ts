import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { WorkflowEngine } from '../../domain/ports';

export class StepFunctionsEngine implements WorkflowEngine {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(dossierId: string): Promise<void> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          // the name makes StartExecution idempotent for a dossier's first execution
          name: `dossier-${dossierId}`,
          input: JSON.stringify({ dossierId }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    try {
      await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (error) {
      // the wait already ended (timer fired, or resumed elsewhere): the execution re-reads the
      // dossier on its next step, so nothing is lost
      if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken) return;
      throw error;
    }
  }
}
