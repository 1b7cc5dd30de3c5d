import type * as SES from '@aws-sdk/client-sesv2';
import type { Mailer } from '../../domain/ports';

export class SesMailer implements Mailer {
  constructor(
    private readonly sdk: typeof SES,
    private readonly ses: SES.SESv2Client,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {}

  async send(
    message: { to: string[]; subject: string; text: string; html: string; id: string; dossierId?: string },
    at: Date,
  ): Promise<void> {
    await this.ses.send(
      new this.sdk.SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: message.to },
        ConfigurationSetName: this.configurationSet,
        // tags come back on bounces and complaints: they name the dossier, never a person
        EmailTags: [
          { Name: 'outbox', Value: message.id },
          ...(message.dossierId ? [{ Name: 'dossier', Value: message.dossierId }] : []),
        ],
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
            // the platform's own instant (the virtual clock locally), for the audit of legal notices
            Headers: [
              { Name: 'X-Tlc-Outbox-Id', Value: message.id },
              { Name: 'X-Tlc-Sent-At', Value: at.toISOString() },
            ],
          },
        },
      }),
    );
  }
}
