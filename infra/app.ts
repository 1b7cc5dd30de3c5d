import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { CertificationStack } from './certification-stack';
import { PortalStack } from './portal-stack';
import { EdgeStack } from './edge-stack';
import { stageFromContext } from './stage-config';

const app = new App();
// one stack per stage (and, as AWS advises, one account per stage): `npx cdk deploy -c stage=prod`
const { stage, config } = stageFromContext((key) => app.node.tryGetContext(key));
const platform = new CertificationStack(app, `TlcCertification-${stage}`, { stage, ...config });
// the portal in a stack of its own: the platform's is near CloudFormation's 500-resource limit
new PortalStack(app, `TlcPortal-${stage}`, {
  assetPath: 'portal/dist',
  origin: config.allowedOrigins[0]!,
  certificateArn: config.portalCertificateArn,
  webAclArn: config.webAclArn,
  platform: platform.portal,
});
// the front's web ACL: CloudFront's scope lives in us-east-1 (deploy it first, then set webAclArn)
new EdgeStack(app, `TlcEdge-${stage}`, { env: { region: 'us-east-1' } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
