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
 * minutes), the document jobs (the only functions with pdf-lib; the sealer seals what they
 * render) and the proof jobs (timestamps, journal requests, the daily anchor), each idempotent.
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
    // this company's candidate, never a staff account (separation of duties); AdminDisableUser and
    // AdminUserGlobalSignOut: a replaced legal representative's account closes with its mail
    userPool.grant(
      f.fn,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminUserGlobalSignOut',
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

  // --- the sealer: the only function holding kms:Sign on the seal key --------------------
  const sealer = new CertificationFunction(stack, 'Sealer', {
    entry: 'functions/proof/seal.ts',
    handler: 'handler',
    description: 'Seals the PDFs the renderer hands it (PAdES B-T: the seal key in KMS, a timestamp)',
    memorySize: 1024,
    timeout: Duration.seconds(30),
  }).bindSeal(proof.sealKey, proof.trustParameter);

  // --- documents (the only functions with pdf-lib) ------------------------------------
  const renderer = (id: string, handler: 'onStream' | 'sweep', description: string) =>
    new CertificationFunction(stack, id, {
      entry: 'functions/documents/handlers.ts',
      handler,
      description,
      memorySize: 1024,
      timeout: Duration.minutes(1),
      ...(handler === 'sweep' ? { deadLetterQueue: deadLetters(id) } : {}),
    })
      .bindTable(table, 'write')
      .bindDocumentWrite(evidenceBuckets)
      .bindSealer(sealer);
  const documents = renderer(
    'DocumentRenderer',
    'onStream',
    'Renders the PDFs the commands ask for; the sealer seals them',
  );
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
      ],
    }),
  );
  const documentSweeper = renderer('DocumentSweeper', 'sweep', 'Renders the documents whose first attempt failed');
  new Rule(stack, 'DocumentSweep', {
    schedule: Schedule.rate(Duration.minutes(5)),
    targets: [new LambdaFunction(documentSweeper.fn)],
  });

  // --- proof: timestamps, the daily anchor, the journal events reads ask for ------------
  const proofWorker = (id: string, handler: 'onStream' | 'sweep', description: string) =>
    new CertificationFunction(stack, id, {
      entry: 'functions/proof/handlers.ts',
      handler,
      description,
      timeout: Duration.minutes(1),
      ...(handler === 'sweep' ? { deadLetterQueue: deadLetters(id) } : {}),
    })
      .bindTable(table, 'write')
      .bindAnchorWrite(evidenceBuckets)
      .bindTrustMaterial(proof.trustParameter);
  const proofStream = proofWorker(
    'ProofWorker',
    'onStream',
    'Timestamps the events with legal weight; journals the reads',
  );
  proofStream.fn.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition.LATEST,
      batchSize: 10,
      retryAttempts: 5,
      bisectBatchOnError: true,
      onFailure: new SqsDlq(deadLetters('ProofStream')),
      filters: [
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
  const proofSweeper = proofWorker(
    'ProofSweeper',
    'sweep',
    'Timestamps and journals what waits; anchors every journal once a day',
  );
  new Rule(stack, 'ProofSweep', {
    schedule: Schedule.rate(Duration.minutes(5)),
    targets: [new LambdaFunction(proofSweeper.fn)],
  });

  // --- webhooks ------------------------------------------------------------------------
  // each change's events, fanned out from the stream and delivered at once; retries every minute.
  // Outbound HTTPS to the companies' endpoints (the SSRF guard is in the sender); no VPC to reach
  const webhookWorker = (id: string, handler: 'onStream' | 'sweep', description: string) =>
    new CertificationFunction(stack, id, {
      entry: 'functions/webhooks/handlers.ts',
      handler,
      description,
      // 25 deliveries of at most 10 s each, one after another
      timeout: Duration.minutes(handler === 'sweep' ? 5 : 2),
      ...(handler === 'sweep' ? { deadLetterQueue: deadLetters(id) } : {}),
    }).bindTable(table, 'write');
  const webhookStream = webhookWorker(
    'WebhookWorker',
    'onStream',
    'Fans dossier events out to webhooks and delivers them',
  );
  webhookStream.fn.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition.LATEST,
      batchSize: 10,
      retryAttempts: 5,
      bisectBatchOnError: true,
      onFailure: new SqsDlq(deadLetters('WebhookStream')),
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { type: { S: FilterRule.isEqual('webhook-events') } } },
        }),
      ],
    }),
  );
  const webhookSweeper = webhookWorker('WebhookSweeper', 'sweep', 'Retries the webhook deliveries that are due');
  new Rule(stack, 'WebhookSweep', {
    schedule: Schedule.rate(Duration.minutes(1)),
    targets: [new LambdaFunction(webhookSweeper.fn)],
  });

  return {
    dispatcher,
    sweeper,
    documents,
    documentSweeper,
    sealer,
    proofStream,
    proofSweeper,
    webhookStream,
    webhookSweeper,
  };
};
