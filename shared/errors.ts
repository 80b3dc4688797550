/**
 * Typed errors. Each carries a stable `code` and, where it wraps a lower-level failure, the
 * original as `cause`. One place at the HTTP edge (shared/http/error-response.ts) maps codes
 * to statuses; a 5xx body never says anything internal.
 */
export type ErrorCode =
  | 'invalid_request'
  | 'unprocessable'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'version_conflict'
  | 'already_exists'
  | 'store_unavailable'
  | 'timers_unavailable'
  | 'queue_unavailable'
  | 'mail_failed'
  | 'chat_failed'
  | 'config_invalid';

export class SlaWatchError extends Error {
  readonly code: ErrorCode;
  /** Problems a client can fix, each naming what is wrong and where (e.g. `alerts[0].labels`). */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: readonly string[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? [];
  }
}

/** The request can never succeed as sent (malformed JSON, wrong shape). HTTP 400. */
export class InvalidRequestError extends SlaWatchError {
  constructor(message: string, details: readonly string[] = []) {
    super('invalid_request', message, { details });
  }
}

/** Well-formed but missing or wrong fields, each listed. HTTP 422. */
export class UnprocessableError extends SlaWatchError {
  constructor(message: string, details: readonly string[]) {
    super('unprocessable', message, { details });
  }
}

export class UnauthorizedError extends SlaWatchError {
  constructor(message = 'missing or invalid credentials') {
    super('unauthorized', message);
  }
}

export class NotFoundError extends SlaWatchError {
  constructor(message: string) {
    super('not_found', message);
  }
}

/** The request conflicts with the resource's state (e.g. a response after resolution). HTTP 409. */
export class ConflictError extends SlaWatchError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class PayloadTooLargeError extends SlaWatchError {
  constructor(limitBytes: number) {
    super('payload_too_large', `body is larger than ${limitBytes} bytes`);
  }
}

export class UnsupportedMediaTypeError extends SlaWatchError {
  constructor(message: string) {
    super('unsupported_media_type', message);
  }
}

/** A conditional write lost a race: the item changed since it was read. Callers re-read and retry. */
export class VersionConflictError extends SlaWatchError {
  constructor(message: string, cause?: unknown) {
    super('version_conflict', message, { cause });
  }
}

/** A create found the item already there. */
export class AlreadyExistsError extends SlaWatchError {
  constructor(message: string, cause?: unknown) {
    super('already_exists', message, { cause });
  }
}

/** The store could not be reached or refused for a reason that is not the caller's. HTTP 503. */
export class StoreUnavailableError extends SlaWatchError {
  constructor(message: string, cause?: unknown) {
    super('store_unavailable', message, { cause });
  }
}

export class TimersUnavailableError extends SlaWatchError {
  constructor(message: string, cause?: unknown) {
    super('timers_unavailable', message, { cause });
  }
}

/** How a provider failure may be retried: transient ones may succeed later, others never. */
export interface DeliveryFailureKind {
  /** Throttling, 5xx, network, timeout: worth trying again later. */
  readonly transient?: boolean;
  /** The provider's Retry-After, when it gave one. */
  readonly retryAfterMs?: number | null;
}

/** The delivery queue could not take a message (the deliveries are stored regardless). */
export class QueueUnavailableError extends SlaWatchError {
  constructor(message: string, cause?: unknown) {
    super('queue_unavailable', message, { cause });
  }
}

export class MailError extends SlaWatchError {
  readonly transient: boolean;

  constructor(message: string, cause?: unknown, kind: DeliveryFailureKind = {}) {
    super('mail_failed', message, { cause });
    this.transient = kind.transient ?? false;
  }
}

export class ChatError extends SlaWatchError {
  readonly transient: boolean;
  readonly retryAfterMs: number | null;

  constructor(message: string, cause?: unknown, kind: DeliveryFailureKind = {}) {
    super('chat_failed', message, { cause });
    this.transient = kind.transient ?? false;
    this.retryAfterMs = kind.retryAfterMs ?? null;
  }
}

/** Configuration problems, every one with its path (e.g. `sla.definitions.high.calendar`). */
export class ConfigError extends SlaWatchError {
  constructor(details: readonly string[]) {
    super('config_invalid', `invalid configuration:\n${details.map((d) => `  - ${d}`).join('\n')}`, { details });
  }
}
