import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { EventBridgeEvent } from 'aws-lambda';
import { dependencies } from '../container';
import { ENV, requireEnv } from '../config/env';
import { logger } from '../observability';
import { recordScanResult } from '../use-cases/record-scan-result';

interface ScanResultDetail {
  s3ObjectDetails?: { bucketName?: string; objectKey?: string };
  scanResultDetails?: { scanResultStatus?: string };
}

/** "GuardDuty Malware Protection Object Scan Result" events: the scan status of each upload. */
export const handler = middy<EventBridgeEvent<string, ScanResultDetail>>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const bucket = event.detail?.s3ObjectDetails?.bucketName;
    const key = event.detail?.s3ObjectDetails?.objectKey;
    const status = event.detail?.scanResultDetails?.scanResultStatus ?? 'FAILED';
    const store =
      bucket === requireEnv(ENV.evidenceBucket)
        ? 'evidence'
        : bucket === requireEnv(ENV.sensitiveBucket)
          ? 'sensitive'
          : null;
    if (!store || !key) return;
    const outcome = await recordScanResult(dependencies(), store, key, status);
    logger.info('scan recorded', { store, outcome });
  });
