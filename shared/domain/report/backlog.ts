/**
 * The backlog: every alert not resolved at the report's instant, whatever day it was opened,
 * so a breach stays in every report until someone resolves it. Counts per priority (open,
 * breached, at risk) are complete; the list is the oldest first, cut at MAX_BACKLOG_LISTED
 * with a count of the rest. Alerts arrive oldest first (the store's open index), so the list
 * is simply the first ones seen.
 *
 * An open alert is `breached` when either clock is breached and still open, `at_risk` when
 * either is past its at-risk instant, else `on_track`. An acknowledgment closed by the source
 * is no longer running: only the resolution clock can then put the alert at risk.
 *
 * It counts open alerts' views (open-alert-view.ts), which the store's open index carries, so
 * a backlog of thousands costs index pages; only the listed alerts' titles are read whole,
 * and handed to `finish`.
 */
import type { Instant } from '../instant.ts';
import { openClockStates, type OpenAlertView } from '../metrics/open-alert-view.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
import { alertLink } from './day-tally.ts';
import { MAX_BACKLOG_LISTED, type Backlog, type BacklogCounts, type BacklogItem, type BacklogState, type SlaClockName } from './period-report.ts';

interface MutableCounts {
  open: number;
  breached: number;
  atRisk: number;
}

export class BacklogTally {
  private readonly byPriority: Record<Priority, MutableCounts> = {
    critical: { open: 0, breached: 0, atRisk: 0 },
    high: { open: 0, breached: 0, atRisk: 0 },
    medium: { open: 0, breached: 0, atRisk: 0 },
    low: { open: 0, breached: 0, atRisk: 0 },
  };
  private readonly items: Omit<BacklogItem, 'title'>[] = [];
  private seen = 0;

  constructor(
    private readonly now: Instant,
    private readonly linkBaseUrl: string,
  ) {}

  add(views: readonly OpenAlertView[]): void {
    for (const alert of views) {
      // The index is eventually consistent: an alert stored after `now` is not part of it.
      if (alert.createdAt > this.now) continue;
      const states = openClockStates(alert, this.now);
      const breachedClocks: SlaClockName[] = [];
      if (states.acknowledgment === 'breached') breachedClocks.push('acknowledgment');
      if (states.resolution === 'breached') breachedClocks.push('resolution');
      const atRisk = states.acknowledgment === 'at_risk' || states.resolution === 'at_risk';
      const state: BacklogState = breachedClocks.length > 0 ? 'breached' : atRisk ? 'at_risk' : 'on_track';
      const counts = this.byPriority[alert.priority];
      counts.open += 1;
      if (state === 'breached') counts.breached += 1;
      if (state === 'at_risk') counts.atRisk += 1;
      this.seen += 1;
      if (this.items.length < MAX_BACKLOG_LISTED) {
        this.items.push({
          id: alert.id,
          priority: alert.priority,
          status: alert.status,
          createdAt: alert.createdAt,
          state,
          breachedClocks,
          link: alertLink(this.linkBaseUrl, alert.id),
        });
      }
    }
  }

  /** The alerts listed, whose titles `finish` needs. */
  listedIds(): string[] {
    return this.items.map((item) => item.id);
  }

  /** The backlog, each listed alert titled from `titles` (by id; its id where none is known). */
  finish(titles: ReadonlyMap<string, string>): Backlog {
    const total: BacklogCounts = PRIORITIES.reduce(
      (sum, p) => ({ open: sum.open + this.byPriority[p].open, breached: sum.breached + this.byPriority[p].breached, atRisk: sum.atRisk + this.byPriority[p].atRisk }),
      { open: 0, breached: 0, atRisk: 0 },
    );
    const items = this.items
      .map((item) => ({ ...item, title: titles.get(item.id) ?? item.id }))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    return { total, byPriority: { ...this.byPriority }, items, omitted: this.seen - items.length };
  }
}
