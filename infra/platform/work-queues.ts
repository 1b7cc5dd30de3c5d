import { Duration, type Stack } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ConfigurationSet } from 'aws-cdk-lib/aws-ses';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IStringParameter } from 'aws-cdk-lib/aws-ssm';
import { ENV } from '../../functions/config/env';
import { CertificationFunction } from '../constructs/certification-function';

/**
 * The work queues in the table: the mail outbox (dispatched from the stream, swept every five
 * minutes) and the document jobs (the only functions with pdf-lib), each idempotent.
 */
export const workQueues = (
  stack: Stack,
  ctx: {
    table: Table;
    mailDomain: string;
    configurationSet: ConfigurationSet;
    userPool: UserPool;
    deadLetters: (name: string) => Queue;
    evidenceBuckets: { evidence: IBucket; sensitive: IBucket };
    /** the seal key and the public trust material (platform/trust.ts) */
    proof: { sealKey: IKey; trustParameter: IStringParameter };
  },
) => {
  const { table, mailDomain, configurationSet, userPool, deadLetters, evidenceBuckets, proof } = ctx;
  // --- mail outbox ---------------------------------------------------------------------
  const dispatcher = new CertificationFunction(stack, 'OutboxDispatcher', {
    entry: 'functions/outbox/handlers.ts',
    handler: 'onStream',
    description: 'Sends mail written to the outbox',
    environment: {
      [ENV.mailFrom]: `ne-pas-repondre@${mailDomain}`,
      [ENV.sesConfigurationSet]: configurationSet.configurationSetName,
    },
  }).bindTable(table, 'write');
  dispatcher.fn.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition.LATEST,
      batchSize: 25,
      retryAttempts: 5,
      bisectBatchOnError: true,
      onFailure: new SqsDlq(deadLetters('OutboxStream')),
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { type: { S: FilterRule.isEqual('outbox') } } },
        }),
      ],
    }),
  );
  const sweeper = new CertificationFunction(stack, 'OutboxSweeper', {
    entry: 'functions/outbox/handlers.ts',
    handler: 'sweep',
    description: 'Retries mail that could not be sent',
    deadLetterQueue: deadLetters('OutboxSweeper'),
    environment: {
      [ENV.mailFrom]: `ne-pas-repondre@${mailDomain}`,
      [ENV.sesConfigurationSet]: configurationSet.configurationSetName,
    },
  }).bindTable(table, 'write');
  for (const f of [dispatcher, sweeper]) {
    f.fn.addEnvironment(ENV.userPoolId, userPool.userPoolId);
    // AdminGetUser and AdminListGroupsForUser: a replayed invitation checks the existing account is
    // this company's candidate, never a staff account (separation of duties)
    userPool.grant(
      f.fn,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminListGroupsForUser',
    );
  }
  new Rule(stack, 'OutboxSweep', {
    schedule: Schedule.rate(Duration.minutes(5)),
    targets: [new LambdaFunction(sweeper.fn)],
  });
  for (const f of [dispatcher, sweeper]) {
    f.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          `arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/${mailDomain}`,
          `arn:${stack.partition}:ses:${stack.region}:${stack.account}:configuration-set/${configurationSet.configurationSetName}`,
        ],
      }),
    );
  }

  // --- documents (the only function with pdf-lib) -------------------------------------
  const documents = new CertificationFunction(stack, 'DocumentRenderer', {
    entry: 'functions/documents/handlers.ts',
    handler: 'onStream',
    description: 'Renders and seals the PDFs; timestamps the events with legal weight; journals the reads',
    memorySize: 1024,
    timeout: Duration.minutes(1),
  })
    .bindTable(table, 'write')
    .bindDocumentWrite(evidenceBuckets)
    .bindSeal(proof.sealKey, proof.trustParameter);
  documents.fn.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition.LATEST,
      batchSize: 10,
      retryAttempts: 5,
      bisectBatchOnError: true,
      onFailure: new SqsDlq(deadLetters('DocumentStream')),
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { type: { S: FilterRule.isEqual('document-job') } } },
        }),
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { type: { S: FilterRule.isEqual('stamp-job') } } },
        }),
        // the journal events reads asked for (downloads: their functions write nothing else)
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { type: { S: FilterRule.isEqual('journal-request') } } },
        }),
      ],
    }),
  );
  const documentSweeper = new CertificationFunction(stack, 'DocumentSweeper', {
    entry: 'functions/documents/handlers.ts',
    handler: 'sweep',
    description: 'Renders documents, obtains timestamps and journals reads whose first attempt failed',
    memorySize: 1024,
    timeout: Duration.minutes(1),
    deadLetterQueue: deadLetters('DocumentSweeper'),
  })
    .bindTable(table, 'write')
    .bindDocumentWrite(evidenceBuckets)
    .bindSeal(proof.sealKey, proof.trustParameter);
  new Rule(stack, 'DocumentSweep', {
    schedule: Schedule.rate(Duration.minutes(5)),
    targets: [new LambdaFunction(documentSweeper.fn)],
  });

  return { dispatcher, sweeper, documents, documentSweeper };
};
