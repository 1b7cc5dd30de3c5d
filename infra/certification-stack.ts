import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { CertificationFunction } from './constructs/certification-function';
import { Operations } from './constructs/operations';
import { storage } from './platform/storage';
import { identity } from './platform/identity';
import { mail } from './platform/mail';
import { workflow } from './platform/workflow';
import { legalClocks } from './platform/legal-clocks';
import { retention } from './platform/retention';
import { closeSensitiveEvidence, evidenceChecks } from './platform/evidence-checks';
import { workQueues } from './platform/work-queues';
import { httpApi } from './platform/http-api';
import { trust, type TrustSettings } from './platform/trust';

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
  /** the timestamp authority and the public certificates (cdk.json `stages.<stage>.trust`) */
  trust?: TrustSettings;
}

export { RESERVED, THROTTLE } from './platform/limits';

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
  /** the secret CloudFront puts in the x-origin-verify header of what it forwards to the API */
  originSecretArn: string;
}

/**
 * The whole platform, environment-agnostic (no lookups), so `cdk synth` runs offline: its parts in
 * infra/platform/ (storage, identity, mail, workflow, legal clocks, evidence checks, work queues,
 * HTTP API), each built in this stack's scope so that no logical id moves; the HTTP routes' own
 * resources in nested stacks by area. Outputs, operations (alarms, dashboards) and the HIPAA
 * answers here.
 */
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

    const { table, evidence, sensitive, evidenceBuckets, evidenceBackupRole } = storage(this, allowedOrigins);
    const { userPool, signInDomain, portalClient } = identity(this, allowedOrigins, props.stage);
    const { configurationSet, mailFeedback } = mail(this, {
      mailDomain,
      ansMailbox,
      operationsKey,
      table,
      deadLetters,
    });
    const { workflowFunctions, stateMachine, workflow: dossierWorkflow, alias } = workflow(this, { table, ansMailbox });
    const { certificateClock, reconciler, longClocks } = legalClocks(this, {
      table,
      ansMailbox,
      deadLetters,
      evaluate: workflowFunctions.EvaluateFunctionArn,
      workflow: dossierWorkflow,
    });
    const { objectCreated, scanResult, malwareRole } = evidenceChecks(this, {
      table,
      ansMailbox,
      deadLetters,
      evidence,
      sensitive,
      workflow: dossierWorkflow,
    });
    // the reconciler settles, from the object's tag, a scan whose result event never came
    reconciler.bindScanTagRead(evidenceBuckets);
    const { purger } = retention(this, {
      table,
      ansMailbox,
      deadLetters,
      buckets: { evidence: evidence.bucket, sensitive: sensitive.bucket },
    });
    const proof = trust(this, props.trust);
    // the outbox, documents, proof and webhooks' workers: all act on their own, all are critical
    const queueWorkers = workQueues(this, {
      table,
      mailDomain,
      configurationSet,
      userPool,
      deadLetters,
      evidenceBuckets,
      proof,
    });
    const { api, httpFunctions, originSecret } = httpApi(this, {
      table,
      ansMailbox,
      allowedOrigins,
      userPool,
      portalClient,
      workflow: dossierWorkflow,
      evidenceBuckets,
      longClocks,
      trustParameter: proof.trustParameter,
    });
    // only the security reviewers' download route, the object-created check and the scanner read
    // penetration-test evidence; the route, only files the scanner found clean
    const sensitiveDownloads = [...httpFunctions.entries()]
      .filter(([key]) => key.startsWith('download-sensitive-evidence:'))
      .map(([, f]) => f.fn.role!);
    closeSensitiveEvidence(
      sensitive,
      [...sensitiveDownloads, objectCreated.fn.role!, malwareRole, evidenceBackupRole],
      sensitiveDownloads,
    );

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    this.portal = {
      apiEndpoint: api.apiEndpoint,
      issuer: userPool.userPoolProviderUrl,
      clientId: portalClient.userPoolClientId,
      signInDomain: signInDomain.baseUrl(),
      storageOrigins: [evidence, sensitive].map((b) => `https://${b.bucket.bucketRegionalDomainName}`),
      originSecretArn: originSecret.secretArn,
    };
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    // where the companies' API clients get their tokens (client-credentials grant)
    new CfnOutput(this, 'TokenEndpoint', { value: `${signInDomain.baseUrl()}/oauth2/token` });
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
        purger,
        objectCreated,
        scanResult,
        mailFeedback,
        ...Object.values(queueWorkers),
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
