import { CfnElement, Duration, Validations, type Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { ENV } from '../../functions/config/env';
import { CertificationFunction } from '../constructs/certification-function';
import { RESERVED } from './limits';

/**
 * The legal clocks longer than an execution (5-year convention, formal notices, exceptional expiry)
 * on EventBridge Scheduler, and the reconciler: the safety net that restarts what lost its
 * execution or schedule.
 */
export const legalClocks = (
  stack: Stack,
  ctx: {
    table: Table;
    ansMailbox: string;
    deadLetters: (name: string) => Queue;
    evaluate: CertificationFunction;
    workflow: { stateMachine: IStateMachine; aliasArn: string; name: string };
  },
) => {
  const { table, ansMailbox, deadLetters, workflow } = ctx;
  // clocks longer than an execution (5-year convention, formal notices, exceptional expiry)
  const scheduleGroupName = `${stack.stackName}-legal-clocks`;
  new ScheduleGroup(stack, 'LegalClocks', { scheduleGroupName });
  const certificateClockName = `${stack.stackName}-certificate-clock`;
  const certificateClock = new CertificationFunction(stack, 'CertificateClock', {
    functionName: certificateClockName,
    entry: 'functions/workflow/certificate-clock.ts',
    description: 'A certificate’s long clock: convention renewal, formal-notice lapse, exceptional expiry',
    reservedConcurrentExecutions: RESERVED.certificateClock,
    deadLetterQueue: deadLetters('CertificateClock'),
  }).bindTable(table, 'write');
  certificateClock.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
  const schedulerRole = new Role(stack, 'SchedulerRole', {
    // the confused deputy: only this account's schedules, in the certificates' group
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: {
          'aws:SourceArn': `arn:${stack.partition}:scheduler:${stack.region}:${stack.account}:schedule/${scheduleGroupName}/*`,
        },
      },
    }),
  });
  certificateClock.fn.grantInvoke(schedulerRole);
  // the ARN is spelt from the fixed name: the clock schedules itself without a reference cycle
  const certificateClockArn = `arn:${stack.partition}:lambda:${stack.region}:${stack.account}:function:${certificateClockName}`;
  const longClocks = { groupName: scheduleGroupName, targetArn: certificateClockArn, role: schedulerRole };
  certificateClock.bindLongClocks(longClocks);
  ctx.evaluate.bindLongClocks(longClocks);
  Validations.of(schedulerRole).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(certificateClock.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
    reason: 'The scheduler invokes the certificate-clock function (and its versions) only',
  });

  // the safety net under the legal clocks: restarts what lost its execution or schedule
  const reconciler = new CertificationFunction(stack, 'Reconciler', {
    entry: 'functions/workflow/reconciler.ts',
    description: 'Every 15 minutes: restarts dossier executions and certificate clocks that were lost',
    timeout: Duration.minutes(5),
    reservedConcurrentExecutions: 1,
    deadLetterQueue: deadLetters('Reconciler'),
  })
    .bindTable(table, 'write')
    .bindStateMachine(workflow)
    .bindLongClocks(longClocks);
  reconciler.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
  new Rule(stack, 'ReconcileEvery15Minutes', {
    schedule: Schedule.rate(Duration.minutes(15)),
    targets: [new LambdaFunction(reconciler.fn, { retryAttempts: 2 })],
  });

  return { certificateClock, reconciler, longClocks };
};
