/**
 * A Mailer that refuses to mail a suppressed address (a permanent bounce or a complaint SES
 * reported; ports/suppression-list.ts) and hands everything else to the mailer it wraps. The
 * refusal is a permanent MailError naming the address as suppressed, so the delivery fails at
 * once and the reason is recorded on it; SES is never asked, so the bounce or complaint rate
 * the account is judged on does not grow. A store that cannot answer means no email yet: a
 * transient failure, retried like a throttled send.
 */
import { MailError } from '../../errors.ts';
import type { EmailMessage, Mailer } from '../../ports/mailer.ts';
import type { SuppressionList } from '../../ports/suppression-list.ts';

export class SuppressingMailer implements Mailer {
  constructor(
    private readonly mailer: Mailer,
    private readonly suppressions: SuppressionList,
  ) {}

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    let suppressed: ReadonlySet<string>;
    try {
      suppressed = await this.suppressions.suppressedAmong(message.to);
    } catch (error) {
      throw new MailError('could not check the suppression list; not mailed', error, { transient: true });
    }
    const refused = message.to.filter((address) => suppressed.has(address.trim().toLowerCase()));
    if (refused.length > 0) {
      throw new MailError(`recipient suppressed after a bounce or complaint: ${refused.map((a) => JSON.stringify(a.slice(0, 100))).join(', ')}`);
    }
    return this.mailer.send(message);
  }
}
