/**
 * A day's report figures as plain data: what one local day's alerts came to at an instant,
 * small enough to store (a rollup) and mergeable into weeks and months: counts add up,
 * histograms add up (log-histogram.ts), source and group tallies add up per key, the breached
 * lists concatenate and are cut again.
 *
 * A rollup is `final` once every alert of its day was resolved and every delivery made (or
 * given up) when it was made: nothing in it can change any more, so a later report may reuse it. Otherwise it is rebuilt from the alerts.
 */
import type { OutcomeCounts } from '../sla/clock-outcome.ts';
import type { Priority } from '../sla/priority.ts';
import type { DeliveryDayData } from './delivery-tally.ts';
import type { HistogramData } from './log-histogram.ts';
import type { BreachedAlert, SourceCount } from './period-report.ts';

export interface ClockDayData {
  readonly outcomes: OutcomeCounts;
  readonly wall: HistogramData;
  readonly business: HistogramData;
}

export interface PriorityDayData {
  readonly opened: number;
  readonly acknowledgment: ClockDayData;
  readonly resolution: ClockDayData;
  readonly breaches: number;
  readonly resolvedBySourceUnacknowledged: number;
  readonly calendars: readonly string[];
  /** From the snapshot of the day's latest alert of the priority; null when it had none. */
  readonly allowedBreaches: number | null;
}

export interface GroupDayData {
  /** The label's value, null without it. */
  readonly group: string | null;
  readonly alerts: number;
  readonly acknowledgment: OutcomeCounts;
  readonly resolution: OutcomeCounts;
  readonly breaches: number;
  readonly mtta: HistogramData;
}

export interface DayRollup {
  /** Bumped when the shape changes: a rollup of another version is rebuilt, never misread. */
  readonly version: typeof ROLLUP_VERSION;
  readonly date: string;
  readonly timezone: string;
  readonly generatedAt: number;
  readonly final: boolean;
  /** The label the groups are of (`reporting.group_by`), or null. */
  readonly groupBy: string | null;
  readonly linkBaseUrl: string;
  readonly priorities: Readonly<Record<Priority, PriorityDayData>>;
  readonly groups: readonly GroupDayData[];
  readonly sources: readonly SourceCount[];
  /** At most MAX_BREACHED_LISTED, most urgent and oldest first. */
  readonly breached: readonly BreachedAlert[];
  readonly breachedCount: number;
  /** The deliveries of the day's alerts (delivery-tally.ts). */
  readonly deliveries: DeliveryDayData;
}

/** 2: deliveries added. */
export const ROLLUP_VERSION = 2;
