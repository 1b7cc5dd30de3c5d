import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { S3Event } from 'aws-lambda';
import { dependencies } from '../container';
import { ENV, requireEnv } from '../config/env';
import type { ObjectStoreName } from '../domain/ports';
import { logger } from '../observability';
import { receiveUpload } from '../use-cases/receive-upload';

/** Which store a bucket is, from the function's environment. */
const storeOf = (bucket: string): ObjectStoreName | null => {
  if (bucket === requireEnv(ENV.evidenceBucket)) return 'evidence';
  if (bucket === requireEnv(ENV.sensitiveBucket)) return 'sensitive';
  return null;
};

/** S3 object-created notifications (s3rver's events locally): settles each upload. */
export const handler = middy<S3Event>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    for (const record of event.Records ?? []) {
      if (!record.eventName?.startsWith('ObjectCreated')) continue;
      const store = storeOf(record.s3.bucket.name);
      if (!store) continue;
      const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
      const outcome = await receiveUpload(dependencies(), store, key);
      logger.info('object settled', { store, outcome });
    }
  });
