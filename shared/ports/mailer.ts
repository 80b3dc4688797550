/** One email, already rendered. Addresses are validated by the mailer before sending. */
export interface EmailMessage {
  readonly to: readonly string[];
  /** Single line: any CR/LF is removed by the mailer. */
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/**
 * Sends email. Contract: resolves with the provider's message id once the provider accepted
 * the message; throws MailError (with the cause) when it did not, including for an invalid
 * address, before anything is sent.
 */
export interface Mailer {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}
