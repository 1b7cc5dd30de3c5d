import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SNSEvent } from 'aws-lambda';
import * as z from 'zod';
import { dependencies } from '../container';
import { logger } from '../observability';
import { recordMailFeedback } from '../use-cases/mail-feedback';

/** The SES event (configuration-set event destination → SNS) fields this function reads. */
const sesEvent = z.object({
  eventType: z.string(),
  mail: z.object({ timestamp: z.string(), tags: z.record(z.string(), z.array(z.string())).optional() }),
  bounce: z
    .object({
      bounceType: z.string(),
      timestamp: z.string(),
      bouncedRecipients: z.array(z.object({ emailAddress: z.string() })),
    })
    .optional(),
  complaint: z
    .object({ timestamp: z.string(), complainedRecipients: z.array(z.object({ emailAddress: z.string() })) })
    .optional(),
});

/** SES bounces and complaints: the dossier shows the unreachable contact and instructors are told. */
export const handler = middy<SNSEvent>()
  .use(injectLambdaContext(logger))
  .handler(async (event: SNSEvent) => {
    for (const record of event.Records) {
      const parsed = sesEvent.safeParse(JSON.parse(record.Sns.Message));
      // another kind of notification on the topic: not ours to act on
      if (!parsed.success) {
        logger.warn('ignored mail notification', { issues: parsed.error.issues.length });
        continue;
      }
      const { eventType, mail, bounce, complaint } = parsed.data;
      // a transient bounce (mailbox full, greylisting) is retried by SES: not undeliverable
      const feedback =
        eventType === 'Bounce' && bounce?.bounceType === 'Permanent'
          ? { kind: 'bounce' as const, at: bounce.timestamp, recipients: bounce.bouncedRecipients }
          : eventType === 'Complaint' && complaint
            ? { kind: 'complaint' as const, at: complaint.timestamp, recipients: complaint.complainedRecipients }
            : null;
      if (!feedback) continue;
      const marked = await recordMailFeedback(dependencies(), {
        kind: feedback.kind,
        at: new Date(feedback.at).toISOString(),
        recipients: feedback.recipients.map((r) => r.emailAddress),
        ...(mail.tags?.dossier?.[0] ? { dossierId: mail.tags.dossier[0] } : {}),
      });
      logger.info('mail feedback', { kind: feedback.kind, roles: marked.map((m) => m.role) });
    }
  });
