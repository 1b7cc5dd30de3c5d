import { ArnFormat, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/**
 * The front's web ACL (AWS WAF, CloudFront scope: it lives in us-east-1, hence a stack of its own,
 * deployed before the portal's, whose distribution names it — `webAclArn` in the stage's
 * settings). Managed rule groups (common exploits, known bad inputs, IP reputation) and rate rules
 * that hold a flood without starving ANS's staff: per source address everywhere, tighter on the
 * public routes and on upload grants, and per bearer token — one candidate at 100 requests a
 * second is blocked alone, the instructors acting before a legal deadline are not.
 */
export const RATE_LIMITS = {
  /** requests per 5 minutes from one address, on any path */
  perAddress: 3000,
  /** requests per 5 minutes from one address to the public routes (list, verification) */
  publicPerAddress: 600,
  /** upload grants per 5 minutes from one address (each may open 200 MB of storage) */
  uploadsPerAddress: 100,
  /** requests per 5 minutes with one Authorization header (one account's token) */
  perToken: 1500,
} as const;

const visibility = (name: string) => ({
  cloudWatchMetricsEnabled: true,
  metricName: name,
  sampledRequestsEnabled: true,
});

const managed = (name: string, priority: number): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  visibilityConfig: visibility(name),
});

const pathStarts = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: prefix,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

const rate = (
  name: string,
  priority: number,
  limit: number,
  scope?: CfnWebACL.StatementProperty,
  key: 'IP' | 'token' = 'IP',
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  action: { block: { customResponse: { responseCode: 429 } } },
  statement: {
    rateBasedStatement: {
      limit,
      evaluationWindowSec: 300,
      ...(key === 'IP'
        ? { aggregateKeyType: 'IP' }
        : {
            aggregateKeyType: 'CUSTOM_KEYS',
            customKeys: [{ header: { name: 'authorization', textTransformations: [{ priority: 0, type: 'NONE' }] } }],
          }),
      ...(scope ? { scopeDownStatement: scope } : {}),
    },
  },
  visibilityConfig: visibility(name),
});

export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const acl = new CfnWebACL(this, 'PortalWebAcl', {
      name: `${this.stackName}-portal`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('PortalWebAcl'),
      rules: [
        managed('AWSManagedRulesAmazonIpReputationList', 0),
        managed('AWSManagedRulesCommonRuleSet', 1),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
        rate('UploadGrantsPerAddress', 10, RATE_LIMITS.uploadsPerAddress, {
          andStatement: {
            statements: [
              pathStarts('/v1/dossiers/'),
              {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'ENDS_WITH',
                  searchString: '/uploads',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            ],
          },
        }),
        rate('PublicPerAddress', 11, RATE_LIMITS.publicPerAddress, pathStarts('/v1/public/')),
        rate(
          'PerToken',
          12,
          RATE_LIMITS.perToken,
          {
            sizeConstraintStatement: {
              fieldToMatch: { singleHeader: { Name: 'authorization' } },
              comparisonOperator: 'GT',
              size: 0,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          'token',
        ),
        rate('PerAddress', 13, RATE_LIMITS.perAddress),
      ],
    });
    this.webAclArn = acl.attrArn;
    // what the web ACL blocked and why, kept a year; bearer tokens never written
    const logsKey = new Key(this, 'WebAclLogsKey', { enableKeyRotation: true, description: 'Web ACL logs' });
    logsKey.grantEncryptDecrypt(new ServicePrincipal(`logs.${this.region}.amazonaws.com`));
    const logs = new LogGroup(this, 'WebAclLogs', {
      logGroupName: `aws-waf-logs-${this.stackName}`,
      encryptionKey: logsKey,
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnLoggingConfiguration(this, 'PortalWebAclLogging', {
      resourceArn: acl.attrArn,
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logs.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
    new CfnOutput(this, 'WebAclArn', {
      value: acl.attrArn,
      description: 'Set it as webAclArn in the stage’s settings (cdk.json) before deploying the portal',
    });
  }
}
