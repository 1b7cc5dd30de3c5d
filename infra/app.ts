import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { CertificationStack } from './certification-stack';
import { stageFromContext } from './stage-config';

const app = new App();
// one stack per stage (and, as AWS advises, one account per stage): `npx cdk deploy -c stage=prod`
const { stage, config } = stageFromContext((key) => app.node.tryGetContext(key));
new CertificationStack(app, `TlcCertification-${stage}`, { stage, ...config });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
