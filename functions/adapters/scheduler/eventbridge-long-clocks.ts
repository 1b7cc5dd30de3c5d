import type * as Scheduler from '@aws-sdk/client-scheduler';
import type { LongClocks } from '../../domain/ports';

/** EventBridge Scheduler one-time schedules that invoke the certificate-clock function. */
export class EventBridgeLongClocks implements LongClocks {
  constructor(
    private readonly sdk: typeof Scheduler,
    private readonly scheduler: Scheduler.SchedulerClient,
    private readonly config: { groupName: string; targetArn: string; roleArn: string },
  ) {}

  async schedule(name: string, at: Date, certificateNumber: string): Promise<void> {
    const input = {
      Name: name,
      GroupName: this.config.groupName,
      // at() takes a UTC time without zone or milliseconds; a second late never fires early
      ScheduleExpression: `at(${new Date(Math.ceil(at.getTime() / 1000) * 1000).toISOString().slice(0, 19)})`,
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' as const },
      ActionAfterCompletion: 'DELETE' as const,
      Target: {
        Arn: this.config.targetArn,
        RoleArn: this.config.roleArn,
        Input: JSON.stringify({ certificateNumber }),
        RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
      },
    };
    try {
      await this.scheduler.send(new this.sdk.CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof this.sdk.ConflictException)) throw error;
      await this.scheduler.send(new this.sdk.UpdateScheduleCommand(input));
    }
  }

  async cancel(name: string): Promise<void> {
    try {
      await this.scheduler.send(new this.sdk.DeleteScheduleCommand({ Name: name, GroupName: this.config.groupName }));
    } catch (error) {
      if (!(error instanceof this.sdk.ResourceNotFoundException)) throw error;
    }
  }

  async exists(name: string): Promise<boolean> {
    try {
      await this.scheduler.send(new this.sdk.GetScheduleCommand({ Name: name, GroupName: this.config.groupName }));
      return true;
    } catch (error) {
      if (error instanceof this.sdk.ResourceNotFoundException) return false;
      throw error;
    }
  }
}
