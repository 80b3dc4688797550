/**
 * Read-modify-write of one alert under optimistic concurrency. `change` decides from the
 * alert as stored; if the conditional write loses a race (VersionConflictError) the alert is
 * read again and `change` decides again, so concurrent writers (a response and a timer, two
 * responses, two deliveries of one timer) never overwrite each other and never act on a state
 * that is gone. Bounded: after `maxAttempts` the last conflict is thrown (a 5xx; the caller's
 * retry starts over).
 */
import type { Alert } from '../domain/alert/alert.ts';
import { NotFoundError, VersionConflictError } from '../errors.ts';
import type { AlertStore } from '../ports/alert-store.ts';

/** What to do with the alert as read: write `alert` (version + 1), or keep it as it is. */
export type Change<R> =
  | { readonly kind: 'write'; readonly alert: Alert; readonly result: R }
  | { readonly kind: 'keep'; readonly result: R };

export interface Changed<R> {
  /** The alert the successful decision was made from. */
  readonly before: Alert;
  /** The alert as stored afterwards (`before` when kept). */
  readonly after: Alert;
  readonly written: boolean;
  readonly result: R;
}

export interface RetryOptions {
  /** The alert already read, to save the first read. */
  readonly first?: Alert;
  readonly maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 20;

/** Throws NotFoundError when the alert does not exist; `change` may throw to refuse. */
export async function retryOnConflict<R>(
  store: AlertStore,
  alertId: string,
  change: (current: Alert) => Change<R>,
  options: RetryOptions = {},
): Promise<Changed<R>> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  let known = options.first;
  for (let attempt = 1; ; attempt += 1) {
    const current = known ?? (await store.get(alertId));
    known = undefined;
    if (current === null) throw new NotFoundError(`alert ${alertId} not found`);
    const decided = change(current);
    if (decided.kind === 'keep') return { before: current, after: current, written: false, result: decided.result };
    try {
      await store.update(decided.alert, current.version);
      return { before: current, after: decided.alert, written: true, result: decided.result };
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= maxAttempts) throw error;
    }
    await jitter(attempt);
  }
}

/** A short random pause that grows with the attempt, so racing writers spread out. */
function jitter(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(2 ** attempt, 50);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
