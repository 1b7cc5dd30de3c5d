import { CfnElement, Duration, Validations, type Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { AnyPrincipal, Effect, PolicyStatement, Role, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { ENV } from '../../functions/config/env';
import { CertificationFunction } from '../constructs/certification-function';

type EvidenceStore = { bucket: Bucket; key: Key };

/**
 * The evidence checks: every object that lands is checked against its grant (object-created), then
 * scanned by GuardDuty Malware Protection for S3, its result recorded on the upload.
 */
export const evidenceChecks = (
  stack: Stack,
  ctx: {
    table: Table;
    ansMailbox: string;
    deadLetters: (name: string) => Queue;
    evidence: EvidenceStore;
    sensitive: EvidenceStore;
    workflow: { stateMachine: IStateMachine; aliasArn: string; name: string };
  },
) => {
  const { table, ansMailbox, deadLetters, evidence, sensitive, workflow } = ctx;
  // --- evidence verification -----------------------------------------------------------
  const evidenceBuckets = { evidence: evidence.bucket, sensitive: sensitive.bucket };
  const objectCreated = new CertificationFunction(stack, 'ObjectCreated', {
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
  Validations.of(stack).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: "CDK's bucket-notification custom resource writes its own logs only",
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: "CDK's bucket-notification custom resource must call PutBucketNotification (AWS design)",
    },
  );

  // --- sensitive evidence, closed in the infrastructure ------------------------------
  // Only the route that presigns evidence downloads (the use case lets only security reviewers
  // fetch penetration-test evidence) and the object-created check may read the sensitive bucket
  // or decrypt with its key; the bucket and key policies deny every other principal.
  // --- malware scanning (GuardDuty Malware Protection for S3) -------------------------
  // Every object under dossiers/ is scanned; the result reaches the upload through EventBridge,
  // and staff open a file only once it is NO_THREATS_FOUND (functions/domain/upload.ts).
  const malwareRole = new Role(stack, 'MalwareProtectionRole', {
    // the confused deputy: only GuardDuty acting for this account's own protection plans
    assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com', {
      conditions: {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: {
          'aws:SourceArn': `arn:${stack.partition}:guardduty:${stack.region}:${stack.account}:malware-protection-plan/*`,
        },
      },
    }),
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
        `arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`,
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
    new CfnMalwareProtectionPlan(stack, `MalwareProtection${name}`, {
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
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(b.bucket.node.defaultChild as CfnElement)}.Arn>/dossiers/*]`,
      reason: 'The scanner reads and tags uploaded objects under dossiers/ only',
    })),
    { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: 'Scoped to the evidence keys' },
  );
  objectCreated.fn.addEnvironment(ENV.malwareScanning, 'guardduty');
  const scanResult = new CertificationFunction(stack, 'ScanResult', {
    entry: 'functions/events/scan-result.ts',
    description: 'Records GuardDuty malware scan results on the uploads',
    deadLetterQueue: deadLetters('ScanResult'),
  }).bindTable(table, 'write');
  scanResult.fn.addEnvironment(ENV.evidenceBucket, evidence.bucket.bucketName);
  scanResult.fn.addEnvironment(ENV.sensitiveBucket, sensitive.bucket.bucketName);
  new Rule(stack, 'MalwareScanResults', {
    description: 'GuardDuty Malware Protection object scan results → uploads',
    eventPattern: { source: ['aws.guardduty'], detailType: ['GuardDuty Malware Protection Object Scan Result'] },
    targets: [new LambdaFunction(scanResult.fn, { retryAttempts: 8 })],
  });

  return { objectCreated, scanResult, malwareRole };
};

/**
 * Sensitive evidence, closed in the infrastructure: only the roles named (the route that presigns
 * evidence downloads, the object-created check, the scanner) may read the sensitive bucket or
 * decrypt with its key; the bucket and key policies deny every other principal.
 */
export const closeSensitiveEvidence = (sensitive: EvidenceStore, readers: IRole[], downloaders: IRole[]) => {
  const notAReader = { ArnNotEquals: { 'aws:PrincipalArn': readers.map((r) => r.roleArn) } };
  // a reviewer's link opens only what GuardDuty found clean (the object's own scan tag)
  sensitive.bucket.addToResourcePolicy(
    new PolicyStatement({
      sid: 'DownloadsOnlyScannedClean',
      effect: Effect.DENY,
      principals: [new AnyPrincipal()],
      actions: ['s3:GetObject', 's3:GetObjectVersion'],
      resources: [sensitive.bucket.arnForObjects('*')],
      conditions: {
        ArnEquals: { 'aws:PrincipalArn': downloaders.map((r) => r.roleArn) },
        StringNotEquals: { 's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'NO_THREATS_FOUND' },
      },
    }),
  );
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
};
