import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { CertificationStack } from './certification-stack';
import { PortalStack } from './portal-stack';
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
  platform: platform.portal,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
