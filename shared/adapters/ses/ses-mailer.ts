/**
 * Mailer on Amazon SES (API v1 `SendEmail`): HTML and text bodies in UTF-8. Every address is
 * checked before the request is made, so an invalid one is a MailError and nothing is sent;
 * any SDK failure (throttling, an unverified address in the sandbox, the network) becomes a
 * MailError keeping the SDK error as its cause, marked transient or not (ses-failure.ts). The
 * client comes from the composition root.
 *
 * Every string handed to the SDK is well-formed Unicode (lone surrogates become U+FFFD), not
 * only for this message's sake: the SDK's query-protocol serializer (SES v1 speaks awsQuery)
 * keeps one text buffer per client and empties it only when a request is fully written. A
 * lone surrogate made its URL encoder throw `URIError` halfway, leaving this message's first
 * fields in the buffer, and the next, unrelated message was sent with them glued in front of
 * its own (the emulator answered 400, which the SDK read as "XML parse error"; SES could have
 * taken the first message's fields). Intake already cleans text (clean-text.ts); this keeps
 * anything that reaches the mailer another way (a report, stored data) from poisoning the
 * client, so one message's content can never touch another message.
 */
import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { MailError } from '../../errors.ts';
import type { EmailMessage, Mailer } from '../../ports/mailer.ts';
import { isValidEmailAddress, isValidSender } from './email-address.ts';
import { classifySesFailure } from './ses-failure.ts';

export interface SesMailerOptions {
  readonly client: SESClient;
  /** Sender: a bare address or `Name <address>`, verified in SES. */
  readonly from: string;
  readonly configurationSet?: string;
}

const CHARSET = 'UTF-8';
/** SES refuses more than 50 recipients in one message. */
const MAX_RECIPIENTS = 50;

/** Subjects are headers: one line, no control characters. */
function headerSafe(subject: string): string {
  // eslint-disable-next-line no-control-regex -- the point is to remove control characters
  return subject.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '').trim();
}

export class SesMailer implements Mailer {
  constructor(private readonly options: SesMailerOptions) {}

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const { client, from, configurationSet } = this.options;
    if (!isValidSender(from)) throw new MailError('invalid sender address in configuration');
    if (message.to.length === 0) throw new MailError('an email needs at least one recipient');
    if (message.to.length > MAX_RECIPIENTS) throw new MailError(`an email may have at most ${MAX_RECIPIENTS} recipients`);
    const invalid = message.to.filter((address) => !isValidEmailAddress(address));
    if (invalid.length > 0) {
      // JSON.stringify shows a stray CR/LF as \r\n instead of letting it into a log line.
      throw new MailError(`invalid recipient address: ${invalid.map((a) => JSON.stringify(a.slice(0, 100))).join(', ')}`);
    }
    const subject = headerSafe(message.subject.toWellFormed());
    if (subject === '') throw new MailError('an email needs a subject');
    const command = new SendEmailCommand({
      Source: from,
      Destination: { ToAddresses: [...message.to] },
      Message: {
        Subject: { Data: subject, Charset: CHARSET },
        Body: { Html: { Data: message.html.toWellFormed(), Charset: CHARSET }, Text: { Data: message.text.toWellFormed(), Charset: CHARSET } },
      },
      ...(configurationSet === undefined ? {} : { ConfigurationSetName: configurationSet }),
    });
    let messageId: string | undefined;
    try {
      ({ MessageId: messageId } = await client.send(command));
    } catch (error) {
      const failure = classifySesFailure(error);
      throw new MailError(failure.unverified ? `${failure.summary} (the SES sandbox sends only to verified addresses)` : failure.summary, error, {
        transient: failure.transient,
      });
    }
    if (messageId === undefined) throw new MailError('SES accepted the email but returned no message id');
    return { messageId };
  }
}
