import { flatTemplate } from './flat-template';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificationStack } from '../../infra/certification-stack';
import { ENV } from '../../functions/config/env';
import { ROUTES } from '../../functions/http/routes';

/**
 * Security as the template states it (issue 11): who may read or decrypt sensitive evidence, who
 * may change the company an account acts for, who may erase a version. Each assertion fails if a
 * later change quietly widens a grant.
 */
let template: Template;
let resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = flatTemplate(new CertificationStack(app, 'TlcSecurityTest'));
  resources = template.toJSON().Resources;
}, 120_000);

const logicalIdOf = (type: string, prefix: string) => {
  const ids = Object.entries(resources)
    .filter(([id, r]) => r.Type === type && id.startsWith(prefix))
    .map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
/** Role logical ids whose identity policies allow one of `actions` on a resource naming `target`. */
const rolesAllowed = (target: string, actions: (a: string) => boolean) => {
  const roles = new Set<string>();
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    const doc = r.Properties!.PolicyDocument as { Statement: Statement[] };
    const hit = doc.Statement.some(
      (s) =>
        s.Effect === 'Allow' && [s.Action].flat().some(actions) && JSON.stringify(s.Resource).includes(`"${target}"`),
    );
    if (!hit) continue;
    for (const role of r.Properties!.Roles as { Ref: string }[]) roles.add(role.Ref);
  }
  return [...roles].sort();
};

