import { flatTemplate } from './flat-template';
import { createRequire } from 'node:module';
import { App, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificationStack } from '../../infra/certification-stack';
import { prepareForLocal } from '../../infra/local/asl-prepass';
import { dossierWorkflow, SUCCESSOR_ARN, WORKFLOW_FUNCTIONS } from '../../workflows/dossier-workflow';

const validateAsl = createRequire(import.meta.url)('asl-validator') as (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errors: unknown[] };

/** Synthesises without bundling (the bundles are measured by the benchmark, and `npx cdk synth` builds them). */
const synth = (withNag: boolean, extend?: (stack: Stack) => void) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new CertificationStack(app, 'TlcCertificationTest');
  extend?.(stack);
  if (withNag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
  return { app, stack };
};

let template: Template;

beforeAll(() => {
  const { stack } = synth(false);
  template = flatTemplate(stack);
});

describe('cdk-nag (AwsSolutions and HIPAA Security)', () => {
  it('synthesises with no unacknowledged finding', () => {
    const { app } = synth(true);
    expect(() => app.synth()).not.toThrow();
  });

  it('would catch an insecure resource (the check is live)', () => {
    const { app } = synth(true, (stack) => new Bucket(stack, 'Careless'));
    expect(() => app.synth()).toThrow(/AwsSolutions-S1|Validation failed/);
  });

  it('runs the HIPAA Security pack too (a table outside any backup plan is caught)', async () => {
    const { Table, AttributeType } = await import('aws-cdk-lib/aws-dynamodb');
    const { app } = synth(
      true,
      (stack) => new Table(stack, 'Unbacked', { partitionKey: { name: 'pk', type: AttributeType.STRING } }),
    );
    expect(() => app.synth()).toThrow(/HIPAA\.Security-DynamoDBInBackupPlan/);
  });
});

describe('storage', () => {
  it('has one table with PITR, deletion protection, a customer-managed key and a stream for the outbox', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: Match.objectLike({ SSEEnabled: true, SSEType: 'KMS' }),
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
  });

  it('keeps evidence in two private, versioned, KMS-encrypted, TLS-only buckets with their own keys', () => {
    const buckets = template.findResources('AWS::S3::Bucket', { Properties: { CorsConfiguration: Match.anyValue() } });
    expect(Object.keys(buckets)).toHaveLength(2);
    const keys = new Set<string>();
    for (const bucket of Object.values(buckets)) {
      const p = bucket.Properties;
      expect(p.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      const rule = p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
      expect(rule.SSEAlgorithm).toBe('aws:kms');
      keys.add(JSON.stringify(rule.KMSMasterKeyID));
      // PUT for presigned uploads, GET for the portal's in-page preview; never from any origin but the portal's
      expect(p.CorsConfiguration.CorsRules[0].AllowedMethods).toEqual(['PUT', 'GET']);
    }
    expect(keys.size).toBe(2);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('functions and API', () => {
  it('runs every function on Node.js 22, arm64, with tracing', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    const ours = Object.values(functions).filter((fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME);
    expect(ours.length).toBeGreaterThan(15);
    for (const fn of Object.values(functions)) {
      // CDK's own custom resources (bucket notifications) are not ours to configure
      if (!fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME) continue;
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
    }
  });

  it('protects API routes with the token authoriser (portal and API clients), except the public ones', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.Authorization'],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'tlc-api',
      Scopes: [{ ScopeName: 'candidate', ScopeDescription: 'Act as a candidate of the company' }],
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    const open = routes.filter((r) => r.Properties.AuthorizationType !== 'CUSTOM').map((r) => r.Properties.RouteKey);
    expect(open.sort()).toEqual([
      'GET /health',
      'GET /v1/openapi.json',
      'GET /v1/public/candidatures',
      'GET /v1/public/certificates',
      'GET /v1/public/certificates/{number}',
      'GET /v1/public/documents/{sha256}',
      'GET /v1/public/privacy',
      'GET /v1/public/trust',
    ]);
  });

  it('has the five role groups and the ensId attribute', () => {
    for (const group of ['candidate', 'instructor', 'security_reviewer', 'college', 'admin']) {
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'ensId', AttributeDataType: 'String' })]),
    });
  });

  it('lets only the upload function presign PUTs, and only under dossiers/ (the proof worker: anchors/ too)', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const puts = statements.filter((s) => [s.Action].flat().includes('s3:PutObject'));
    expect(puts.length).toBeGreaterThan(0);
    for (const statement of puts) expect(JSON.stringify(statement.Resource)).toMatch(/\/dossiers\/\*|\/anchors\/\*/);
  });

  it('sends object-created notifications of both evidence buckets to the verification function', () => {
    template.resourceCountIs('Custom::S3BucketNotifications', 2);
  });

  it('grants SES sending on its own identity and configuration set only', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const ses = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));
    expect(ses.length).toBeGreaterThan(0);
    for (const statement of ses) {
      expect(statement.Action).toBe('ses:SendEmail');
      expect(JSON.stringify(statement.Resource)).not.toContain('"*"');
    }
  });
});

