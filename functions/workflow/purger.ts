import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { dependencies } from '../container';
import { logger, metrics } from '../observability';
import { purgeExpired } from '../use-cases/purge-expired';

/** Scheduled daily: the retention notices and erasures due (ids and counts logged, never a name). */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .handler(async () => {
    const report = await purgeExpired(dependencies());
    metrics.addMetric('DossiersPurged', MetricUnit.Count, report.purged.length);
    metrics.addMetric('RetentionNotices', MetricUnit.Count, report.noticed.length);
    logger.info('retention applied', {
      noticed: report.noticed,
      purged: report.purged,
      legacyEvents: report.legacyEvents,
    });
    return report;
  });