describe('tenant isolation in the identity provider', () => {
  it('keeps custom:ensId immutable and out of every client’s write attributes', () => {
    const pool = Object.values(resources).find((r) => r.Type === 'AWS::Cognito::UserPool')!;
    const ensId = (pool.Properties!.Schema as { Name: string; Mutable: boolean }[]).find((a) => a.Name === 'ensId');
    expect(ensId?.Mutable).toBe(false);
    const clients = Object.values(resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolClient');
    expect(clients.length).toBeGreaterThan(0);
    for (const client of clients) {
      const write = client.Properties!.WriteAttributes as string[] | undefined;
      const read = client.Properties!.ReadAttributes as string[] | undefined;
      expect(write, 'every client lists what it may write').toBeDefined();
      expect(write).not.toContain('custom:ensId');
      expect(read).toContain('custom:ensId');
    }
  });
});

describe('sign-in and tokens (issue 23)', () => {
  it('enforces threat protection, keeps SRP off the hosted-UI client, and puts the company in access tokens', () => {
    const pool = resources[logicalIdOf('AWS::Cognito::UserPool', 'Users')]!;
    expect(pool.Properties!.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    const trigger = (pool.Properties!.LambdaConfig as { PreTokenGenerationConfig?: { LambdaVersion: string } })
      .PreTokenGenerationConfig;
    expect(trigger?.LambdaVersion).toBe('V2_0');
    const client = resources[logicalIdOf('AWS::Cognito::UserPoolClient', 'UsersPortal')]!;
    expect(client.Properties!.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
  });
});

describe('sensitive evidence is closed in the infrastructure', () => {
  const readers = (ids: string[]) => ids.map((id) => id.replace(/[A-F0-9]{8}$/, ''));

  // the security reviewers' download route, the object-created check, and GuardDuty's malware scanner
  const designatedReaders = [
    expect.stringMatching(/^Httpdownloadsensitiveevidence/),
    expect.stringMatching(/^MalwareProtectionRole/),
    expect.stringMatching(/^ObjectCreated/),
  ];

  it('lets only the reviewers’ download route, the object-created check and the scanner read the sensitive bucket', () => {
    const bucket = logicalIdOf('AWS::S3::Bucket', 'SensitiveEvidenceBucket');
    const roles = rolesAllowed(bucket, (a) => a.startsWith('s3:GetObject') && !a.includes('Tagging')); // a tag is no content;
    expect(readers(roles)).toEqual(designatedReaders);
  });

  it('lets only those, and AWS Backup, decrypt with the sensitive key', () => {
    const key = logicalIdOf('AWS::KMS::Key', 'SensitiveEvidenceBucketKey');
    const roles = rolesAllowed(key, (a) => a === 'kms:Decrypt' || a === 'kms:*');
    expect(readers(roles)).toEqual([expect.stringMatching(/^EvidenceBackupRole/), ...designatedReaders]);
  });

  it('denies reads and decryption to every other principal in the bucket and key policies', () => {
    const bucket = logicalIdOf('AWS::S3::Bucket', 'SensitiveEvidenceBucket');
    const policy = Object.values(resources).find(
      (r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r.Properties!.Bucket).includes(bucket),
    )!;
    const deny = (policy.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement.find(
      (s) => s.Sid === 'OnlyDesignatedReaders',
    );
    expect(deny).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' } });
    expect(JSON.stringify(deny!.Condition)).toMatch(
      /Httpdownloadsensitiveevidence.*ObjectCreated|ObjectCreated.*Httpdownloadsensitiveevidence/,
    );
    // the reviewers' links open only what GuardDuty found clean
    const clean = (policy.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement.find(
      (s) => s.Sid === 'DownloadsOnlyScannedClean',
    );
    expect(clean).toMatchObject({
      Effect: 'Deny',
      Condition: { StringNotEquals: { 's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'NO_THREATS_FOUND' } },
    });
    expect(JSON.stringify(clean!.Condition)).toMatch(/Httpdownloadsensitiveevidence/);
    expect(JSON.stringify(clean!.Condition)).not.toMatch(/Httpdownloadupload/);
    const key = resources[logicalIdOf('AWS::KMS::Key', 'SensitiveEvidenceBucketKey')]!;
    const keyDeny = (key.Properties!.KeyPolicy as { Statement: Record<string, unknown>[] }).Statement.find(
      (s) => s.Sid === 'OnlyDesignatedDecrypters',
    );
    expect(keyDeny).toMatchObject({ Effect: 'Deny', Action: 'kms:Decrypt' });
  });

  it('writes to the sensitive bucket only from the route that presigns uploads', () => {
    const bucket = logicalIdOf('AWS::S3::Bucket', 'SensitiveEvidenceBucket');
    const roles = rolesAllowed(bucket, (a) => a === 's3:PutObject' || a === 's3:PutObject*' || a === 's3:*');
    expect(readers(roles)).toEqual([expect.stringMatching(/^Httpcreateupload/)]);
  });

  it('lets no function but the purge erase an object version, and the buckets deny it to everyone else', () => {
    const erasers = new Set<string>();
    for (const r of Object.values(resources)) {
      if (r.Type !== 'AWS::IAM::Policy') continue;
      const statements = (r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement;
      const actions = statements.flatMap((s) => [s.Action]).flat();
      expect(actions).not.toContain('s3:DeleteObject*');
      expect(actions).not.toContain('s3:*');
      if (actions.includes('s3:DeleteObjectVersion') || actions.includes('s3:BypassGovernanceRetention')) {
        for (const role of r.Properties!.Roles as { Ref: string }[]) erasers.add(role.Ref);
        // on the dossiers' prefix only
        for (const s of statements.filter((x) => [x.Action].flat().includes('s3:DeleteObjectVersion')))
          expect(JSON.stringify(s.Resource)).toMatch(/\/dossiers\/\*/);
      }
    }
    expect(readers([...erasers])).toEqual([expect.stringMatching(/^PurgerFunctionServiceRole/)]);
    for (const name of ['EvidenceBucket', 'SensitiveEvidenceBucket']) {
      const bucket = logicalIdOf('AWS::S3::Bucket', name);
      const policy = Object.values(resources).find(
        (r) =>
          r.Type === 'AWS::S3::BucketPolicy' &&
          JSON.stringify(r.Properties!.Bucket) === JSON.stringify({ Ref: bucket }),
      )!;
      const deny = (policy.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement.find(
        (s) => s.Sid === 'OnlyThePurgeErasesVersions',
      );
      expect(deny).toMatchObject({
        Effect: 'Deny',
        Action: ['s3:DeleteObjectVersion', 's3:BypassGovernanceRetention'],
      });
      expect(JSON.stringify(deny!.Condition)).toMatch(/PurgerFunctionServiceRole/);
    }
  });

  it('gives the certificate read route no write and no scheduling right', () => {
    const fn = Object.entries(resources).find(
      ([, r]) =>
        r.Type === 'AWS::Lambda::Function' &&
        String(r.Properties!.Description ?? '') === 'GET /v1/certificates/{number}',
    )!;
    const role = (fn[1].Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const actions = Object.values(resources)
      .filter(
        (r) => r.Type === 'AWS::IAM::Policy' && (r.Properties!.Roles as { Ref: string }[]).some((x) => x.Ref === role),
      )
      .flatMap((r) => (r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement)
      // but an API client's rate window (UpdateItem on RATE#* only, checked below for every read)
      .filter((s) => !JSON.stringify(s).includes('RATE#*') && !JSON.stringify(s).includes('PERSONLOG#*'))
      .map((s) => s.Action)
      .flat();
    expect(actions.some((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toBe(false);
    expect(actions.some((a) => a.startsWith('scheduler:'))).toBe(false);
  });
});

describe('flood protection, malware scanning, logs', () => {
  it('throttles the stage, and the public and upload routes more tightly', () => {
    const stage = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!;
    expect(stage.Properties!.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 100,
      ThrottlingBurstLimit: 200,
    });
    const routes = stage.Properties!.RouteSettings as Record<string, { ThrottlingRateLimit: number }>;
    expect(routes['GET /v1/public/certificates']!.ThrottlingRateLimit).toBe(20);
    expect(routes['POST /v1/dossiers/{id}/uploads']!.ThrottlingRateLimit).toBe(10);
  });

  it('reserves concurrency for the workflow’s Evaluate and the certificate clock', () => {
    const reserved = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties!.ReservedConcurrentExecutions)
      .map((r) => String(r.Properties!.Description));
    expect(reserved).toEqual(
      expect.arrayContaining([expect.stringContaining('evaluate'), expect.stringContaining('long clock')]),
    );
  });

  it('scans both evidence buckets for malware and routes the results to the uploads', () => {
    const plans = Object.values(resources).filter((r) => r.Type === 'AWS::GuardDuty::MalwareProtectionPlan');
    expect(plans).toHaveLength(2);
    for (const plan of plans) expect(plan.Properties!.Actions).toEqual({ Tagging: { Status: 'ENABLED' } });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Malware Protection Object Scan Result'] },
    });
  });

  it('expires noncurrent evidence versions and keeps task tokens out of the state machine’s logs', () => {
    const buckets = Object.values(resources).filter(
      (r) =>
        r.Type === 'AWS::S3::Bucket' && JSON.stringify(r.Properties!.VersioningConfiguration ?? {}).includes('Enabled'),
    );
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    for (const b of buckets)
      expect(JSON.stringify(b.Properties!.LifecycleConfiguration)).toContain('NoncurrentVersionExpiration');
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: { Level: 'ERROR', IncludeExecutionData: false },
    });
  });
});

describe('the pagination cursors’ key', () => {
  it('is read at run time by the functions of paged routes only, never put in a configuration', () => {
    const secret = logicalIdOf('AWS::SecretsManager::Secret', 'CursorSigningKey');
    const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    for (const [id, fn] of functions) {
      const variables = (fn.Properties!.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables;
      const text = JSON.stringify(variables ?? {});
      expect(text, `${id} holds no resolved secret`).not.toContain('{{resolve:secretsmanager');
      expect(text, `${id} holds no secret value`).not.toContain('SecretString');
    }
    const readers = new Set(rolesAllowed(secret, (a) => a === 'secretsmanager:GetSecretValue'));
    const described = (predicate: (roleId: string) => boolean) =>
      functions
        .filter(([, fn]) => predicate((fn.Properties!.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0]))
        .map(([, fn]) => fn.Properties!.Description as string)
        .sort();
    const paged = ROUTES.filter((r) => r.query?.some((q) => q.name === 'cursor'))
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(paged.length).toBeGreaterThan(0);
    expect(described((role) => readers.has(role))).toEqual(paged);
    for (const [, fn] of functions.filter(([, f]) => paged.includes(f.Properties!.Description as string))) {
      const variables = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables[ENV.cursorSigningSecret]).toEqual({ Ref: secret });
    }
  });
});

describe('logs and trust (issue 23)', () => {
  it('logs each request with its route, caller, status, error and latency, in a KMS-encrypted group', () => {
    const stage = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!;
    const format = JSON.parse((stage.Properties!.AccessLogSettings as { Format: string }).Format) as Record<
      string,
      string
    >;
    expect(format).toMatchObject({
      routeKey: '$context.routeKey',
      sub: '$context.authorizer.sub',
      status: '$context.status',
      error: '$context.error.message',
      latency: '$context.responseLatency',
    });
    const group = resources[logicalIdOf('AWS::Logs::LogGroup', 'ApiAccessLogs')]!;
    expect(group.Properties!.KmsKeyId).toBeDefined();
  });

  it('lets GuardDuty and the scheduler assume their roles only for this account’s own resources', () => {
    for (const prefix of ['MalwareProtectionRole', 'SchedulerRole']) {
      const role = resources[logicalIdOf('AWS::IAM::Role', prefix)]!;
      const [statement] = (role.Properties!.AssumeRolePolicyDocument as { Statement: { Condition?: object }[] })
        .Statement;
      expect(JSON.stringify(statement!.Condition), prefix).toMatch(/aws:SourceAccount/);
      expect(JSON.stringify(statement!.Condition), prefix).toMatch(/aws:SourceArn/);
    }
  });
});

describe('evidence kept as proof (issue 23)', () => {
  it('locks every version of both evidence buckets in governance mode, and backs them up with AWS Backup', () => {
    for (const prefix of ['EvidenceBucket', 'SensitiveEvidenceBucket']) {
      const bucket = resources[logicalIdOf('AWS::S3::Bucket', prefix)]!;
      expect(bucket.Properties!.ObjectLockEnabled, prefix).toBe(true);
      expect(bucket.Properties!.ObjectLockConfiguration, prefix).toMatchObject({
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 6 * 365 } },
      });
    }
    const selections = Object.values(resources).filter((r) => r.Type === 'AWS::Backup::BackupSelection');
    const evidence = selections.find((s) => JSON.stringify(s.Properties).includes('EvidenceBucket'));
    expect(JSON.stringify(evidence!.Properties)).toMatch(/SensitiveEvidenceBucket/);
  });
});

describe('least privilege on documents (issue 23)', () => {
  const objectResources = (roleStart: string, action: (a: string) => boolean) =>
    Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Policy')
      .filter(([, r]) => JSON.stringify(r.Properties!.Roles).includes(roleStart))
      .flatMap(
        ([, r]) =>
          (r.Properties!.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
      )
      .filter((s) => [s.Action].flat().some(action))
      .flatMap((s) => [s.Resource].flat().map((x) => JSON.stringify(x)))
      // object resources only (the bucket's own ARN is there for List and GetBucket*)
      .filter((r) => r.includes('Fn::Join') || r.includes('/'));

  it('lets the renderer write documents only, and the document routes read documents only', () => {
    const writes = objectResources('Document', (a) => a.startsWith('s3:PutObject'));
    expect(writes.length).toBeGreaterThan(0);
    for (const r of writes) expect(r).toMatch(/dossiers\/\*\/(convention|certificate|notified)\/\*/);
    // the proof worker keeps the daily anchors, and nothing else
    const anchors = objectResources('Proof', (a) => a.startsWith('s3:PutObject'));
    expect(anchors.length).toBeGreaterThan(0);
    for (const r of anchors) expect(r).toMatch(/\/anchors\/\*/);
    // the renderer asks the sealer, and may invoke nothing else
    const invoked = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties!.Roles).includes('DocumentRenderer'))
      .flatMap((r) => (r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((st) => [st.Action].flat().includes('lambda:InvokeFunction'))
      .flatMap((st) => [st.Resource].flat().map((x) => JSON.stringify(x)));
    expect(invoked.length).toBeGreaterThan(0);
    for (const r of invoked) expect(r).toContain('Sealer');
    for (const role of ['Httpdownloadconvention', 'Httpdownloadcertificate']) {
      const reads = objectResources(role, (a) => a.startsWith('s3:GetObject'));
      expect(reads.length, role).toBeGreaterThan(0);
      for (const r of reads) expect(r, role).toMatch(/dossiers\/\*\/(convention|certificate|notified)\/\*/);
    }
  });
});

describe('least privilege on the table (issue 23)', () => {
  type Conditioned = Statement & { Condition?: Record<string, Record<string, string[]>> };
  /** The role of the function a route's integration invokes (routes may share one function). */
  const roleOfRoute = (routeKey: string) => {
    const route = Object.values(resources).find(
      (r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties!.RouteKey === routeKey,
    );
    expect(route, routeKey).toBeDefined();
    const integrationId = JSON.stringify(route!.Properties!.Target).match(/"Ref":"([^"]+)"/)![1]!;
    const uri = JSON.stringify(resources[integrationId]!.Properties!.IntegrationUri);
    const fn = resources[uri.match(/"Fn::GetAtt":\["([^"]+)","Arn"\]/)![1]!]!;
    return (fn.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  };
  const statementsOf = (routeKey: string) => {
    const role = roleOfRoute(routeKey);
    return Object.values(resources)
      .filter(
        (r) => r.Type === 'AWS::IAM::Policy' && (r.Properties!.Roles as { Ref: string }[]).some((x) => x.Ref === role),
      )
      .flatMap((r) => (r.Properties!.PolicyDocument as { Statement: Conditioned[] }).Statement);
  };
  const writes = (statements: Conditioned[]) =>
    statements.filter((s) => [s.Action].flat().some((a) => /^dynamodb:(Put|Update|Delete|BatchWrite|\*)/.test(a)));

  it('lets a read route write nothing but its journal request (downloads: PutItem on JOURNALREQ# only)', () => {
    const reads = ROUTES.filter((r) => r.access.table === 'read' || r.access.table === 'journal');
    expect(reads.filter((r) => r.access.table === 'journal').map((r) => r.handler)).toEqual([
      'download-upload',
      'download-sensitive-evidence',
    ]);
    for (const route of reads) {
      const all = writes(statementsOf(`${route.method} ${route.path}`));
      // a candidate's read counts an API client's requests: UpdateItem on the rate windows only
      const rate = all.filter((s) => JSON.stringify(s.Condition ?? {}).includes('RATE#*'));
      expect(rate.length, route.path).toBe(route.roles?.includes('candidate') ? 1 : 0);
      for (const s of rate) expect(s.Action, route.path).toBe('dynamodb:UpdateItem');
      // the export of a person's own data records the request: PutItem on PERSONLOG# only
      const log = all.filter((s) => JSON.stringify(s.Condition ?? {}).includes('PERSONLOG#*'));
      expect(log.length, route.path).toBe(route.access.personalDataLog ? 1 : 0);
      for (const s of log) expect(s.Action, route.path).toBe('dynamodb:PutItem');
      const granted = all.filter((s) => !rate.includes(s) && !log.includes(s));
      if (route.access.table === 'read') {
        expect(granted, route.path).toEqual([]);
        continue;
      }
      expect(granted, route.path).toHaveLength(1);
      expect(granted[0]!.Action, route.path).toBe('dynamodb:PutItem');
      expect(granted[0]!.Condition, route.path).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['JOURNALREQ#*'] },
      });
    }
  });
});

describe('the seal and the trust material (issue 24)', () => {
  it('keeps the seal key in KMS (ECC P-256, sign only), usable by the sealer alone', () => {
    const sealKey = logicalIdOf('AWS::KMS::Key', 'SealKey');
    expect(resources[sealKey]!.Properties).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const signers = rolesAllowed(sealKey, (a) => a === 'kms:Sign' || a === 'kms:*');
    expect(signers.length).toBe(1);
    expect(signers[0]).toMatch(/^Sealer/);
    // nobody may export or decrypt with it (asymmetric signing keys have no such use anyway)
    expect(rolesAllowed(sealKey, (a) => a !== 'kms:Sign')).toEqual([]);
  });

  it('publishes the trust material through the public route, never a private key', () => {
    const parameter = logicalIdOf('AWS::SSM::Parameter', 'TrustMaterial');
    const readers = rolesAllowed(parameter, (a) => a.startsWith('ssm:GetParameter'));
    expect(readers.some((r) => r.startsWith('Httppublictrust'))).toBe(true);
    for (const role of readers) expect(role).toMatch(/^(Httppublictrust|Sealer|ProofWorker|ProofSweeper)/);
    expect(JSON.stringify(resources[parameter]!.Properties)).not.toContain('PRIVATE KEY');
  });
});
