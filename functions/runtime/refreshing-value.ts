/**
 * A value read from somewhere slow (the Secrets Manager secret) and kept for `maxAgeMs`, then
 * read again on the next use: a warm Lambda picks up a changed secret within that interval
 * instead of only at its next cold start. A read that fails keeps the value it had (logged at
 * `warn`): serving a few more minutes with the secret of a moment ago beats failing every request
 * while Secrets Manager is briefly unreachable. The first read happens at cold start and is not
 * covered by this: a cold start without its secret fails.
 */
import type { Clock } from '../../shared/ports/clock.ts';
import type { Logger } from '../../shared/ports/logger.ts';

export class RefreshingValue<T> {
  private value: T;
  private readAt: number;
  private pending: Promise<T> | null = null;

  constructor(
    private readonly options: { readonly load: () => Promise<T>; readonly maxAgeMs: number; readonly clock: Clock; readonly logger: Logger; readonly what: string },
    initial: T,
  ) {
    this.value = initial;
    this.readAt = options.clock.now();
  }

  /** The value, read again first when it is older than maxAgeMs; concurrent callers share one read. */
  async get(): Promise<T> {
    if (this.options.clock.now() - this.readAt < this.options.maxAgeMs) return this.value;
    this.pending ??= this.reload();
    return this.pending;
  }

  private async reload(): Promise<T> {
    try {
      this.value = await this.options.load();
    } catch (error) {
      this.options.logger.warn(`${this.options.what} not refreshed: keeping the value read before`, { error });
    } finally {
      // A failed read is tried again one interval later, not on every request.
      this.readAt = this.options.clock.now();
      this.pending = null;
    }
    return this.value;
  }
}
