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

const ORIGIN = 'https://portail.certification.example.org';

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
    platform: platform.portal,
  });
  if (withNag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
  return { app, platform, portal };
};

let template: Template;
let platformTemplate: Template;
beforeAll(async () => {
  const { portal, platform } = await synth(false);
  template = Template.fromStack(portal);
  platformTemplate = flatTemplate(platform);
}, 180_000);

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
