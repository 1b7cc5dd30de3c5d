import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from 'zod';
import { dependencies } from '../container';
import { logger } from '../observability';
import { evaluateCertificate } from '../use-cases/certificate-life';
import { CERTIFICATE_NUMBER_PATTERN } from '../domain/certificate-number';

const input = z.object({ certificateNumber: z.string().regex(CERTIFICATE_NUMBER_PATTERN) });

/** EventBridge Scheduler target: a certificate's long clock (convention term, notice, expiry). */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .handler(async (event: unknown) => {
    const { certificateNumber } = input.parse(event);
    const certificate = await evaluateCertificate(dependencies(), certificateNumber);
    logger.info('certificate clock', { status: certificate.status });
  });
