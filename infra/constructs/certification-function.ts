import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { ANCHOR_KEY_PATTERN } from '../../functions/domain/journal-anchor';
import type { IStringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnElement, Duration, Names, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import path from 'node:path';
import { ENV } from '../../functions/config/env';
import { DOCUMENT_KEY_PATTERNS } from '../../functions/domain/document-job';
import {
  API_CLIENT_RATE_PREFIX,
  JOURNAL_REQUEST_PREFIX,
  PERSONAL_DATA_LOG_PREFIX,
} from '../../functions/adapters/dynamo/client';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** data every bundle carries beside its code (see the bundling's commandHooks) */
const PROBLEM_TEXTS = 'functions/http/problem-texts.json';
/** packages a deployed bundle replaces with a module of ours (each says why) */
export const BUNDLE_ALIASES: Record<string, string> = {
  '@pdf-lib/upng': path.join(ROOT, 'functions/documents/no-png.ts'),
};

export interface CertificationFunctionProps {
  /** path of the handler module, from the repository root */
  entry: string;
  handler?: string;
  description: string;
  memorySize?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  /** a fixed name, where the function's ARN must be known without referencing it (no cycle) */
  functionName?: string;
  /** concurrency kept for this function alone: a flood elsewhere never starves it */
  reservedConcurrentExecutions?: number;
  /** invoked asynchronously (S3, EventBridge, Scheduler, SNS): events that fail every retry land here */
  deadLetterQueue?: IQueue;
}

/**
 * One Lambda function with the shared defaults: Node.js 22 on arm64, minified ESM bundle,
 * X-Ray tracing, structured logs kept a year, and `bind*` helpers that set the environment
 * variable and grant exactly the access that goes with it.
 */
export class CertificationFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: CertificationFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(ROOT, props.entry),
      handler: props.handler ?? 'handler',
      ...(props.functionName ? { functionName: props.functionName } : {}),
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      ...(props.reservedConcurrentExecutions
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
      tracing: Tracing.ACTIVE,
      logGroup,
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue, retryAttempts: 2 } : {}),
      projectRoot: ROOT,
      depsLockFilePath: path.join(ROOT, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'tlc-certification',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POWERTOOLS_METRICS_NAMESPACE: 'TlcCertification',
        ...props.environment,
      },
      bundling: {
        minify: true,
        // stacks are mapped to the sources when written (functions/stack-traces.ts), not by
        // --enable-source-maps at every cold start; the mappings suffice, not the sources' text
        sourceMap: true,
        sourcesContent: false,
        target: 'node22',
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        // some dependencies still call require(): give ESM bundles one
        banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
        externalModules: ['@aws-sdk/*'],
        esbuildArgs: Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([pkg, file]) => [`--alias:${pkg}`, file])),
        // the problem texts are data read at the first refusal (functions/http/problem-texts.ts):
        // beside index.mjs, where the bundle's import.meta.url finds them
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `cp "${path.join(inputDir, PROBLEM_TEXTS)}" "${outputDir}"`,
          ],
        },
      },
    });
    Validations.of(this.fn).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "AWSLambdaBasicExecutionRole only allows writing this function's own logs",
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords accept no resource but *',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime this project targets and tests (README); upgraded deliberately, not by the latest tag',
      },
    );
  }

  /**
   * The table: `read`, `write`, or `journal` — a read that writes only its journal request (a
   * download): PutItem on the `JOURNALREQ#` partitions and nothing else (IAM's LeadingKeys).
   */
  bindTable(table: ITable, mode: 'read' | 'write' | 'journal'): this {
    this.fn.addEnvironment(ENV.table, table.tableName);
    if (mode === 'write') table.grantReadWriteData(this.fn);
    else table.grantReadData(this.fn);
    if (mode === 'journal') {
      this.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:PutItem'],
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${JOURNAL_REQUEST_PREFIX}*`] } },
        }),
      );
      table.encryptionKey?.grant(this.fn, 'kms:Encrypt', 'kms:GenerateDataKey*');
    }
    Validations.of(this.fn).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::<${this.arnOf(table.node.defaultChild as CfnElement)}>/index/*]`,
        reason: "Queries on the table's own secondary indexes",
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason: "Encrypting items with the table's own KMS key (scoped to that key)",
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        reason: "Re-encryption with the table's own KMS key (scoped to that key)",
      },
    );
    return this;
  }

  /**
   * Counts an API client's requests (functions/domain/api-clients.ts): UpdateItem on the rate
   * windows' partitions only — a read route's one write besides its journal requests.
   */
  bindApiClientRate(table: ITable): this {
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${API_CLIENT_RATE_PREFIX}*`] } },
      }),
    );
    table.encryptionKey?.grant(this.fn, 'kms:Encrypt', 'kms:GenerateDataKey*');
    return this;
  }

  /** Records a person's request for their own data: PutItem on `PERSONLOG#*` only. */
  bindPersonalDataLog(table: ITable): this {
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${PERSONAL_DATA_LOG_PREFIX}*`] } },
      }),
    );
    table.encryptionKey?.grant(this.fn, 'kms:Encrypt', 'kms:GenerateDataKey*');
    return this;
  }

  /**
   * Presigns uploads into the evidence buckets: PutObject only, on the dossiers/ prefix — and a
   * file sent in parts, in the ordinary evidence bucket only (sensitive evidence is never sent in
   * parts: its key lets only the security reviewers' functions decrypt).
   */
  bindEvidenceUpload(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    for (const bucket of Object.values(buckets)) {
      this.fn.addToRolePolicy(
        new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('dossiers/*')] }),
      );
      bucket.encryptionKey?.grant(this.fn, 'kms:GenerateDataKey', 'kms:Encrypt');
    }
    this.decryptPartsThroughS3(buckets.evidence);
    this.acknowledgeBucketWildcards(Object.values(buckets));
    return this;
  }

  /** Resumes and assembles a file sent in parts: the ordinary evidence bucket, its parts listed. */
  bindMultipartUpload(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:ListMultipartUploadParts'],
        resources: [buckets.evidence.arnForObjects('dossiers/*')],
      }),
    );
    buckets.evidence.encryptionKey?.grant(this.fn, 'kms:GenerateDataKey', 'kms:Encrypt');
    this.decryptPartsThroughS3(buckets.evidence);
    this.acknowledgeBucketWildcards([buckets.evidence]);
    return this;
  }

  /**
   * S3 wants kms:Decrypt from whoever sends or assembles the parts of an SSE-KMS object: through
   * S3 only, and with no s3:GetObject the role still can never read back what it wrote.
   */
  private decryptPartsThroughS3(bucket: IBucket) {
    if (!bucket.encryptionKey) return;
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [bucket.encryptionKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
  }

  /** Writes the documents the platform generates (convention, certificate): the ordinary evidence bucket only. */
  bindDocumentWrite(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    // documents only: the renderer can never overwrite a company's evidence
    for (const pattern of DOCUMENT_KEY_PATTERNS) buckets.evidence.grantPut(this.fn, pattern);
    this.acknowledgeBucketWildcards([buckets.evidence]);
    return this;
  }

  /** Keeps the journals' daily anchors (the proof worker): `anchors/` of the ordinary evidence bucket only. */
  bindAnchorWrite(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    buckets.evidence.grantPut(this.fn, ANCHOR_KEY_PATTERN);
    this.acknowledgeBucketWildcards([buckets.evidence]);
    return this;
  }

  /** Signs download links of generated documents: read on the ordinary evidence bucket only. */
  bindDocumentRead(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    // documents only: a convention or certificate link can never be signed for evidence
    for (const pattern of DOCUMENT_KEY_PATTERNS) buckets.evidence.grantRead(this.fn, pattern);
    this.acknowledgeBucketWildcards([buckets.evidence]);
    return this;
  }

  /** Inspects and removes uploaded objects (object-created verification): the current version only. */
  bindEvidenceInspection(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    for (const bucket of Object.values(buckets)) {
      bucket.grantRead(this.fn, 'dossiers/*');
      this.grantDeleteCurrent(bucket);
    }
    this.acknowledgeBucketWildcards(Object.values(buckets));
    return this;
  }

  /**
   * Signs short download links of uploaded evidence: the only route that may read the sensitive
   * bucket (the use case lets only security reviewers fetch penetration-test evidence).
   */
  bindEvidenceDownload(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    // ordinary evidence only: sensitive evidence has its own route and function
    buckets.evidence.grantRead(this.fn, 'dossiers/*');
    this.acknowledgeBucketWildcards([buckets.evidence]);
    return this;
  }

  /**
   * Sensitive evidence (penetration tests): the security reviewers' download function alone; the
   * sensitive bucket's policy names its role as the only reader besides the checks and the scanner.
   */
  bindSensitiveDownload(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    buckets.sensitive.grantRead(this.fn, 'dossiers/*');
    this.acknowledgeBucketWildcards([buckets.sensitive]);
    return this;
  }

  /**
   * Reads the malware scanner's tag on evidence objects (s3:GetObjectTagging only, never the bytes):
   * the reconciler settles a scan whose result event never came.
   */
  bindScanTagRead(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    this.fn.addEnvironment(ENV.malwareScanning, 'guardduty');
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObjectTagging', 's3:GetObjectVersionTagging'],
        resources: Object.values(buckets).map((b) => b.arnForObjects('dossiers/*')),
      }),
    );
    this.acknowledgeBucketWildcards(Object.values(buckets));
    return this;
  }

  /** Removes a withdrawn file (its current version: older versions expire by lifecycle, never by a function). */
  bindEvidenceDelete(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    for (const bucket of Object.values(buckets)) this.grantDeleteCurrent(bucket);
    this.acknowledgeBucketWildcards(Object.values(buckets));
    return this;
  }

  /**
   * Erases a dossier's files at the end of its retention (the purge function alone): lists and
   * deletes every version under `dossiers/`, bypassing the governance-mode Object Lock — which
   * every other principal meets (the buckets' policies deny them both actions).
   */
  bindErasure(buckets: { evidence: IBucket; sensitive: IBucket }): this {
    this.bucketNames(buckets);
    for (const bucket of Object.values(buckets)) {
      this.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket', 's3:ListBucketVersions'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': ['dossiers/*'] } },
        }),
      );
      this.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:BypassGovernanceRetention'],
          resources: [bucket.arnForObjects('dossiers/*')],
        }),
      );
    }
    this.acknowledgeBucketWildcards(Object.values(buckets));
    return this;
  }

  private bucketNames(buckets: { evidence: IBucket; sensitive: IBucket }) {
    // names are not secrets; access is what the grants give
    this.fn.addEnvironment(ENV.evidenceBucket, buckets.evidence.bucketName);
    this.fn.addEnvironment(ENV.sensitiveBucket, buckets.sensitive.bucketName);
  }

  /** s3:DeleteObject only: never s3:DeleteObjectVersion, so no function can erase a version. */
  private grantDeleteCurrent(bucket: IBucket) {
    this.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [bucket.arnForObjects('dossiers/*')] }),
    );
  }

  /**
   * How cdk-nag names another resource's ARN in this function's policy: `Logical.Arn` in the same
   * stack, the parameter CDK passes it through (`referenceto<Stack><Logical>Arn`) in a nested one.
   */
  private arnOf(resource: CfnElement) {
    const owner = Stack.of(resource);
    const logicalId = owner.getLogicalId(resource);
    if (owner === Stack.of(this)) return `${logicalId}.Arn`;
    return `referenceto${Names.nodeUniqueId(resource.node)}Arn`; // CDK's name for a nested stack's parameter
  }

  private acknowledgeBucketWildcards(buckets: IBucket[]) {
    Validations.of(this.fn).acknowledge(
      ...buckets.map((b) => ({
        id: `AwsSolutions-IAM5[Resource::<${this.arnOf(b.node.defaultChild as CfnElement)}>/dossiers/*]`,
        reason: 'Objects are only ever under dossiers/{id}/…: the grant is limited to that prefix',
      })),
      ...buckets.flatMap((b) =>
        DOCUMENT_KEY_PATTERNS.map((pattern) => ({
          id: `AwsSolutions-IAM5[Resource::<${this.arnOf(b.node.defaultChild as CfnElement)}>/${pattern}]`,
          reason: 'Generated documents only: dossiers/{id}/convention/…, …/certificate/… and …/notified/…',
        })),
      ),
      ...buckets.map((b) => ({
        id: `AwsSolutions-IAM5[Resource::<${this.arnOf(b.node.defaultChild as CfnElement)}>/${ANCHOR_KEY_PATTERN}]`,
        reason: 'The daily journal anchors only: anchors/{day}-{digest}.txt',
      })),
      { id: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: 'Part of the PutObject grant on the dossiers/ prefix' },
      {
        id: 'AwsSolutions-IAM5[Action::s3:GetObject*]',
        reason: 'Reading uploaded objects (and their checksums) on the dossiers/ prefix',
      },
      { id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason: 'Part of the read grant on the evidence bucket' },
      { id: 'AwsSolutions-IAM5[Action::s3:List*]', reason: 'Part of the read grant on the evidence bucket' },
      {
        id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        reason: 'Removing a rejected upload on the dossiers/ prefix',
      },
      { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: "Encrypting with the bucket's own KMS key" },
      { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason: "Re-encryption with the bucket's own KMS key" },
    );
  }

  /**
   * Reads the pagination cursors' HMAC key at run time: the function is told the secret's ARN,
   * never its value (a value in the configuration is readable by anyone who may read functions).
   */
  /** The front's secret header (CloudFront → API): read at run time, the ARN in the configuration. */
  bindOriginSecret(secret: ISecret): this {
    this.fn.addEnvironment(ENV.originVerifySecret, secret.secretArn);
    secret.grantRead(this.fn);
    return this;
  }

  /** Creates and deletes the companies' API clients: app clients of the user pool, nothing else on it. */
  bindApiClientManagement(userPool: IUserPool): this {
    this.fn.addEnvironment(ENV.userPoolId, userPool.userPoolId);
    userPool.grant(this.fn, 'cognito-idp:CreateUserPoolClient', 'cognito-idp:DeleteUserPoolClient');
    return this;
  }

  /** Reads the public trust material (GET /v1/public/trust, the proof worker). */
  bindTrustMaterial(parameter: IStringParameter): this {
    this.fn.addEnvironment(ENV.trustParameter, parameter.parameterName);
    parameter.grantRead(this.fn);
    return this;
  }

  /** Seals documents: `kms:Sign` with the seal key, nothing else on it (the proof worker only). */
  bindSeal(sealKey: IKey, parameter: IStringParameter): this {
    this.bindTrustMaterial(parameter);
    this.fn.addEnvironment(ENV.sealKeyId, sealKey.keyArn);
    sealKey.grant(this.fn, 'kms:Sign');
    return this;
  }

  /** Has its PDFs sealed: invokes the sealer (its unqualified ARN, nothing else), the seal key's only user. */
  bindSealer(sealer: CertificationFunction): this {
    this.fn.addEnvironment(ENV.sealFunction, sealer.fn.functionName);
    this.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [sealer.fn.functionArn] }),
    );
    return this;
  }

  bindCursorSigningKey(secret: ISecret): this {
    this.fn.addEnvironment(ENV.cursorSigningSecret, secret.secretArn);
    secret.grantRead(this.fn);
    return this;
  }

  /** Creates, moves and deletes one-time schedules in the legal-clocks group, targeting the certificate clock. */
  bindLongClocks(clocks: { groupName: string; targetArn: string; role: IRole }): this {
    this.fn.addEnvironment(ENV.scheduleGroup, clocks.groupName);
    this.fn.addEnvironment(ENV.certificateClockArn, clocks.targetArn);
    this.fn.addEnvironment(ENV.schedulerRoleArn, clocks.role.roleArn);
    const stack = Stack.of(this);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'scheduler:CreateSchedule',
          'scheduler:UpdateSchedule',
          'scheduler:DeleteSchedule',
          'scheduler:GetSchedule',
        ],
        resources: [`arn:${stack.partition}:scheduler:${stack.region}:${stack.account}:schedule/${clocks.groupName}/*`],
      }),
    );
    clocks.role.grantPassRole(this.fn.grantPrincipal);
    Validations.of(this.fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${clocks.groupName}/*]`,
      reason: 'One schedule per certificate, named after it, inside the legal-clocks group only',
    });
    return this;
  }

  /**
   * Starts executions through the alias (a deployment moves new executions to the new version;
   * running ones finish on theirs), resumes waiting ones, and reads an execution's status.
   */
  bindStateMachine(workflow: { stateMachine: IStateMachine; aliasArn: string; name: string }): this {
    this.fn.addEnvironment(ENV.stateMachineArn, workflow.aliasArn);
    this.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [workflow.aliasArn] }),
    );
    workflow.stateMachine.grantTaskResponse(this.fn);
    const stack = Stack.of(this);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:DescribeExecution'],
        resources: [`arn:${stack.partition}:states:${stack.region}:${stack.account}:execution:${workflow.name}:*`],
      }),
    );
    Validations.of(this.fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${workflow.name}:*]`,
      reason: 'The status of the dossier executions of this state machine only (one per dossier and generation)',
    });
    return this;
  }

  get stack() {
    return Stack.of(this);
  }
}
