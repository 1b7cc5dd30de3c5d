import {
  CfnElement,
  CfnOutput,
  Duration,
  NestedStack,
  RemovalPolicy,
  Stack,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import {
  CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  CfnUserPoolGroup,
  OAuthScope,
  UserPoolClientIdentityProvider,
  ClientAttributes,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { AnyPrincipal, Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { BackupPlan, BackupResource } from 'aws-cdk-lib/aws-backup';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  EventType,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import {
  CfnStateMachineAlias,
  CfnStateMachineVersion,
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { createHash } from 'node:crypto';
import type { Construct } from 'constructs';
import { routeArea } from './constructs/route-areas';
import { ENV } from '../functions/config/env';
import { ROLES } from '../functions/domain/schemas';
import { ROUTES } from '../functions/http/routes';
import {
  dossierWorkflow,
  SUCCESSOR_ARN,
  WORKFLOW_FUNCTIONS,
  type WorkflowFunctionKey,
} from '../workflows/dossier-workflow';
import { CertificationFunction } from './constructs/certification-function';
import { Operations } from './constructs/operations';

export interface CertificationStackProps extends StackProps {
  /** domain that mail is sent from (SES identity) */
  mailDomain?: string;
  /** origins allowed to PUT evidence from the browser */
  allowedOrigins?: string[];
  /** the instructors' shared mailbox (mail about candidates' answers and messages) */
  ansMailbox?: string;
  /** the deployment stage (cdk.json `stages`): names and retention follow it */
  stage?: string;
  /** the SNS topic the alarms go to (cdk.json `stages.<stage>.alarmTopicName`) */
  alarmTopicName?: string;
}

/** The whole platform in one stack, environment-agnostic (no lookups), so `cdk synth` runs offline. */
/** Requests per second (steady / burst) on the API stage: a default, and tighter routes. */
export const THROTTLE = {
  default: { rateLimit: 100, burstLimit: 200 },
  public: { rateLimit: 20, burstLimit: 40 },
  uploads: { rateLimit: 10, burstLimit: 20 },
} as const;

/** Concurrency reserved for what the law runs on its own. */
export const RESERVED = { evaluate: 20, certificateClock: 5 } as const;

/** What the portal's stack (infra/portal-stack.ts) needs of this one. */
export interface PortalHooks {
  /** the HTTP API's endpoint (https://{id}.execute-api.{region}.amazonaws.com): CloudFront's `/v1/*` origin */
  apiEndpoint: string;
  /** the user pool's issuer and the portal's app client (code + PKCE, no secret) */
  issuer: string;
  clientId: string;
  /** Cognito's hosted sign-in (https://{prefix}.auth.{region}.amazoncognito.com) */
  signInDomain: string;
  /** the evidence buckets' regional endpoints: presigned uploads and previews go there */
  storageOrigins: string[];
}

export class CertificationStack extends Stack {
  readonly portal: PortalHooks;

  constructor(scope: Construct, id: string, props: CertificationStackProps = {}) {
    super(scope, id, props);
    const mailDomain = props.mailDomain ?? 'certification.example.org';
    const allowedOrigins = props.allowedOrigins ?? ['https://portail.certification.example.org'];
    const ansMailbox = props.ansMailbox ?? `instruction@${mailDomain}`;
    const alarmTopicName = props.alarmTopicName ?? `${this.stackName}-alarms`;

    // events that failed every retry of an asynchronous invocation wait here (alarmed, redriven)
    const operationsKey = new Key(this, 'OperationsKey', {
      enableKeyRotation: true,
      description: 'Dead-letter queues, alarm and mail-feedback topics',
    });
    const deadLetterQueues: Record<string, Queue> = {};
    const deadLetters = (name: string) => {
      const queue = new Queue(this, `DeadLetters${name}`, {
        encryption: QueueEncryption.KMS,
        encryptionMasterKey: operationsKey,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(queue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter queue',
      });
      return (deadLetterQueues[name] = queue);
    };

    // --- storage -------------------------------------------------------------------------
    const tableKey = new Key(this, 'TableKey', { enableKeyRotation: true, description: 'Certification table' });
    const table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: tableKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      stream: StreamViewType.NEW_IMAGE,
    });
    for (const index of ['gsi1', 'gsi2']) {
      table.addGlobalSecondaryIndex({
        indexName: index,
        partitionKey: { name: `${index}pk`, type: AttributeType.STRING },
        sortKey: { name: `${index}sk`, type: AttributeType.STRING },
      });
    }

    // AWS Backup on top of PITR: daily, weekly and monthly recovery points kept five years
    const backups = BackupPlan.dailyWeeklyMonthly5YearRetention(this, 'TableBackups');
    backups.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(table)] });
    Validations.of(backups).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason: 'The AWS Backup service role uses the managed policy AWS maintains for that service',
    });

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself' });

    const evidenceBucket = (name: string, description: string) => {
      const key = new Key(this, `${name}Key`, { enableKeyRotation: true, description });
      const bucket = new Bucket(this, name, {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        versioned: true,
        // a withdrawn or rejected file leaves a noncurrent version: it expires, no function erases it
        lifecycleRules: [
          { noncurrentVersionExpiration: Duration.days(90), expiredObjectDeleteMarker: true },
          { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        ],
        encryption: BucketEncryption.KMS,
        encryptionKey: key,
        bucketKeyEnabled: true,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: `${name}/`,
        removalPolicy: RemovalPolicy.RETAIN,
        cors: [
          {
            // PUT: presigned uploads; GET: the portal previews a PDF or an image from its presigned link
            allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
            allowedOrigins,
            allowedHeaders: ['content-type', 'content-length', 'x-amz-checksum-sha256', 'x-amz-sdk-checksum-algorithm'],
            maxAge: 600,
          },
        ],
      });
      return { bucket, key };
    };
    const evidence = evidenceBucket('EvidenceBucket', 'Evidence files');
    const sensitive = evidenceBucket(
      'SensitiveEvidenceBucket',
      'Sensitive evidence (penetration tests): security reviewers only',
    );

    // --- identity ------------------------------------------------------------------------
    const userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      // the company an account acts for: written once by the admin invitation, never by the user
      customAttributes: { ensId: new StringAttribute({ mutable: false, maxLen: 64 }) },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: userPool.userPoolId, groupName: role });
    }
    // the portal signs in through Cognito's hosted pages (authorization code + PKCE, MFA there)
    const signInDomain = userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: `tlc-certification-${props.stage ?? 'dev'}` },
    });
    const portalClient = userPool.addClient('Portal', {
      authFlows: { userSrp: true },
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: allowedOrigins.map((o) => `${o}/connexion`),
        logoutUrls: allowedOrigins.map((o) => `${o}/`),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      // users may change their name and phone, never the company they act for
      readAttributes: new ClientAttributes()
        .withStandardAttributes({
          email: true,
          emailVerified: true,
          givenName: true,
          familyName: true,
          phoneNumber: true,
        })
        .withCustomAttributes('ensId'),
      writeAttributes: new ClientAttributes().withStandardAttributes({
        givenName: true,
        familyName: true,
        phoneNumber: true,
      }),
    });

    // --- mail ----------------------------------------------------------------------------
    const configurationSet = new ConfigurationSet(this, 'MailConfiguration', {});
    new EmailIdentity(this, 'MailIdentity', { identity: Identity.domain(mailDomain), configurationSet });
    // bounces and complaints → SNS → the dossier shows the unreachable contact, instructors are told
    const mailFeedbackTopic = new Topic(this, 'MailFeedback', { masterKey: operationsKey, enforceSSL: true });
    operationsKey.grant(new ServicePrincipal('ses.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(mailFeedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const mailFeedback = new CertificationFunction(this, 'MailFeedbackHandler', {
      entry: 'functions/events/mail-feedback.ts',
      description: 'SES bounces and complaints: marks the contact undeliverable on the dossier',
      deadLetterQueue: deadLetters('MailFeedback'),
    }).bindTable(table, 'write');
    mailFeedback.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
    mailFeedbackTopic.addSubscription(
      new LambdaSubscription(mailFeedback.fn, { deadLetterQueue: deadLetters('MailFeedbackDelivery') }),
    );

    // --- workflow ------------------------------------------------------------------------
    const workflowFunctions = {} as Record<WorkflowFunctionKey, CertificationFunction>;
    // one file per task, so each bundle holds only what its task needs
    const workflowHandlers: Record<
      (typeof WORKFLOW_FUNCTIONS)[WorkflowFunctionKey],
      { entry: string; handler: string }
    > = {
      evaluate: { entry: 'functions/workflow/evaluate.ts', handler: 'evaluate' },
      registerWait: { entry: 'functions/workflow/register-wait.ts', handler: 'handler' },
    };
    for (const [key, name] of Object.entries(WORKFLOW_FUNCTIONS) as [
      WorkflowFunctionKey,
      keyof typeof workflowHandlers,
    ][]) {
      workflowFunctions[key] = new CertificationFunction(this, `Task-${name}`, {
        ...workflowHandlers[name],
        description: `Dossier workflow task: ${name}`,
        // the legal clocks act through Evaluate: a flood of requests must never starve it
        ...(name === 'evaluate' ? { reservedConcurrentExecutions: RESERVED.evaluate } : {}),
      }).bindTable(table, 'write');
      workflowFunctions[key].fn.addEnvironment(ENV.ansMailbox, ansMailbox);
    }
    const workflowLogs = new LogGroup(this, 'WorkflowLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // fixed name: the alias ARN is spelt from it, so executions can start their successors
    // through the alias without a reference cycle
    const stateMachineName = `${this.stackName}-dossier`;
    const aliasArn = `arn:${this.partition}:states:${this.region}:${this.account}:stateMachine:${stateMachineName}:live`;
    // RegisterWait resumes its own wait when the dossier changed between Evaluate and the token's
    // storage (a command's signal then found no token): it answers its task, nothing else
    const waiter = workflowFunctions.RegisterWaitFunctionArn;
    waiter.fn.addEnvironment(ENV.stateMachineArn, aliasArn);
    waiter.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess'],
        resources: [`arn:${this.partition}:states:${this.region}:${this.account}:stateMachine:${stateMachineName}`],
      }),
    );
    const stateMachine = new StateMachine(this, 'DossierWorkflow', {
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
    const version = new CfnStateMachineVersion(this, `DossierWorkflowVersion${definitionHash}`, {
      stateMachineArn: stateMachine.stateMachineArn,
      stateMachineRevisionId: stateMachine.stateMachineRevisionId,
      description: `definition ${definitionHash}`,
    });
    version.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const alias = new CfnStateMachineAlias(this, 'DossierWorkflowLive', {
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
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(f.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: 'Invoking a workflow task function includes its versions and aliases',
      })),
    );

    // clocks longer than an execution (5-year convention, formal notices, exceptional expiry)
    const scheduleGroupName = `${this.stackName}-legal-clocks`;
    new ScheduleGroup(this, 'LegalClocks', { scheduleGroupName });
    const certificateClockName = `${this.stackName}-certificate-clock`;
    const certificateClock = new CertificationFunction(this, 'CertificateClock', {
      functionName: certificateClockName,
      entry: 'functions/workflow/certificate-clock.ts',
      description: 'A certificate’s long clock: convention renewal, formal-notice lapse, exceptional expiry',
      reservedConcurrentExecutions: RESERVED.certificateClock,
      deadLetterQueue: deadLetters('CertificateClock'),
    }).bindTable(table, 'write');
    certificateClock.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
    });
    certificateClock.fn.grantInvoke(schedulerRole);
    // the ARN is spelt from the fixed name: the clock schedules itself without a reference cycle
    const certificateClockArn = `arn:${this.partition}:lambda:${this.region}:${this.account}:function:${certificateClockName}`;
    const longClocks = { groupName: scheduleGroupName, targetArn: certificateClockArn, role: schedulerRole };
    certificateClock.bindLongClocks(longClocks);
    workflowFunctions.EvaluateFunctionArn.bindLongClocks(longClocks);
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(certificateClock.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: 'The scheduler invokes the certificate-clock function (and its versions) only',
    });

    // the safety net under the legal clocks: restarts what lost its execution or schedule
    const reconciler = new CertificationFunction(this, 'Reconciler', {
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
    new Rule(this, 'ReconcileEvery15Minutes', {
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(reconciler.fn, { retryAttempts: 2 })],
    });

    // --- evidence verification -----------------------------------------------------------
    const evidenceBuckets = { evidence: evidence.bucket, sensitive: sensitive.bucket };
    const objectCreated = new CertificationFunction(this, 'ObjectCreated', {
      entry: 'functions/events/object-created.ts',
      description: 'Checks each uploaded object against its upload grant (size, SHA-256, type)',
      timeout: Duration.minutes(5),
      deadLetterQueue: deadLetters('ObjectCreated'),
    })
      .bindTable(table, 'write')
      .bindEvidenceInspection(evidenceBuckets)
      .bindStateMachine(workflow);
    objectCreated.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
    for (const bucket of Object.values(evidenceBuckets)) {
      bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(objectCreated.fn), {
        prefix: 'dossiers/',
      });
    }
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "CDK's bucket-notification custom resource writes its own logs only",
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: "CDK's bucket-notification custom resource must call PutBucketNotification (AWS design)",
      },
    );

    // --- mail outbox ---------------------------------------------------------------------
    const dispatcher = new CertificationFunction(this, 'OutboxDispatcher', {
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
    const sweeper = new CertificationFunction(this, 'OutboxSweeper', {
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
      userPool.grant(f.fn, 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup');
    }
    new Rule(this, 'OutboxSweep', {
      schedule: Schedule.rate(Duration.minutes(5)),
      targets: [new LambdaFunction(sweeper.fn)],
    });
    for (const f of [dispatcher, sweeper]) {
      f.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [
            `arn:${this.partition}:ses:${this.region}:${this.account}:identity/${mailDomain}`,
            `arn:${this.partition}:ses:${this.region}:${this.account}:configuration-set/${configurationSet.configurationSetName}`,
          ],
        }),
      );
    }

    // --- documents (the only function with pdf-lib) -------------------------------------
    const documents = new CertificationFunction(this, 'DocumentRenderer', {
      entry: 'functions/documents/handlers.ts',
      handler: 'onStream',
      description: 'Renders the convention and certificate PDFs the commands ask for',
      memorySize: 1024,
      timeout: Duration.minutes(1),
    })
      .bindTable(table, 'write')
      .bindDocumentWrite(evidenceBuckets);
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
    const documentSweeper = new CertificationFunction(this, 'DocumentSweeper', {
      entry: 'functions/documents/handlers.ts',
      handler: 'sweep',
      description: 'Renders documents whose first attempt failed',
      memorySize: 1024,
      timeout: Duration.minutes(1),
      deadLetterQueue: deadLetters('DocumentSweeper'),
    })
      .bindTable(table, 'write')
      .bindDocumentWrite(evidenceBuckets);
    new Rule(this, 'DocumentSweep', {
      schedule: Schedule.rate(Duration.minutes(5)),
      targets: [new LambdaFunction(documentSweeper.fn)],
    });

    // --- HTTP API ------------------------------------------------------------------------
    const apiLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const api = new HttpApi(this, 'Api', {
      corsPreflight: {
        allowOrigins: allowedOrigins,
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'if-match'],
        exposeHeaders: ['etag', 'location'],
      },
      createDefaultStage: false,
    });
    const stage = api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(apiLogs) },
      // flood protection: a default for every route, tighter where anyone may call or files start
      throttle: THROTTLE.default,
    });
    const authorizer = new HttpJwtAuthorizer('Cognito', userPool.userPoolProviderUrl, {
      jwtAudience: [portalClient.userPoolClientId],
    });
    // signs pagination cursors (HMAC): generated, never in code; resolved at deploy time
    const cursorKey = new Secret(this, 'CursorSigningKey', {
      description: 'HMAC key of the API pagination cursors',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(cursorKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'A cursor key needs no rotation schedule: rotating it only invalidates cursors in flight',
    });
    const httpFunctions = new Map<string, CertificationFunction>();
    const httpRoutes: HttpRoute[] = [];
    const publicRoutes: HttpRoute[] = [];
    // the routes' functions live in nested stacks, one per area of the API (a route never moves
    // between them: two stacks cannot hold the same route key during a deploy), so that no
    // template nears CloudFormation's 500 resources; see infra/constructs/route-areas.ts
    const areas = new Map<string, NestedStack>();
    const scopeOf = (route: (typeof ROUTES)[number]): Construct => {
      const area = routeArea(route);
      if (area === 'platform-stack') return this;
      let nested = areas.get(area);
      if (!nested) {
        nested = new NestedStack(this, `${area}Routes`, { description: `HTTP routes: ${area}` });
        areas.set(area, nested);
      }
      return nested;
    };
    const addRoute = (route: (typeof ROUTES)[number], httpRoute: HttpRoute) => {
      httpRoutes.push(httpRoute);
      if (!route.auth) publicRoutes.push(httpRoute);
    };
    for (const route of ROUTES) {
      const scope = scopeOf(route);
      const routeKey = HttpRouteKey.with(route.path, HttpMethod[route.method]);
      // routes that share a handler share a function only when they need the same grants
      const functionKey = `${route.handler}:${JSON.stringify(route.access)}`;
      const existing = httpFunctions.get(functionKey);
      if (existing) {
        addRoute(
          route,
          new HttpRoute(scope, `${route.handler}-${route.method}-${route.path}`, {
            httpApi: api,
            routeKey,
            integration: new HttpLambdaIntegration(`${route.handler}-${route.method}-${route.path}`, existing.fn),
            ...(route.auth ? { authorizer } : {}),
          }),
        );
        continue;
      }
      const sameHandler = [...httpFunctions.keys()].filter((k) => k.startsWith(`${route.handler}:`)).length;
      const f = new CertificationFunction(scope, `Http-${route.handler}${sameHandler ? `-${sameHandler + 1}` : ''}`, {
        entry: `functions/http/handlers/${route.handler}.ts`,
        description: `${route.method} ${route.path}`,
      });
      if (route.access.table) f.bindTable(table, route.access.table);
      if (route.access.workflow) f.bindStateMachine(workflow);
      if (route.access.evidence === 'put') f.bindEvidenceUpload(evidenceBuckets);
      if (route.access.evidence === 'get') f.bindEvidenceDownload(evidenceBuckets);
      if (route.access.evidence === 'read-documents') f.bindDocumentRead(evidenceBuckets);
      // legal effects first: tacit acceptance schedules the certificate's clock (its PDF is a job)
      if (route.access.evidence === 'delete') f.bindEvidenceDelete(evidenceBuckets);
      if (route.access.schedules || route.access.legalEffects) f.bindLongClocks(longClocks);
      f.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
      f.fn.addEnvironment('CURSOR_SIGNING_KEY', cursorKey.secretValue.unsafeUnwrap());
      httpFunctions.set(functionKey, f);
      addRoute(
        route,
        new HttpRoute(scope, `${f.node.id}-route`, {
          httpApi: api,
          routeKey,
          integration: new HttpLambdaIntegration(`${f.node.id}-integration`, f.fn),
          ...(route.auth ? { authorizer } : {}),
        }),
      );
    }
    // --- sensitive evidence, closed in the infrastructure ------------------------------
    // Only the route that presigns evidence downloads (the use case lets only security reviewers
    // fetch penetration-test evidence) and the object-created check may read the sensitive bucket
    // or decrypt with its key; the bucket and key policies deny every other principal.
    // --- malware scanning (GuardDuty Malware Protection for S3) -------------------------
    // Every object under dossiers/ is scanned; the result reaches the upload through EventBridge,
    // and staff open a file only once it is NO_THREATS_FOUND (functions/domain/upload.ts).
    const malwareRole = new Role(this, 'MalwareProtectionRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: reads and tags the evidence it scans',
    });
    malwareRole.addToPolicy(
      new PolicyStatement({
        actions: [
          'events:PutRule',
          'events:DeleteRule',
          'events:PutTargets',
          'events:RemoveTargets',
          'events:DescribeRule',
          'events:ListTargetsByRule',
        ],
        resources: [
          `arn:${this.partition}:events:${this.region}:${this.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`,
        ],
      }),
    );
    for (const [name, { bucket, key }] of Object.entries({ Evidence: evidence, Sensitive: sensitive })) {
      malwareRole.addToPolicy(
        new PolicyStatement({
          actions: [
            's3:GetObject',
            's3:GetObjectVersion',
            's3:GetObjectTagging',
            's3:GetObjectVersionTagging',
            's3:PutObjectTagging',
            's3:PutObjectVersionTagging',
          ],
          resources: [bucket.arnForObjects('dossiers/*')],
        }),
      );
      malwareRole.addToPolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetBucketNotification', 's3:PutBucketNotification'],
          resources: [bucket.bucketArn],
        }),
      );
      key.grant(malwareRole, 'kms:Decrypt', 'kms:GenerateDataKey');
      new CfnMalwareProtectionPlan(this, `MalwareProtection${name}`, {
        role: malwareRole.roleArn,
        protectedResource: { s3Bucket: { bucketName: bucket.bucketName, objectPrefixes: ['dossiers/'] } },
        actions: { tagging: { status: 'ENABLED' } },
      });
    }
    Validations.of(malwareRole).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]',
        reason: 'The rules GuardDuty manages for the scan have this fixed name prefix (AWS documentation)',
      },
      ...[evidence, sensitive].map((b) => ({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(b.bucket.node.defaultChild as CfnElement)}.Arn>/dossiers/*]`,
        reason: 'The scanner reads and tags uploaded objects under dossiers/ only',
      })),
      { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: 'Scoped to the evidence keys' },
    );
    objectCreated.fn.addEnvironment(ENV.malwareScanning, 'guardduty');
    const scanResult = new CertificationFunction(this, 'ScanResult', {
      entry: 'functions/events/scan-result.ts',
      description: 'Records GuardDuty malware scan results on the uploads',
      deadLetterQueue: deadLetters('ScanResult'),
    }).bindTable(table, 'write');
    scanResult.fn.addEnvironment(ENV.evidenceBucket, evidence.bucket.bucketName);
    scanResult.fn.addEnvironment(ENV.sensitiveBucket, sensitive.bucket.bucketName);
    new Rule(this, 'MalwareScanResults', {
      description: 'GuardDuty Malware Protection object scan results → uploads',
      eventPattern: { source: ['aws.guardduty'], detailType: ['GuardDuty Malware Protection Object Scan Result'] },
      targets: [new LambdaFunction(scanResult.fn, { retryAttempts: 8 })],
    });

    const sensitiveReaders = [...httpFunctions.entries()]
      .filter(([key]) => key.startsWith('download-upload:'))
      .map(([, f]) => f.fn.role!)
      .concat(objectCreated.fn.role!, malwareRole);
    const notAReader = { ArnNotEquals: { 'aws:PrincipalArn': sensitiveReaders.map((r) => r.roleArn) } };
    sensitive.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyDesignatedReaders',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectAttributes'],
        resources: [sensitive.bucket.arnForObjects('*')],
        conditions: notAReader,
      }),
    );
    sensitive.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyDesignatedDecrypters',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['kms:Decrypt'],
        resources: ['*'],
        conditions: notAReader,
      }),
    );

    const cfnStage = stage.node.defaultChild as CfnStage;
    cfnStage.addPropertyOverride(
      'RouteSettings',
      Object.fromEntries(
        ROUTES.filter((r) => !r.auth || r.path.endsWith('/uploads')).map((r) => [
          `${r.method} ${r.path}`,
          {
            ThrottlingRateLimit: (r.auth ? THROTTLE.uploads : THROTTLE.public).rateLimit,
            ThrottlingBurstLimit: (r.auth ? THROTTLE.uploads : THROTTLE.public).burstLimit,
          },
        ]),
      ),
    );
    // route settings name routes: the stage waits for them (and for the nested stacks holding them)
    for (const route of httpRoutes) cfnStage.node.addDependency(route);
    for (const route of publicRoutes)
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Public by contract (/health, /v1/openapi.json, /v1/public/*): every other route has the Cognito JWT authoriser',
      });

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    this.portal = {
      apiEndpoint: api.apiEndpoint,
      issuer: userPool.userPoolProviderUrl,
      clientId: portalClient.userPoolClientId,
      signInDomain: signInDomain.baseUrl(),
      storageOrigins: [evidence, sensitive].map((b) => `https://${b.bucket.bucketRegionalDomainName}`),
    };
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'EvidenceBucketName', { value: evidence.bucket.bucketName });
    new CfnOutput(this, 'SensitiveEvidenceBucketName', { value: sensitive.bucket.bucketName });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'WorkflowAliasArn', { value: alias.attrArn });

    const operations = new Operations(this, 'Operations', {
      alarmTopicName,
      key: operationsKey,
      stateMachine,
      api,
      functions: this.node.findAll().filter((c): c is CertificationFunction => c instanceof CertificationFunction),
      critical: [
        ...Object.values(workflowFunctions),
        certificateClock,
        reconciler,
        objectCreated,
        scanResult,
        dispatcher,
        sweeper,
        mailFeedback,
        documents,
        documentSweeper,
      ],
      deadLetterQueues,
      namespace: 'TlcCertification',
      service: 'tlc-certification',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: operations.topic.topicArn });

    // HIPAA Security (cdk-nag): what the design answers otherwise, each with its reason
    Validations.of(this).acknowledge(
      {
        id: 'HIPAA.Security-IAMNoInlinePolicy',
        reason:
          'Each function has its own policy, scoped by its bind* grants; shared managed policies would widen them',
      },
      {
        id: 'HIPAA.Security-CloudWatchLogGroupEncrypted',
        reason: 'Logs carry no personal data by design (ids, statuses, counts); CloudWatch encrypts them at rest',
      },
      {
        id: 'HIPAA.Security-LambdaInsideVPC',
        reason:
          'The functions reach only AWS services over TLS with IAM; there is no private network resource to reach',
      },
      {
        id: 'HIPAA.Security-LambdaDLQ',
        reason:
          'HTTP and workflow tasks are invoked synchronously (the caller or Step Functions retries); asynchronous paths retry (S3 and EventBridge delivery, stream bisection, the outbox sweep)',
      },
      {
        id: 'HIPAA.Security-LambdaConcurrency',
        reason:
          'Stage and route throttling cap the API; concurrency is reserved for what the law runs on its own (Evaluate, the certificate clock)',
      },
      {
        id: 'HIPAA.Security-S3BucketReplicationEnabled',
        reason:
          'Single-region deployment; evidence is versioned with lifecycle retention; cross-region replication is a per-stage choice',
      },
      {
        id: 'HIPAA.Security-SecretsManagerRotationEnabled',
        reason: 'The cursor key needs no rotation schedule: rotating it only invalidates cursors in flight',
      },
      {
        id: 'HIPAA.Security-SecretsManagerUsingKMSKey',
        reason: 'The cursor-signing key protects no personal data: the AWS managed key is enough',
      },
      {
        id: 'HIPAA.Security-S3DefaultEncryptionKMS',
        reason: 'S3 server access logging delivers only to a bucket with S3-managed encryption (the access-log bucket)',
      },
      {
        id: 'HIPAA.Security-S3BucketVersioningEnabled',
        reason: 'The access-log bucket keeps logs for 400 days and is written by S3 only',
      },
    );
  }
}