describe('workflow', () => {
  it('deploys exactly the ASL object of workflows/, with a logged and traced Standard state machine', () => {
    const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(1);
    const props = machines[0]!.Properties;
    expect(props.StateMachineType).toBe('STANDARD');
    expect(props.TracingConfiguration).toEqual({ Enabled: true });
    expect(props.LoggingConfiguration).toMatchObject({ Level: 'ERROR', IncludeExecutionData: false }); // no task tokens in logs
    expect(JSON.parse(props.DefinitionString)).toEqual(dossierWorkflow);
    expect(Object.keys(props.DefinitionSubstitutions).sort()).toEqual(
      [...Object.keys(WORKFLOW_FUNCTIONS), SUCCESSOR_ARN].sort(),
    );
  });

  it('publishes a version per definition, kept after the next deploy, behind the alias new executions start on', () => {
    const versions = template.findResources('AWS::StepFunctions::StateMachineVersion');
    expect(Object.values(versions)).toHaveLength(1);
    expect(Object.values(versions)[0]!.DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::StepFunctions::StateMachineAlias', {
      Name: 'live',
      RoutingConfiguration: [
        { StateMachineVersionArn: { 'Fn::GetAtt': [Object.keys(versions)[0], 'Arn'] }, Weight: 100 },
      ],
    });
    // the API and the reconciler start executions on the alias, never on the bare state machine
    const starters = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).filter((st) =>
        [st.Action].flat().includes('states:StartExecution'),
      ),
    );
    expect(starters.length).toBeGreaterThan(2);
    for (const st of starters) expect(JSON.stringify(st.Resource)).toContain('-dossier:live');
  });
});

