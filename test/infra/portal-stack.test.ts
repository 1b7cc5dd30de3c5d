import { flatTemplate } from './flat-template';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificationStack } from '../../infra/certification-stack';
import { PortalStack } from '../../infra/portal-stack';
import { EdgeStack, RATE_LIMITS } from '../../infra/edge-stack';

const ORIGIN = 'https://portail.certification.example.org';
const WEB_ACL =
  'arn:aws:wafv2:us-east-1:111111111111:global/webacl/TlcEdge-portal/00000000-0000-0000-0000-000000000000';

const synth = async (withNag: boolean) => {
  const dist = await mkdtemp(path.join(os.tmpdir(), 'portal-dist-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>portail</title>');
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  // environment-agnostic, as infra/app.ts deploys them
  const platform = new CertificationStack(app, 'Platform', { allowedOrigins: [ORIGIN], stage: 'test' });
  const portal = new PortalStack(app, 'Portal', {
    assetPath: dist,
    origin: ORIGIN,
    certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000',
    webAclArn: WEB_ACL,
    platform: platform.portal,
  });
  const edge = new EdgeStack(app, 'Edge', { env: { region: 'us-east-1' } });
  if (withNag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
  return { app, platform, portal, edge };
};

let template: Template;
let platformTemplate: Template;
let edgeTemplate: Template;
beforeAll(async () => {
  const { portal, platform, edge } = await synth(false);
  template = Template.fromStack(portal);
  platformTemplate = flatTemplate(platform);
  edgeTemplate = Template.fromStack(edge);
}, 180_000);

describe('the front (CloudFront + AWS WAF, issue 23)', () => {
  it('puts the web ACL on the distribution, and the origin secret header on the API origin', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: WEB_ACL,
        Origins: Match.arrayWith([
          Match.objectLike({
            OriginCustomHeaders: [Match.objectLike({ HeaderName: 'x-origin-verify', HeaderValue: Match.anyValue() })],
          }),
        ]),
      }),
    });
    // the value is a dynamic reference resolved by CloudFormation, never written in the template
    expect(JSON.stringify(template.toJSON())).toMatch(/resolve:secretsmanager:/);
  });

  it('gives every API function the origin secret to check, by ARN', () => {
    const functions = Object.values(platformTemplate.findResources('AWS::Lambda::Function')).filter((f) =>
      String(JSON.stringify(f.Properties.Description ?? '')).match(/^"(GET|POST|PATCH|PUT|DELETE) \//),
    );
    expect(functions.length).toBeGreaterThan(40);
    for (const f of functions)
      expect(Object.keys(f.Properties.Environment.Variables)).toContain('ORIGIN_VERIFY_SECRET');
  });

  it('filters with AWS managed rules and rate rules per address, per token, and tighter on public and upload routes', () => {
    const [acl] = Object.values(edgeTemplate.findResources('AWS::WAFv2::WebACL'));
    expect(acl!.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl!.Properties.Rules as { Name: string; Statement: Record<string, any> }[];
    expect(rules.map((r) => r.Name)).toEqual(
      expect.arrayContaining([
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesAmazonIpReputationList',
        'PerAddress',
        'PerToken',
        'PublicPerAddress',
        'UploadGrantsPerAddress',
      ]),
    );
    const limit = (name: string) => rules.find((r) => r.Name === name)!.Statement.RateBasedStatement.Limit;
    expect(limit('PublicPerAddress')).toBeLessThan(limit('PerAddress'));
    expect(limit('UploadGrantsPerAddress')).toBe(RATE_LIMITS.uploadsPerAddress);
    expect(rules.find((r) => r.Name === 'PerToken')!.Statement.RateBasedStatement.CustomKeys[0].Header.Name).toBe(
      'authorization',
    );
  });
});

describe('portal stack (S3 + CloudFront, Cognito hosted sign-in)', () => {
  it('serves the files from a private bucket through origin access control, TLS 1.2+, logged', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true, RestrictPublicBuckets: true }),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['portail.certification.example.org'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
        DefaultRootObject: 'index.html',
      }),
    });
  });

  it('routes /v1/* to the API on the same origin, uncached, with the Authorization header', () => {
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as any;
    const api = distribution.Properties.DistributionConfig.CacheBehaviors.find((b: any) => b.PathPattern === '/v1/*');
    expect(api).toBeDefined();
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']));
    // managed policies: CachingDisabled and AllViewerExceptHostHeader
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    // no custom error page: the API's 404 problem documents must reach the browser as they are
    expect(distribution.Properties.DistributionConfig.CustomErrorResponses).toBeUndefined();
  });

  it('answers the browser routes with index.html from a CloudFront function, not from error pages', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp('index\\.html'),
    });
  });

  it('sends the same security headers as the local server (CSP, HSTS, frame and type options)', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.anyValue(),
          }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000 }),
        }),
      }),
    });
  });

  it('deploys the built files with a config.json for Cognito’s hosted sign-in', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionPaths: ['/index.html', '/config.json'],
    });
  });

  it('gives the portal an app client with code grant + PKCE (no secret) and a hosted sign-in domain', () => {
    platformTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid']),
      CallbackURLs: [`${ORIGIN}/connexion`],
      GenerateSecret: false,
    });
    platformTemplate.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('synthesises with no unacknowledged cdk-nag finding', async () => {
    const { app } = await synth(true);
    expect(() => app.synth()).not.toThrow();
  });
});
