import {
  CfnElement,
  CfnOutput,
  Duration,
  RemovalPolicy,
  SecretValue,
  Stack,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import { ORIGIN_HEADER } from '../functions/http/origin-guard';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { PortalHooks } from './certification-stack';
import { contentSecurityPolicy, SECURITY_HEADERS } from './portal/security-headers';

export interface PortalStackProps extends StackProps {
  /** the built portal (`npm run build:portal` → portal/dist) */
  assetPath: string;
  /** the portal's origin, e.g. https://portail.certification.example.org (the stage's first allowed origin) */
  origin: string;
  /** its TLS certificate, in us-east-1 as CloudFront requires */
  certificateArn: string;
  /** what the platform's stack exposes to the portal */
  platform: PortalHooks;
  /** the CloudFront-scope web ACL (the edge stack, us-east-1): managed rules and rate limits */
  webAclArn: string;
}

/**
 * The web portal in AWS, in a stack of its own (the platform's stack is near CloudFormation's
 * 500-resource limit): its files in a private bucket that only CloudFront reads (origin access
 * control), `/v1/*` routed to the HTTP API on the same origin (no CORS), the browser's routes
 * answered with index.html by a CloudFront function (not by error pages, which would turn the
 * API's 404s into HTML), the same security headers as the local server, and `/config.json`
 * telling the portal to sign in with Cognito's hosted pages (authorization code + PKCE).
 */
export class PortalStack extends Stack {
  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    const { platform } = props;

    const logs = new Bucket(this, 'PortalLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      // CloudFront standard logging writes with ACLs
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself' });
    Validations.of(logs).acknowledge(
      { id: 'HIPAA.Security-S3BucketLoggingEnabled', reason: 'This is the access-log bucket itself' },
      { id: 'HIPAA.Security-S3BucketReplicationEnabled', reason: 'Access logs are not replicated across regions' },
      {
        id: 'HIPAA.Security-S3DefaultEncryptionKMS',
        reason: 'CloudFront log delivery cannot write to SSE-KMS buckets',
      },
    );

    const site = new Bucket(this, 'PortalFiles', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'files/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    Validations.of(site).acknowledge(
      { id: 'HIPAA.Security-S3BucketReplicationEnabled', reason: 'Built files: redeployed from the repository' },
      {
        id: 'HIPAA.Security-S3DefaultEncryptionKMS',
        reason: 'Public web files (no personal data); SSE-S3 keeps origin access control simple',
      },
    );

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(platform.storageOrigins, platform.signInDomain),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: SECURITY_HEADERS['permissions-policy'], override: true },
        ],
      },
    });

    // the browser routes (/candidat/dossiers/…) are the portal's: any path without a file extension
    const spaRoutes = new CloudFrontFunction(this, 'PortalRoutes', {
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        "function handler(event) { var r = event.request; if (!/\\.[A-Za-z0-9]+$/.test(r.uri)) { r.uri = '/index.html'; } return r; }",
      ),
    });

    const apiHost = platform.apiEndpoint.replace(/^https:\/\//, '');
    const distribution = new Distribution(this, 'Portal', {
      comment: 'Certification téléconsultation — portail',
      webAclId: props.webAclArn,
      domainNames: [new URL(props.origin).host],
      certificate: Certificate.fromCertificateArn(this, 'PortalCertificate', props.certificateArn),
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaRoutes, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/v1/*': {
          // the API on the portal's origin: nothing cached, every header but Host forwarded (the token)
          // the secret header the API checks: only what came through this front (and its WAF) is served
          origin: new HttpOrigin(apiHost.replace(/\/$/, ''), {
            customHeaders: {
              [ORIGIN_HEADER]: SecretValue.secretsManager(platform.originSecretArn).unsafeUnwrap(),
            },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Candidates may file from abroad (EU companies): no geo restriction',
    });

    new BucketDeployment(this, 'PortalDeployment', {
      sources: [
        Source.asset(props.assetPath),
        Source.jsonData('config.json', {
          auth: 'cognito',
          issuer: platform.issuer,
          domain: platform.signInDomain,
          clientId: platform.clientId,
          redirectUri: `${props.origin}/connexion`,
          logoutUri: `${props.origin}/`,
        }),
      ],
      destinationBucket: site,
      distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
    });
    // CDK's BucketDeployment: a custom resource that copies the asset into the bucket at deploy time
    const deployment = 'CDK BucketDeployment (deploy-time copy of the built files, then a CloudFront invalidation)';
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: `${deployment}: writes its own logs only`,
      },
      ...[
        'Action::s3:GetObject*',
        'Action::s3:GetBucket*',
        'Action::s3:List*',
        'Action::s3:DeleteObject*',
        'Action::s3:Abort*',
        'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
        `Resource::<${this.getLogicalId(site.node.defaultChild as CfnElement)}.Arn>/*`,
        'Resource::*',
      ].map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: `${deployment}: reads the CDK asset, replaces the portal's files, invalidates the distribution`,
      })),
      { id: 'AwsSolutions-L1', reason: `${deployment} pins its own runtime` },
      { id: 'HIPAA.Security-LambdaConcurrency', reason: `${deployment}: runs once per deployment` },
      { id: 'HIPAA.Security-LambdaDLQ', reason: `${deployment}: CloudFormation invokes it and reports failures` },
      { id: 'HIPAA.Security-LambdaInsideVPC', reason: `${deployment}: talks to S3 and CloudFront only` },
      { id: 'HIPAA.Security-IAMNoInlinePolicy', reason: `${deployment}: its generated policy` },
    );

    new CfnOutput(this, 'PortalUrl', { value: props.origin });
    new CfnOutput(this, 'DistributionDomain', { value: distribution.distributionDomainName });
  }
}
