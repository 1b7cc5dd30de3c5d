import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { dependencies } from '../container';
import { logger, metrics } from '../observability';
import { reconcile } from '../use-cases/reconcile';

/** Scheduled every 15 minutes: restarts what lost its clock; counted, and alarmed on above 0. */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .handler(async () => {
    const report = await reconcile(dependencies());
    metrics.addMetric(
      'ReconcilerRepairs',
      MetricUnit.Count,
      report.dossiersRepaired.length + report.certificatesRepaired.length,
    );
    logger.info('reconciled', {
      dossiersChecked: report.dossiersChecked,
      certificatesChecked: report.certificatesChecked,
      dossiersRepaired: report.dossiersRepaired,
      certificatesRepaired: report.certificatesRepaired,
    });
    return report;
  });
