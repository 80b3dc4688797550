/**
 * Which SES failures may succeed later. SES answers `Throttling` ("Maximum sending rate
 * exceeded") past the account's rate, 5xx when it has trouble; the network may fail or time
 * out: all transient. `MessageRejected` (an unverified address in the sandbox, a suppressed
 * or refused recipient), `MailFromDomainNotVerified`, `ConfigurationSetDoesNotExist` will not
 * improve by waiting: permanent. Unknown 4xx are permanent too; unknown failures without an
 * HTTP answer (a socket closed) are transient.
 */
const TRANSIENT_NAMES = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'ServiceUnavailable', 'InternalFailure', 'RequestTimeout', 'TimeoutError']);

export interface SesFailure {
  readonly transient: boolean;
  /** One line for the delivery record and the log: the error's name and message. */
  readonly summary: string;
  /** The SES sandbox refused an unverified address: said plainly in the log. */
  readonly unverified: boolean;
}

function statusOf(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return metadata?.httpStatusCode;
}

export function classifySesFailure(error: unknown): SesFailure {
  const name = error instanceof Error ? error.name : 'UnknownError';
  const message = error instanceof Error ? error.message : String(error);
  const status = statusOf(error);
  const throttled = TRANSIENT_NAMES.has(name) || /maximum sending rate exceeded/i.test(message);
  const transient = throttled || (status !== undefined && status >= 500) || (status === undefined && name !== 'MessageRejected');
  const summary = `SES ${name}${message === '' ? '' : `: ${message.replace(/\s+/g, ' ').slice(0, 200)}`}`;
  return { transient, summary, unverified: name === 'MessageRejected' && /not verified/i.test(message) };
}
