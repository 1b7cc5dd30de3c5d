import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Dependencies } from '../container';
import { metrics } from '../observability';
import type { OutboxMessage } from '../domain/outbox';
import { drainWorkQueue } from './drain-work-queue';

/**
 * Sends pending mail. A message is claimed before it is sent, so two dispatchers never send it
 * twice; a failed send releases it for the next round.
 * Input: messages to send (from the stream) or none (sweep the pending index). Output: counts.
 */
export const dispatchOutbox = async (deps: Dependencies, messages?: OutboxMessage[]) => {
  const { done: sent, failed } = await drainWorkQueue(
    deps.outbox,
    deps.clock,
    async (message) => {
      if (message.invite) await deps.members.bind(await deps.users.invite(message.invite), message.invite.ensId);
      await deps.mailer.send(message, deps.clock.now());
    },
    messages,
  );
  if (sent) metrics.addMetric('MailSent', MetricUnit.Count, sent);
  if (failed) metrics.addMetric('MailFailed', MetricUnit.Count, failed);
  if (sent || failed) metrics.publishStoredMetrics();
  return { sent, failed };
};
