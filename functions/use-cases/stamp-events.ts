import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Dependencies } from '../container';
import type { StampJob } from '../domain/trusted-timestamps';
import { metrics } from '../observability';
import { drainWorkQueue } from './drain-work-queue';

/**
 * Obtains the trusted timestamps the journal asked for (domain/trusted-timestamps.ts). The event
 * is already stored at its legal instant; its token is added when the authority answers. An
 * authority down or refusing leaves the job pending: the next round (stream retry, sweep) asks
 * again, for as long as it takes — no token is lost, no instant moves.
 * Input: jobs (from the stream) or none (sweep the pending ones). Output: counts.
 * Steps: claim → ask the authority for a token over the event's hash → store it on the event → done.
 */
export const stampEvents = async (deps: Dependencies, jobs?: StampJob[]) => {
  const { done: stamped, failed } = await drainWorkQueue(
    deps.stampJobs,
    deps.clock,
    async (job) => {
      const { token, tsa } = await deps.trust.stamp(Buffer.from(job.hash, 'hex'));
      await deps.dossiers.addTimestamp(job.dossierId, job.seq, { token: Buffer.from(token).toString('base64'), tsa });
    },
    jobs,
  );
  if (stamped) metrics.addMetric('EventsTimestamped', MetricUnit.Count, stamped);
  if (failed) metrics.addMetric('TimestampsFailed', MetricUnit.Count, failed);
  if (stamped || failed) metrics.publishStoredMetrics();
  return { stamped, failed };
};
