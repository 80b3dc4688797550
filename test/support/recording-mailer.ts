/**
 * A mailer that keeps what it was asked to send, for tests of the notifier and the report:
 * what each recipient would find in their inbox. It can refuse the next N messages, or every
 * message to some addresses, with MailError as SesMailer does when SES refuses.
 */
import { MailError } from '../../shared/errors.ts';
import type { EmailMessage, Mailer } from '../../shared/ports/mailer.ts';

export class RecordingMailer implements Mailer {
  /** Accepted messages, in order. */
  readonly sent: EmailMessage[] = [];
  /** Refused messages, in order. */
  readonly refused: EmailMessage[] = [];
  private failRemaining = 0;
  private readonly failingAddresses = new Set<string>();
  private nextId = 1;

  /** Refuse the next `times` messages. */
  failNext(times = 1): void {
    this.failRemaining = times;
  }

  /** Refuse every message to `address` from now on. */
  failFor(address: string): void {
    this.failingAddresses.add(address.toLowerCase());
  }

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const refusedAddress = message.to.find((to) => this.failingAddresses.has(to.toLowerCase()));
    if (this.failRemaining > 0 || refusedAddress !== undefined) {
      if (this.failRemaining > 0) this.failRemaining -= 1;
      this.refused.push(message);
      throw new MailError(`recording mailer refused the message to ${message.to.join(', ')}`);
    }
    this.sent.push(message);
    return { messageId: `recorded-${this.nextId++}` };
  }

  /** Messages accepted for `address`. */
  to(address: string): EmailMessage[] {
    return this.sent.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  }

  /** Every recipient that received something, in order of first receipt. */
  recipients(): string[] {
    return [...new Set(this.sent.flatMap((m) => m.to))];
  }
}
