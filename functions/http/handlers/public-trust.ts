import { awsPublicTrust } from '../../adapters/trust/aws-trust-material';
import { ENV, requireEnv } from '../../config/env';
import { useTrustServices } from '../../container';
import { httpHandler, json } from '../http-handler';
import * as routes from '../routes';

// in AWS the certificates come from the stage's SSM parameter (no signing code in this bundle)
useTrustServices(awsPublicTrust(() => requireEnv(ENV.trustParameter)));

/** The certificates anyone needs to check the platform's seals and timestamps. No authentication. */
export const handler = httpHandler(routes.publicTrust, async ({ deps }) =>
  json(200, await deps.trust.publicMaterial(), { 'cache-control': 'public, max-age=3600' }),
);
