/**
 * Counts per alerting source (integration + source name) for the report's noisiest sources:
 * alerts opened, and deliveries received (repeats of a firing alert included, which is what
 * floods people). One small entry per distinct source seen on the day; a day has far fewer
 * sources than alerts. Ties rank by the other count, then by name, so a report is stable.
 */
import type { ReportView } from './report-view.ts';
import type { SourceCount } from './period-report.ts';

interface MutableSourceCount {
  integrationId: string;
  sourceName: string;
  alerts: number;
  deliveries: number;
}

export type SourceRanking = 'alerts' | 'deliveries';

function compareBy(ranking: SourceRanking): (a: SourceCount, b: SourceCount) => number {
  const other: SourceRanking = ranking === 'alerts' ? 'deliveries' : 'alerts';
  return (a, b) =>
    b[ranking] - a[ranking] ||
    b[other] - a[other] ||
    a.integrationId.localeCompare(b.integrationId) ||
    a.sourceName.localeCompare(b.sourceName);
}

export class SourceTally {
  private readonly sources = new Map<string, MutableSourceCount>();

  /** Adds one alert (its report view: `received` is how many deliveries its source made). */
  add(alert: Pick<ReportView, 'integrationId' | 'sourceName' | 'received'>): void {
    this.addCount({ integrationId: alert.integrationId, sourceName: alert.sourceName, alerts: 1, deliveries: alert.received });
  }

  /** Adds a count of another tally (a day's rollup into a week). */
  addCount(count: SourceCount): void {
    // NUL cannot appear in an integration id, so the key never confuses two sources.
    const key = `${count.integrationId}\u0000${count.sourceName}`;
    let entry = this.sources.get(key);
    if (entry === undefined) {
      entry = { integrationId: count.integrationId, sourceName: count.sourceName, alerts: 0, deliveries: 0 };
      this.sources.set(key, entry);
    }
    entry.alerts += count.alerts;
    entry.deliveries += count.deliveries;
  }

  /** The top `limit` by alerts and the top `limit` by deliveries, together (no duplicates). */
  kept(limit: number): SourceCount[] {
    const byAlerts = this.top(limit, 'alerts');
    const byDeliveries = this.top(limit, 'deliveries');
    const key = (s: SourceCount) => `${s.integrationId}\u0000${s.sourceName}`;
    const seen = new Set(byAlerts.map(key));
    return [...byAlerts, ...byDeliveries.filter((s) => !seen.has(key(s)))];
  }

  /** The `limit` sources ranking highest by `ranking`. */
  top(limit: number, ranking: SourceRanking): SourceCount[] {
    return [...this.sources.values()].sort(compareBy(ranking)).slice(0, limit).map((entry) => ({ ...entry }));
  }
}
