import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { CertificationStack } from './certification-stack';

const app = new App();
new CertificationStack(app, 'TlcCertification', {
  mailDomain: app.node.tryGetContext('mailDomain'),
  allowedOrigins: app.node.tryGetContext('allowedOrigins'),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
