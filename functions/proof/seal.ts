import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { awsTrustServices } from '../adapters/trust/aws-trust';
import type { SealRequest, SealResponse } from '../adapters/trust/remote-seal';
import { ENV, requireEnv } from '../config/env';
import { logger } from '../observability';

/**
 * The sealer, invoked by the renderer with each PDF it rendered: PAdES B-T with the seal key in
 * KMS and a token from the stage's authority. The only function holding `kms:Sign` on the seal
 * key, and its only caller is the renderer's role (IAM); it reads and writes nothing else.
 */
const trust = awsTrustServices({
  sealKeyId: () => requireEnv(ENV.sealKeyId),
  parameterName: () => requireEnv(ENV.trustParameter),
});

export const handler = middy<SealRequest, SealResponse>()
  .use(injectLambdaContext(logger))
  .handler(async (request) => {
    const at = new Date(request?.at);
    if (typeof request?.pdf !== 'string' || Number.isNaN(at.getTime())) throw new Error('expected { pdf, at }');
    const sealed = await trust.sealPdf(new Uint8Array(Buffer.from(request.pdf, 'base64')), at);
    return { pdf: Buffer.from(sealed).toString('base64') };
  });
