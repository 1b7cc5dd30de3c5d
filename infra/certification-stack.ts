import { CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  CfnUserPoolGroup,
  ClientAttributes,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { AnyPrincipal, Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
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
import { ConfigurationSet, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { ENV } from '../functions/config/env';
import { ROLES } from '../functions/domain/schemas';
import { ROUTES } from '../functions/http/routes';
import { dossierWorkflow, WORKFLOW_FUNCTIONS, type WorkflowFunctionKey } from '../workflows/dossier-workflow';
import { CertificationFunction } from './constructs/certification-function';

export interface CertificationStackProps extends StackProps {
  /** domain that mail is sent from (SES identity) */
  mailDomain?: string;
  /** origins allowed to PUT evidence from the browser */
  allowedOrigins?: string[];
  /** the instructors' shared mailbox (mail about candidates' answers and messages) */
  ansMailbox?: string;
}

/** The whole platform in one stack, environment-agnostic (no lookups), so `cdk synth` runs offline. */
export class CertificationStack extends Stack {
  constructor(scope: Construct, id: string, props: CertificationStackProps = {}) {
    super(scope, id, props);
    const mailDomain = props.mailDomain ?? 'certification.example.org';
    const allowedOrigins = props.allowedOrigins ?? ['https://portail.certification.example.org'];
    const ansMailbox = props.ansMailbox ?? `instruction@${mailDomain}`;

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
        encryption: BucketEncryption.KMS,
        encryptionKey: key,
        bucketKeyEnabled: true,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: `${name}/`,
        removalPolicy: RemovalPolicy.RETAIN,
        cors: [
          {
            allowedMethods: [HttpMethods.PUT],
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
    const portalClient = userPool.addClient('Portal', {
      authFlows: { userSrp: true },
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
      }).bindTable(table, 'write');
      workflowFunctions[key].fn.addEnvironment(ENV.ansMailbox, ansMailbox);
    }
    const workflowLogs = new LogGroup(this, 'WorkflowLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stateMachine = new StateMachine(this, 'DossierWorkflow', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(JSON.stringify(dossierWorkflow)),
      definitionSubstitutions: Object.fromEntries(
        Object.entries(workflowFunctions).map(([key, f]) => [key, f.fn.functionArn]),
      ),
      tracingEnabled: true,
      // execution data holds dossier ids and task tokens only, never personal data
      logs: { destination: workflowLogs, level: LogLevel.ALL, includeExecutionData: true },
    });
    for (const f of Object.values(workflowFunctions)) f.fn.grantInvoke(stateMachine);
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

    // --- evidence verification -----------------------------------------------------------
    const evidenceBuckets = { evidence: evidence.bucket, sensitive: sensitive.bucket };
    const objectCreated = new CertificationFunction(this, 'ObjectCreated', {
      entry: 'functions/events/object-created.ts',
      description: 'Checks each uploaded object against its upload grant (size, SHA-256, type)',
      timeout: Duration.minutes(5),
    })
      .bindTable(table, 'write')
      .bindEvidenceInspection(evidenceBuckets)
      .bindStateMachine(stateMachine);
    objectCreated.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
    // tacit acceptance issues the certificate (and its PDF) from the workflow
    workflowFunctions.EvaluateFunctionArn.bindDocumentWrite(evidenceBuckets);
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
    api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(apiLogs) },
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
    for (const route of ROUTES) {
      // routes that share a handler share a function only when they need the same grants
      const functionKey = `${route.handler}:${JSON.stringify(route.access)}`;
      const existing = httpFunctions.get(functionKey);
      if (existing) {
        api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration: new HttpLambdaIntegration(`${route.handler}-${route.method}-${route.path}`, existing.fn),
          ...(route.auth ? { authorizer } : {}),
        });
        continue;
      }
      const sameHandler = [...httpFunctions.keys()].filter((k) => k.startsWith(`${route.handler}:`)).length;
      const f = new CertificationFunction(this, `Http-${route.handler}${sameHandler ? `-${sameHandler + 1}` : ''}`, {
        entry: `functions/http/handlers/${route.handler}.ts`,
        description: `${route.method} ${route.path}`,
      });
      if (route.access.table) f.bindTable(table, route.access.table);
      if (route.access.workflow) f.bindStateMachine(stateMachine);
      if (route.access.evidence === 'put') f.bindEvidenceUpload(evidenceBuckets);
      if (route.access.evidence === 'get') f.bindEvidenceDownload(evidenceBuckets);
      if (route.access.evidence === 'read-documents') f.bindDocumentRead(evidenceBuckets);
      // legal effects first: tacit acceptance writes the certificate's PDF and schedules its clock
      if (route.access.evidence === 'documents' || route.access.legalEffects) f.bindDocumentWrite(evidenceBuckets);
      if (route.access.evidence === 'delete') f.bindEvidenceDelete(evidenceBuckets);
      if (route.access.schedules || route.access.legalEffects) f.bindLongClocks(longClocks);
      f.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
      f.fn.addEnvironment('CURSOR_SIGNING_KEY', cursorKey.secretValue.unsafeUnwrap());
      httpFunctions.set(functionKey, f);
      api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${f.node.id}-integration`, f.fn),
        ...(route.auth ? { authorizer } : {}),
      });
    }
    // --- sensitive evidence, closed in the infrastructure ------------------------------
    // Only the route that presigns evidence downloads (the use case lets only security reviewers
    // fetch penetration-test evidence) and the object-created check may read the sensitive bucket
    // or decrypt with its key; the bucket and key policies deny every other principal.
    const sensitiveReaders = [...httpFunctions.entries()]
      .filter(([key]) => key.startsWith('download-upload:'))
      .map(([, f]) => f.fn.role!)
      .concat(objectCreated.fn.role!);
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

    Validations.of(api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Public routes (/health, /v1/openapi.json, /v1/public/*) are public by contract; every other route has the Cognito JWT authoriser',
    });

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'EvidenceBucketName', { value: evidence.bucket.bucketName });
    new CfnOutput(this, 'SensitiveEvidenceBucketName', { value: sensitive.bucket.bucketName });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
