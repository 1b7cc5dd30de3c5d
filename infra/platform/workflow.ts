import { CfnElement, RemovalPolicy, Validations, type Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  CfnStateMachineAlias,
  CfnStateMachineVersion,
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { createHash } from 'node:crypto';
import { ENV } from '../../functions/config/env';
import {
  dossierWorkflow,
  SUCCESSOR_ARN,
  WORKFLOW_FUNCTIONS,
  type WorkflowFunctionKey,
} from '../../workflows/dossier-workflow';
import { CertificationFunction } from '../constructs/certification-function';
import { RESERVED } from './limits';

/**
 * The dossier workflow: its task functions (one file each), the Standard state machine, and a
 * version per definition behind the `live` alias that new executions and successors start on.
 */
export const workflow = (stack: Stack, ctx: { table: Table; ansMailbox: string }) => {
  const { table, ansMailbox } = ctx;
  // --- workflow ------------------------------------------------------------------------
  const workflowFunctions = {} as Record<WorkflowFunctionKey, CertificationFunction>;
  // one file per task, so each bundle holds only what its task needs
  const workflowHandlers: Record<(typeof WORKFLOW_FUNCTIONS)[WorkflowFunctionKey], { entry: string; handler: string }> =
    {
      evaluate: { entry: 'functions/workflow/evaluate.ts', handler: 'evaluate' },
      registerWait: { entry: 'functions/workflow/register-wait.ts', handler: 'handler' },
    };
  for (const [key, name] of Object.entries(WORKFLOW_FUNCTIONS) as [
    WorkflowFunctionKey,
    keyof typeof workflowHandlers,
  ][]) {
    workflowFunctions[key] = new CertificationFunction(stack, `Task-${name}`, {
      ...workflowHandlers[name],
      description: `Dossier workflow task: ${name}`,
      // the legal clocks act through Evaluate: a flood of requests must never starve it
      ...(name === 'evaluate' ? { reservedConcurrentExecutions: RESERVED.evaluate } : {}),
    }).bindTable(table, 'write');
    workflowFunctions[key].fn.addEnvironment(ENV.ansMailbox, ansMailbox);
  }
  const workflowLogs = new LogGroup(stack, 'WorkflowLogs', {
    retention: RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // fixed name: the alias ARN is spelt from it, so executions can start their successors
  // through the alias without a reference cycle
  const stateMachineName = `${stack.stackName}-dossier`;
  const aliasArn = `arn:${stack.partition}:states:${stack.region}:${stack.account}:stateMachine:${stateMachineName}:live`;
  // RegisterWait resumes its own wait when the dossier changed between Evaluate and the token's
  // storage (a command's signal then found no token): it answers its task, nothing else
  const waiter = workflowFunctions.RegisterWaitFunctionArn;
  waiter.fn.addEnvironment(ENV.stateMachineArn, aliasArn);
  waiter.fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['states:SendTaskSuccess'],
      resources: [`arn:${stack.partition}:states:${stack.region}:${stack.account}:stateMachine:${stateMachineName}`],
    }),
  );
  const stateMachine = new StateMachine(stack, 'DossierWorkflow', {
    stateMachineName,
    stateMachineType: StateMachineType.STANDARD,
    definitionBody: DefinitionBody.fromString(JSON.stringify(dossierWorkflow)),
    definitionSubstitutions: {
      ...Object.fromEntries(Object.entries(workflowFunctions).map(([key, f]) => [key, f.fn.functionArn])),
      [SUCCESSOR_ARN]: aliasArn,
    },
    tracingEnabled: true,
    // errors only, without execution data: task tokens (which resume an execution) never reach a log
    logs: { destination: workflowLogs, level: LogLevel.ERROR, includeExecutionData: false },
  });
  for (const f of Object.values(workflowFunctions)) f.fn.grantInvoke(stateMachine);
  stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [aliasArn] }));
  // each deployment of a changed definition publishes a version (kept: executions that started on
  // it finish on it) and moves the alias to it; new executions and successors start on the alias
  const definitionHash = createHash('sha256').update(JSON.stringify(dossierWorkflow)).digest('hex').slice(0, 10);
  const version = new CfnStateMachineVersion(stack, `DossierWorkflowVersion${definitionHash}`, {
    stateMachineArn: stateMachine.stateMachineArn,
    stateMachineRevisionId: stateMachine.stateMachineRevisionId,
    description: `definition ${definitionHash}`,
  });
  version.applyRemovalPolicy(RemovalPolicy.RETAIN);
  const alias = new CfnStateMachineAlias(stack, 'DossierWorkflowLive', {
    name: 'live',
    description: 'The version new dossier executions start on',
    routingConfiguration: [{ stateMachineVersionArn: version.attrArn, weight: 100 }],
  });
  const workflow = { stateMachine, aliasArn, name: stateMachineName };
  Validations.of(stateMachine).acknowledge({
    id: 'AwsSolutions-SF1',
    reason:
      'Errors only, without execution data: full event logs would carry task tokens (which resume an execution); X-Ray traces every transition',
  });
  Validations.of(stateMachine).acknowledge(
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'CloudWatch Logs delivery and X-Ray accept no resource but * (AWS design)',
    },
    ...Object.values(workflowFunctions).map((f) => ({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(f.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: 'Invoking a workflow task function includes its versions and aliases',
    })),
  );

  return { workflowFunctions, stateMachine, workflow, alias };
};
