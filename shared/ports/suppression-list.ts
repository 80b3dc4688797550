/**
 * Addresses that must not be mailed: SES reported a permanent bounce or a complaint for them.
 * Mailing them again would hurt the sender's reputation (SES pauses accounts whose bounce or
 * complaint rate climbs), so an address stays suppressed until an operator clears it.
 *
 * Contract: addresses compare case-insensitively. `suppress` is idempotent (a later event for
 * the same address replaces the earlier record). Every method throws StoreUnavailableError
 * (with the cause) when the store cannot answer; a caller about to mail must then not mail.
 */
import type { Instant } from '../domain/instant.ts';

export type SuppressionReason = 'bounce' | 'complaint';

export interface Suppression {
  readonly address: string;
  readonly reason: SuppressionReason;
  readonly at: Instant;
  /** What SES said (bounce subtype, complaint feedback type): for the operator, never parsed. */
  readonly detail: string;
}

export interface SuppressionList {
  isSuppressed(address: string): Promise<boolean>;
  /** The suppressed ones among `addresses` (at most 100), lower-cased. */
  suppressedAmong(addresses: readonly string[]): Promise<ReadonlySet<string>>;
  suppress(entry: Suppression): Promise<void>;
  /** Lets the address be mailed again. */
  clear(address: string): Promise<void>;
}
