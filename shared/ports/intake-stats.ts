/**
 * What each integration's intake has seen: deliveries accepted and rejected, when it last
 * delivered, and why the last rejection was refused (the 401 or 422 a user is debugging).
 * One small record per integration.
 *
 * Contract: `record*` are counters (an atomic ADD, no condition, never a read first): cheap,
 * commutative, safe to run concurrently; a retry may count a delivery twice, which a
 * debugging aid tolerates. Any failure throws StoreUnavailableError; callers treat the stats
 * as best effort and never fail an intake for them. `read` returns a record for every id
 * asked (zeros for one never seen).
 */
import type { Instant } from '../domain/instant.ts';

export interface IntegrationIntakeStats {
  readonly integrationId: string;
  readonly accepted: number;
  readonly rejected: number;
  readonly lastAcceptedAt: Instant | null;
  readonly lastRejectedAt: Instant | null;
  /** `401: invalid secret`, `422: alerts[0].labels: ...` (short, no secret). */
  readonly lastRejection: string | null;
}

export interface IntakeStatsStore {
  recordAccepted(integrationId: string, count: number, at: Instant): Promise<void>;
  recordRejected(integrationId: string, reason: string, at: Instant): Promise<void>;
  read(integrationIds: readonly string[]): Promise<readonly IntegrationIntakeStats[]>;
}
