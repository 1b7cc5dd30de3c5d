import { Duration, RemovalPolicy, Validations, type Stack } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { BackupPlan, BackupResource } from 'aws-cdk-lib/aws-backup';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';

/**
 * Evidence is the legal proof of a certificate for its whole life and its appeals: every version is
 * locked (S3 Object Lock, governance mode — a privileged, audited role may still lift it for a
 * lawful erasure) for six years, the five-year convention and a year of appeals and audit.
 */
export const EVIDENCE_LOCK_DAYS = 6 * 365;

/**
 * Storage: the one table (customer-managed key, PITR, AWS Backup for five years, its stream feeding
 * the outbox and the documents) and the two evidence buckets (one for penetration tests), each
 * with its key, versioned and logged, with CORS for presigned uploads and previews. Built in the
 * stack's own scope, as every part of the platform: no logical id moves (ADR 0007).
 */
export const storage = (stack: Stack, allowedOrigins: string[]) => {
  // --- storage -------------------------------------------------------------------------
  const tableKey = new Key(stack, 'TableKey', { enableKeyRotation: true, description: 'Certification table' });
  const table = new Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: AttributeType.STRING },
    sortKey: { name: 'sk', type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    encryption: TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: tableKey,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    stream: StreamViewType.NEW_IMAGE,
    // items that expire by themselves (an API client's rate window): epoch seconds in `ttl`
    timeToLiveAttribute: 'ttl',
  });
  for (const index of ['gsi1', 'gsi2']) {
    table.addGlobalSecondaryIndex({
      indexName: index,
      partitionKey: { name: `${index}pk`, type: AttributeType.STRING },
      sortKey: { name: `${index}sk`, type: AttributeType.STRING },
    });
  }

  // AWS Backup on top of PITR: daily, weekly and monthly recovery points kept five years
  const backups = BackupPlan.dailyWeeklyMonthly5YearRetention(stack, 'TableBackups');
  backups.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(table)] });
  Validations.of(backups).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
    reason: 'The AWS Backup service role uses the managed policy AWS maintains for that service',
  });

  const accessLogs = new Bucket(stack, 'AccessLogs', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: BucketEncryption.S3_MANAGED,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ expiration: Duration.days(400) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(accessLogs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself' });

  const evidenceBucket = (name: string, description: string) => {
    const key = new Key(stack, `${name}Key`, { enableKeyRotation: true, description });
    const bucket = new Bucket(stack, name, {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.governance(Duration.days(EVIDENCE_LOCK_DAYS)),
      // a withdrawn or rejected file leaves a noncurrent version: it expires once its lock ends, no
      // function erases it
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
          allowedHeaders: [
            'content-type',
            'content-length',
            'x-amz-checksum-sha256',
            'x-amz-sdk-checksum-algorithm',
            'if-none-match',
          ],
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

  // AWS Backup for both evidence buckets as well (S3 backups need the S3 service policies, and the
  // role must read and decrypt: the sensitive bucket names it among its readers)
  const evidenceBackupRole = new Role(stack, 'EvidenceBackupRole', {
    assumedBy: new ServicePrincipal('backup.amazonaws.com'),
    managedPolicies: [
      ManagedPolicy.fromAwsManagedPolicyName('AWSBackupServiceRolePolicyForS3Backup'),
      ManagedPolicy.fromAwsManagedPolicyName('AWSBackupServiceRolePolicyForS3Restore'),
    ],
  });
  for (const { key } of [evidence, sensitive])
    key.grant(evidenceBackupRole, 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey');
  backups.addSelection('Evidence', {
    resources: [BackupResource.fromArn(evidence.bucket.bucketArn), BackupResource.fromArn(sensitive.bucket.bucketArn)],
    role: evidenceBackupRole,
  });
  for (const policy of [
    'AWSBackupServiceRolePolicyForS3Backup',
    'AWSBackupServiceRolePolicyForS3Restore',
    'service-role/AWSBackupServiceRolePolicyForBackup',
  ])
    Validations.of(evidenceBackupRole).acknowledge({
      id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
      reason: 'AWS Backup for S3 needs the managed policies AWS maintains for S3 backup and restore',
    });

  return {
    table,
    evidence,
    sensitive,
    evidenceBackupRole,
    evidenceBuckets: { evidence: evidence.bucket, sensitive: sensitive.bucket },
  };
};
