import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Dependencies } from '../container';
import { metrics } from '../observability';
import type { OutboxMessage } from '../domain/outbox';

/**
 * Sends pending mail. A message is claimed before it is sent, so two dispatchers never send it
 * twice; a failed send releases it for the next round.
 * Input: messages to send (from the stream) or none (sweep the pending index). Output: counts.
 */
export const dispatchOutbox = async (deps: Dependencies, messages?: OutboxMessage[]) => {
  const batch = messages ?? (await deps.outbox.pending(25));
  let sent = 0;
  let failed = 0;
  for (const message of batch) {
    if (!(await deps.outbox.claim(message.id, deps.clock.now().toISOString()))) continue;
    try {
      if (message.invite) await deps.members.bind(await deps.users.invite(message.invite), message.invite.ensId);
      await deps.mailer.send(message, deps.clock.now());
      await deps.outbox.markDone(message.id, deps.clock.now().toISOString());
      sent++;
    } catch (error) {
      failed++;
      await deps.outbox.release(message.id, error instanceof Error ? error.message : String(error));
    }
  }
  if (sent) metrics.addMetric('MailSent', MetricUnit.Count, sent);
  if (failed) metrics.addMetric('MailFailed', MetricUnit.Count, failed);
  if (sent || failed) metrics.publishStoredMetrics();
  return { sent, failed };
};
