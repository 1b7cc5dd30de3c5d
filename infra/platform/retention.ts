import { Duration, type Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { ENV } from '../../functions/config/env';
import { CertificationFunction } from '../constructs/certification-function';

/**
 * The end of retention (RGPD art. 5-1-e; functions/domain/retention.ts): once a day the purge
 * tells companies two weeks ahead and erases what is due. It is the only function that may delete
 * an object version or bypass the evidence buckets' governance-mode Object Lock; both buckets'
 * policies deny those two actions to every other principal, operators included.
 */
export const retention = (
  stack: Stack,
  ctx: {
    table: Table;
    ansMailbox: string;
    deadLetters: (name: string) => Queue;
    buckets: { evidence: Bucket; sensitive: Bucket };
  },
) => {
  const purger = new CertificationFunction(stack, 'Purger', {
    entry: 'functions/workflow/purger.ts',
    description: 'Daily: the retention notices, then the erasure of dossiers past their retention',
    timeout: Duration.minutes(15),
    reservedConcurrentExecutions: 1,
    deadLetterQueue: ctx.deadLetters('Purger'),
  })
    .bindTable(ctx.table, 'write')
    .bindErasure(ctx.buckets);
  purger.fn.addEnvironment(ENV.ansMailbox, ctx.ansMailbox);
  // 03:15 UTC: after the day's anchors, before the working day
  new Rule(stack, 'PurgeDaily', {
    schedule: Schedule.cron({ minute: '15', hour: '3' }),
    targets: [new LambdaFunction(purger.fn, { retryAttempts: 2 })],
  });
  for (const bucket of Object.values(ctx.buckets))
    bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyThePurgeErasesVersions',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:DeleteObjectVersion', 's3:BypassGovernanceRetention'],
        resources: [bucket.arnForObjects('*')],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': purger.fn.role!.roleArn } },
      }),
    );
  return { purger };
};
