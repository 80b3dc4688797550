/**
 * Rules every AlertStore applies before a write, shared by the DynamoDB store and the
 * in-memory one so both refuse the same writes the same way.
 *
 * Size: an alert is one item, and a DynamoDB item holds at most 400 KB (its index copies
 * too). An alert grows only by its responses (at most MAX_RESPONSES) and notification
 * failures; a document past MAX_ALERT_DOC_BYTES (room left for the index attributes) is
 * refused with ConflictError, a clear 409, instead of a DynamoDB ValidationException
 * surfacing as "store unavailable" and being retried forever.
 *
 * Versions: an update carries `expectedVersion + 1`; anything else is a programming error,
 * as is a page size that is not a positive integer.
 */
import type { Alert } from '../domain/alert/alert.ts';
import { ConflictError, InvalidRequestError } from '../errors.ts';

export const MAX_ALERT_DOC_BYTES = 350 * 1024;

/** Throws ConflictError when the serialized alert is too large to store. */
export function assertAlertFits(alertId: string, doc: string): void {
  const bytes = Buffer.byteLength(doc, 'utf8');
  if (bytes > MAX_ALERT_DOC_BYTES) {
    throw new ConflictError(`alert ${alertId} is too large to store (${bytes} bytes, at most ${MAX_ALERT_DOC_BYTES}): no more responses can be recorded on it`);
  }
}

/** Throws RangeError unless the alert's version is `expectedVersion + 1`. */
export function assertVersionStep(alert: Alert, expectedVersion: number): void {
  if (alert.version !== expectedVersion + 1) {
    throw new RangeError(`update of alert ${alert.id} must carry version ${expectedVersion + 1}, got ${alert.version}`);
  }
}

/** Throws RangeError unless a page size / limit is a positive integer. */
export function assertPageSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
}

/** A list cursor a client sent back that no store made: the client's mistake (HTTP 400). */
export function invalidCursor(): InvalidRequestError {
  return new InvalidRequestError('invalid cursor', ['cursor']);
}
