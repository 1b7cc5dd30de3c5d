import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Dependencies } from '../container';
import { logger, metrics } from '../observability';
import { ConflictError } from '../domain/errors';
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
      if (message.revoke) {
        // no new token first, then no request with the tokens already issued
        await deps.users.disable(message.revoke);
        await deps.members.removeByEmail(message.revoke.ensId, message.revoke.email, deps.clock.now().toISOString());
      }
      if (message.invite) {
        try {
          const sub = await deps.users.invite(message.invite);
          await deps.members.bind(sub, message.invite.ensId, message.invite.email);
        } catch (error) {
          // the directory refused the invitation for good (a staff account's address, another
          // company's representative): no retry can succeed and no invitation mail may leave
          if (!(error instanceof ConflictError)) throw error;
          logger.warn('invitation refused', { outbox: message.id, reason: error.message });
          metrics.addMetric('InvitationRefused', MetricUnit.Count, 1);
          return;
        }
      }
      await deps.mailer.send(message, deps.clock.now());
    },
    messages,
  );
  if (sent) metrics.addMetric('MailSent', MetricUnit.Count, sent);
  if (failed) metrics.addMetric('MailFailed', MetricUnit.Count, failed);
  if (sent || failed) metrics.publishStoredMetrics();
  return { sent, failed };
};
