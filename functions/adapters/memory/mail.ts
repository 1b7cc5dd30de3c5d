import type { Mailer } from '../../domain/ports';

/** The mail sent, kept for the test to read. */
export class InMemoryMail implements Mailer {
  readonly sent: { to: string[]; subject: string; text: string }[] = [];
  async send(message: { to: string[]; subject: string; text: string }) {
    this.sent.push({ to: message.to, subject: message.subject, text: message.text });
  }
}