describe('operations', () => {
  const alarmNames = () =>
    Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => String(a.Properties.AlarmName));

  it('alarms on failed, timed-out and aborted executions, reconciler repairs, API 5xx and latency, Lambda errors and throttles, SES reputation', () => {
    const names = alarmNames().map((n) => JSON.stringify(n));
    for (const expected of [
      'WorkflowExecutionsFailed',
      'WorkflowExecutionsTimedOut',
      'WorkflowExecutionsAborted',
      'ReconcilerRepaired',
      'Api5xx',
      'ApiLatencyP99',
      'LambdaErrors',
      'LambdaThrottles',
      'Errors-Task-evaluate',
      'Throttles-Reconciler',
      'SesBounceRate',
      'SesComplaintRate',
    ])
      expect(
        names.some((n) => n.includes(expected)),
        expected,
      ).toBe(true);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ReconcilerRepairs',
      Namespace: 'TlcCertification',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('sends every alarm to the stage’s alarm topic, named from the configuration', () => {
    const topics = template.findResources('AWS::SNS::Topic', { Properties: { TopicName: Match.anyValue() } });
    expect(Object.values(topics).map((t) => t.Properties.TopicName)).toEqual(['TlcCertificationTest-alarms']);
    const topicId = Object.keys(topics)[0]!;
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm')))
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('gives every asynchronously invoked function an encrypted dead-letter queue, alarmed', () => {
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThanOrEqual(8);
    for (const fn of [
      'ObjectCreated',
      'ScanResult',
      'CertificateClock',
      'Reconciler',
      'OutboxSweeper',
      'MailFeedbackHandler',
    ]) {
      const [resource] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
        id.startsWith(fn),
      );
      expect(resource, fn).toBeDefined();
      expect(resource![1].Properties.DeadLetterConfig, fn).toBeDefined();
    }
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    for (const q of Object.values(template.findResources('AWS::SQS::Queue')))
      expect(q.Properties.KmsMasterKeyId).toBeDefined();
    expect(alarmNames().filter((n) => JSON.stringify(n).includes('DeadLetters')).length).toBe(queues.length);
  });

  it('routes SES bounces and complaints to the mail-feedback function through SNS', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        SnsDestination: Match.anyValue(),
      }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', RedrivePolicy: Match.anyValue() });
  });

  it('runs the reconciler every 15 minutes and has a dashboard', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(15 minutes)' });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('passes asl-validator', () => {
    const substituted = JSON.parse(
      JSON.stringify(dossierWorkflow).replace(/\$\{(\w+)\}/g, 'arn:aws:lambda:eu-west-3:123456789012:function:$1'),
    );
    const result = validateAsl(substituted);
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('runs locally the same states and transitions as deployed', () => {
    const local = prepareForLocal(dossierWorkflow).definition;
    const shape = (d: typeof local) =>
      Object.fromEntries(
        Object.entries(d.States).map(([name, s]) => [
          name,
          {
            Next: s.Next,
            End: s.End,
            Default: s.Default,
            Choices: s.Choices,
            Catch: s.Catch,
            Retry: s.Retry,
            OutputPath: s.OutputPath,
            ResultPath: s.ResultPath,
          },
        ]),
      );
    expect(local.StartAt).toBe(dossierWorkflow.StartAt);
    expect(shape(local)).toEqual(shape(dossierWorkflow as unknown as typeof local));
  });
});

describe('room to grow (CloudFormation allows 500 resources a template)', () => {
  const CEILING = 300;
  const { stack } = synth(false);
  const templates = [stack, ...stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)].map(
    (s) => ({
      name: s.node.id,
      resources: Template.fromStack(s).toJSON().Resources as Record<string, { Type: string }>,
    }),
  );
  const count = (resources: Record<string, { Type: string }>, type: string) =>
    Object.values(resources).filter((r) => r.Type === type).length;

  it(`keeps every template at most ${CEILING} resources`, () => {
    for (const t of templates) expect(Object.keys(t.resources).length, t.name).toBeLessThanOrEqual(CEILING);
    expect(templates.map((t) => t.name).sort()).toEqual(
      ['CertificatesRoutes', 'DossiersRoutes', 'PlatformRoutes', 'TlcCertificationTest'].sort(),
    );
  });

  it('puts a route in its area: 3 resources there (route, integration, permission), 4 more for a function of its own, none in the platform', () => {
    const platform = templates.find((t) => t.name === 'TlcCertificationTest')!;
    // the routes kept in the platform's stack: the reviewers' download (the sensitive key's policy
    // names its role) and the general download, which once did and never moves
    expect(count(platform.resources, 'AWS::ApiGatewayV2::Route')).toBe(2);
    for (const area of templates.filter((t) => t !== platform)) {
      const routes = count(area.resources, 'AWS::ApiGatewayV2::Route');
      const functions = count(area.resources, 'AWS::Lambda::Function');
      expect(count(area.resources, 'AWS::ApiGatewayV2::Integration'), area.name).toBe(routes);
      expect(count(area.resources, 'AWS::Lambda::Permission'), area.name).toBe(routes);
      for (const type of ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::Logs::LogGroup'])
        expect(count(area.resources, type), `${area.name} ${type}`).toBe(functions);
      expect(Object.keys(area.resources).length, area.name).toBe(3 * routes + 4 * functions);
      // what is left: new routes of 7 resources each
      console.info(
        `${area.name}: ${Object.keys(area.resources).length} resources, room for ${Math.floor((CEILING - Object.keys(area.resources).length) / 7)} routes with their own function`,
      );
    }
  });
});
