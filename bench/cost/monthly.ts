/**
 * From what one simulated run counted to a month of `alertsPerMonth` alerts.
 *
 * Fixed monthly costs are told apart from what grows with alerts by measuring them: a sweep
 * that found nothing due, and a report over a day without alerts, cost the same every time
 * (an invocation, a query's minimum read, a log line, the report's email). Those are the runs
 * a month always has: one sweep every check interval, one report a day. Everything else the
 * run counted (the alerts' requests, timers, notifications, and what sweeps and reports did
 * beyond an empty run) is divided by the alerts simulated and multiplied by the month's.
 *
 * Storage is the steady state once resolved alerts start to expire: a month's alerts times
 * the months they are kept, at the size the run left them, in the table and, at the size of
 * what each index projects, in each index whose keys a resolved alert still has, plus
 * DynamoDB's 100 bytes per item and entry.
 */
import type { AppConfig } from '../../shared/config/app-config.ts';
import { GLOBAL_SECONDARY_INDEXES, PARTITION_KEY } from '../../shared/store/table-definition.ts';
import { projectedItem } from './dynamo-meter.ts';
import { average, Counts } from './counts.ts';
import { itemSize } from './item-size.ts';
import type { LifecycleResult, RunRecord } from './lifecycle.ts';
import { ASSUMPTIONS } from './prices.ts';

export interface MonthEstimate {
  readonly alertsPerMonth: number;
  /** What one alert costs, sweeps and reports included beyond their empty runs. */
  readonly perAlert: Counts;
  readonly emptySweep: Counts;
  readonly emptyReport: Counts;
  readonly sweepsPerMonth: number;
  readonly reportsPerMonth: number;
  /** Everything counted for the month. */
  readonly month: Counts;
  /** Steady-state bytes kept: the table's items, and the index entries. */
  readonly storage: { readonly tableBytes: number; readonly indexBytes: number; readonly alertsKept: number; readonly meanItemBytes: number };
}

function emptyRuns(runs: readonly RunRecord[], what: string): Counts {
  const empty = runs.filter((run) => run.alerts === 0);
  if (empty.length === 0) throw new Error(`no ${what} run found nothing to do: start the simulation before the first alert`);
  return average(empty.map((run) => run.counts));
}

export function estimateMonth(result: LifecycleResult, config: AppConfig, alertsPerMonth: number = ASSUMPTIONS.alertsPerMonth): MonthEstimate {
  const { daysPerMonth, storageOverheadBytes, retentionDays } = ASSUMPTIONS;
  const emptySweep = emptyRuns(result.sweeps, 'sweeper');
  const emptyReport = result.reports.length === 0 ? new Counts() : emptyRuns(result.reports, 'report');
  const alertCaused = result.byScope.alerts
    .plus(result.byScope.sweep.minus(emptySweep.times(result.sweeps.length)))
    .plus(result.byScope.report.minus(emptyReport.times(result.reports.length)));
  const perAlert = alertCaused.times(1 / result.alerts);
  const sweepsPerMonth = (daysPerMonth * 86_400) / config.monitoring.checkIntervalSeconds;
  const reportsPerMonth = config.reporting.enabled ? daysPerMonth : 0;
  const month = perAlert.times(alertsPerMonth).plus(emptySweep.times(sweepsPerMonth)).plus(emptyReport.times(reportsPerMonth));

  const sizes = result.alertItems.map(itemSize);
  const meanItemBytes = sizes.reduce((sum, size) => sum + size, 0) / Math.max(1, sizes.length);
  const indexBytesPerAlert =
    result.alertItems.reduce(
      (sum, item) =>
        sum +
        GLOBAL_SECONDARY_INDEXES.filter((index) => item[index.partitionKey.name] !== undefined && item[index.sortKey.name] !== undefined).reduce(
          (entries, index) => entries + itemSize(projectedItem(index, PARTITION_KEY.name, item)) + storageOverheadBytes,
          0,
        ),
      0,
    ) / Math.max(1, result.alertItems.length);
  const alertsKept = alertsPerMonth * (retentionDays / daysPerMonth);
  const entryBytes = meanItemBytes + storageOverheadBytes;
  return {
    alertsPerMonth,
    perAlert,
    emptySweep,
    emptyReport,
    sweepsPerMonth,
    reportsPerMonth,
    month,
    storage: { tableBytes: alertsKept * entryBytes, indexBytes: alertsKept * indexBytesPerAlert, alertsKept, meanItemBytes },
  };
}
