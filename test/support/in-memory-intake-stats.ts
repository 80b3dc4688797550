/** Intake counters in memory, with the port's semantics (counters only, zeros for unseen ids). */
import type { Instant } from '../../shared/domain/instant.ts';
import type { IntakeStatsStore, IntegrationIntakeStats } from '../../shared/ports/intake-stats.ts';

export class InMemoryIntakeStats implements IntakeStatsStore {
  private readonly records = new Map<string, IntegrationIntakeStats>();

  private current(id: string): IntegrationIntakeStats {
    return this.records.get(id) ?? { integrationId: id, accepted: 0, rejected: 0, lastAcceptedAt: null, lastRejectedAt: null, lastRejection: null };
  }

  async recordAccepted(integrationId: string, count: number, at: Instant): Promise<void> {
    const r = this.current(integrationId);
    this.records.set(integrationId, { ...r, accepted: r.accepted + count, lastAcceptedAt: at });
  }

  async recordRejected(integrationId: string, reason: string, at: Instant): Promise<void> {
    const r = this.current(integrationId);
    this.records.set(integrationId, { ...r, rejected: r.rejected + 1, lastRejectedAt: at, lastRejection: reason });
  }

  async read(integrationIds: readonly string[]): Promise<readonly IntegrationIntakeStats[]> {
    return integrationIds.map((id) => this.current(id));
  }
}
