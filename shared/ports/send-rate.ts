import type { Instant } from '../domain/instant.ts';

/**
 * A send rate shared by every sender process (all Lambdas, every local loop), one per key
 * (`email`, `slack:<destination>`). Contract: `reserve` hands out send slots at most
 * `perSecond` apart in time across all callers and returns the instant the caller may send
 * at (`now` or later); when the next free slot is more than `maxWaitMs` away it reserves
 * nothing and returns null (the caller tries later). A store failure throws
 * StoreUnavailableError.
 */
export interface SendRate {
  reserve(key: string, perSecond: number, now: Instant, maxWaitMs: number): Promise<Instant | null>;
}
