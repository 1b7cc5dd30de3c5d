import type { Context } from 'aws-lambda';
import type { Mailer } from '../../functions/domain/ports';

/**
 * SES's mailbox simulator, locally (https://docs.aws.amazon.com/ses/latest/dg/send-an-email-from-console.html):
 * mail sent to `bounce@simulator.amazonses.com` comes back as a permanent bounce and mail to
 * `complaint@simulator.amazonses.com` as a complaint, through the same handler the configuration
 * set's SNS destination invokes in AWS — with the tags the message was sent with.
 */
export const SIMULATOR = {
  bounce: 'bounce@simulator.amazonses.com',
  complaint: 'complaint@simulator.amazonses.com',
} as const;

type FeedbackHandler = (event: never, context: Context) => Promise<unknown>;

export const withMailboxSimulator = (
  mailer: Mailer,
  feedback: () => Promise<FeedbackHandler>,
  context: Context,
  background: (task: Promise<unknown>) => void,
): Mailer => ({
  async send(message, at) {
    await mailer.send(message, at);
    const tags = { outbox: [message.id], ...(message.dossierId ? { dossier: [message.dossierId] } : {}) };
    const mail = { timestamp: at.toISOString(), tags };
    const events: Record<string, unknown>[] = [];
    const bounced = message.to.filter((to) => to.toLowerCase() === SIMULATOR.bounce);
    const complained = message.to.filter((to) => to.toLowerCase() === SIMULATOR.complaint);
    if (bounced.length)
      events.push({
        eventType: 'Bounce',
        mail,
        bounce: {
          bounceType: 'Permanent',
          timestamp: at.toISOString(),
          bouncedRecipients: bounced.map((emailAddress) => ({ emailAddress })),
        },
      });
    if (complained.length)
      events.push({
        eventType: 'Complaint',
        mail,
        complaint: {
          timestamp: at.toISOString(),
          complainedRecipients: complained.map((emailAddress) => ({ emailAddress })),
        },
      });
    for (const event of events) {
      const record = { Sns: { Message: JSON.stringify(event) } };
      background(
        feedback()
          .then((handler) => handler({ Records: [record] } as never, context))
          .catch((error: unknown) => console.error('[ses] mail-feedback handler failed:', (error as Error).message)),
      );
    }
  },
});
