import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Key } from 'aws-cdk-lib/aws-kms';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { CertificationFunction } from './certification-function';

export interface OperationsProps {
  /** the SNS topic alarms go to (its name comes from the stage's configuration in cdk.json) */
  alarmTopicName: string;
  key: Key;
  stateMachine: StateMachine;
  api: HttpApi;
  functions: CertificationFunction[];
  /** functions that act on their own (the law's clocks, events): each has its own alarms */
  critical: CertificationFunction[];
  deadLetterQueues: Record<string, Queue>;
  /** the metrics namespace and service the functions publish (Powertools) */
  namespace: string;
  service: string;
}

/**
 * What the operators watch: one alarm per thing that must not happen, each to the stage's alarm
 * topic, and one dashboard. The README's runbook says what each alarm means and what to do.
 */
export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'AlarmTopic', {
      topicName: props.alarmTopicName,
      masterKey: props.key,
      enforceSSL: true,
    });
    props.key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const action = new SnsAction(this.topic);
    const alarm = (name: string, metric: IMetric, description: string, threshold = 0) => {
      const created = new Alarm(this, name, {
        alarmName: `${Stack.of(this).stackName}-${name}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
      return created;
    };
    const fiveMinutes = { period: Duration.minutes(5) };

    // legal clocks
    const sm = props.stateMachine;
    alarm(
      'WorkflowExecutionsFailed',
      sm.metricFailed(fiveMinutes),
      'A dossier execution failed: its clocks stopped until the reconciler restarts it (runbook: redrive).',
    );
    alarm(
      'WorkflowExecutionsTimedOut',
      sm.metricTimedOut(fiveMinutes),
      'A dossier execution reached the one-year limit: hand-over did not happen (runbook).',
    );
    alarm(
      'WorkflowExecutionsAborted',
      sm.metricAborted(fiveMinutes),
      'A dossier execution was stopped by hand (runbook: restart at its phase).',
    );
    const repairs = new Metric({
      namespace: props.namespace,
      metricName: 'ReconcilerRepairs',
      dimensionsMap: { service: props.service },
      statistic: 'Sum',
      ...fiveMinutes,
    });
    alarm(
      'ReconcilerRepaired',
      repairs,
      'The reconciler repaired a dossier or certificate clock: in a healthy system it repairs nothing (runbook).',
    );

    // proof: a document or a token that could not be made (the seal's chain not configured, the
    // timestamp authority down) stays pending and is retried every five minutes — and said
    for (const [metricName, what] of [
      ['DocumentsFailed', 'A document could not be rendered or sealed (KMS, seal certificate chain)'],
      ['TimestampsFailed', 'The timestamp authority refused or did not answer: events wait for their token'],
    ] as const) {
      alarm(
        metricName,
        new Metric({
          namespace: props.namespace,
          metricName,
          dimensionsMap: { service: props.service },
          statistic: 'Sum',
          period: Duration.minutes(15),
        }),
        `${what}; the proof worker retries every five minutes (runbook: « Proof »).`,
        2,
      );
    }

    // lost work
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `DeadLetters-${name}`,
        queue.metricApproximateNumberOfMessagesVisible({ ...fiveMinutes, statistic: 'Maximum' }),
        `Events for ${name} failed every retry and wait in its dead-letter queue (runbook: redrive the queue).`,
      );
    }

    // the API
    alarm(
      'Api5xx',
      props.api.metricServerError({ ...fiveMinutes, statistic: 'Sum' }),
      'The API answered 5xx: a dependency failed or a bug (never user input).',
    );
    alarm(
      'ApiLatencyP99',
      props.api.metricLatency({ ...fiveMinutes, statistic: 'p99' }),
      'API latency p99 above 3 s for 5 minutes.',
      3000,
    );

    // functions: those that act on their own one by one; the HTTP ones together (one stage per
    // account, so the account's Lambda metrics are this stage's), the dashboard tells which
    for (const f of props.critical) {
      const name = f.node.id;
      alarm(`Errors-${name}`, f.fn.metricErrors({ ...fiveMinutes, statistic: 'Sum' }), `${name} threw (see its logs).`);
      alarm(`Throttles-${name}`, f.fn.metricThrottles({ ...fiveMinutes, statistic: 'Sum' }), `${name} was throttled.`);
    }
    const accountLambda = (metricName: string) =>
      new Metric({ namespace: 'AWS/Lambda', metricName, statistic: 'Sum', ...fiveMinutes });
    alarm('LambdaErrors', accountLambda('Errors'), 'A function threw (dashboard: which one; then its logs).');
    alarm('LambdaThrottles', accountLambda('Throttles'), 'A function was throttled (concurrency limits).');

    // mail reputation (account level): SES pauses sending above 10% bounces or 0.5% complaints
    const reputation = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    alarm(
      'SesBounceRate',
      reputation('Reputation.BounceRate'),
      'SES bounce rate above 5%: contacts to correct (dossiers show them).',
      0.05,
    );
    alarm('SesComplaintRate', reputation('Reputation.ComplaintRate'), 'SES complaint rate above 0.1%.', 0.001);

    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${Stack.of(this).stackName}-operations` });
    const deadLetters = Object.values(props.deadLetterQueues).map((q) =>
      q.metricApproximateNumberOfMessagesVisible({ ...fiveMinutes, statistic: 'Maximum' }),
    );
    dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Certification platform\nLegal clocks, lost work, API, functions, mail. Runbook: README § Operations.',
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Dossier executions',
        left: [
          sm.metricStarted(fiveMinutes),
          sm.metricSucceeded(fiveMinutes),
          sm.metricFailed(fiveMinutes),
          sm.metricTimedOut(fiveMinutes),
          sm.metricAborted(fiveMinutes),
        ],
        width: 12,
      }),
      new SingleValueWidget({ title: 'Reconciler repairs (5 min)', metrics: [repairs], width: 6 }),
      new GraphWidget({ title: 'Dead letters', left: deadLetters, width: 6 }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'API',
        left: [
          props.api.metricCount({ ...fiveMinutes, statistic: 'Sum' }),
          props.api.metricServerError({ ...fiveMinutes, statistic: 'Sum' }),
          props.api.metricClientError({ ...fiveMinutes, statistic: 'Sum' }),
        ],
        right: [
          props.api.metricLatency({ ...fiveMinutes, statistic: 'p50' }),
          props.api.metricLatency({ ...fiveMinutes, statistic: 'p99' }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'Function errors and throttles',
        left: [
          new MathExpression({
            expression: props.functions.map((_, i) => `e${i}`).join('+'),
            usingMetrics: Object.fromEntries(props.functions.map((f, i) => [`e${i}`, f.fn.metricErrors(fiveMinutes)])),
            label: 'errors',
            ...fiveMinutes,
          }),
          new MathExpression({
            expression: props.functions.map((_, i) => `t${i}`).join('+'),
            usingMetrics: Object.fromEntries(
              props.functions.map((f, i) => [`t${i}`, f.fn.metricThrottles(fiveMinutes)]),
            ),
            label: 'throttles',
            ...fiveMinutes,
          }),
        ],
        width: 6,
      }),
      new GraphWidget({
        title: 'Mail reputation',
        left: [reputation('Reputation.BounceRate'), reputation('Reputation.ComplaintRate')],
        width: 6,
      }),
    );
  }
}
