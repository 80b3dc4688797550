/**
 * Aggregates one local day's alerts as they stream past, page by page: each alert evaluated
 * once at the report's instant (`evaluateAlertSla`, so a person's answer is told from its
 * source's), leaving only counters, histograms, exact durations (for the daily report's exact
 * percentiles: 8 bytes a value, see duration-samples.ts), a tally per source and per group,
 * and at most 2 x MAX_BREACHED_LISTED breached records (kept whatever `include_details` says,
 * so a stored rollup serves either setting). Alerts outside the day are ignored:
 * the store reads whole UTC days of its index and may hand over neighbours.
 *
 * `rollup()` gives the day as mergeable data (day-rollup.ts); `exactTimes()` the exact
 * nearest-rank percentiles the daily report shows.
 */
import { AROUND_THE_CLOCK } from '../calendar/calendar-spec.ts';
import type { Instant } from '../instant.ts';
import { clockOutcome, isBreachOutcome, NO_OUTCOMES, type ClockOutcome } from '../sla/clock-outcome.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
import type { ClockEvaluation, SlaEvaluation } from '../sla/sla-evaluation.ts';
import type { DayRollup, GroupDayData, PriorityDayData } from './day-rollup.ts';
import { ROLLUP_VERSION } from './day-rollup.ts';
import { DeliveryTally } from './delivery-tally.ts';
import { DurationSamples, type DurationSummary } from './duration-samples.ts';
import { LogHistogram } from './log-histogram.ts';
import { MAX_BREACHED_LISTED, type BreachedAlert, type BreachedClock, type ResponseTimes, type SlaClockName } from './period-report.ts';
import { evaluateView, type ReportView } from './report-view.ts';
import { SourceTally } from './source-tally.ts';

/**
 * Sources a rollup keeps: the top this many by alerts and by deliveries. A day with thousands
 * of sources would otherwise fill its item; a week's noisiest are then those among each day's
 * top, which is where the noisiest of a week are.
 */
const ROLLUP_SOURCES = 50;

export interface DayTallyOptions {
  readonly date: string;
  readonly timezone: string;
  readonly fromAt: Instant;
  readonly toAt: Instant;
  /** The instant every alert is evaluated at. */
  readonly now: Instant;
  readonly linkBaseUrl: string;
  /** Label to group by (config `reporting.group_by`), or null. */
  readonly groupBy: string | null;
}

type Counts = Record<ClockOutcome, number>;

class ClockTally {
  readonly outcomes: Counts = { ...NO_OUTCOMES };
  readonly wallHistogram = new LogHistogram();
  readonly businessHistogram = new LogHistogram();
  readonly wall = new DurationSamples();
  readonly business = new DurationSamples();

  /** `timed`: whether the answer counts in the response times (MTTA: only a person's). */
  add(createdAt: Instant, evaluation: ClockEvaluation, onCalendar: boolean, timed: boolean): ClockOutcome {
    const outcome = clockOutcome(evaluation);
    this.outcomes[outcome] += 1;
    if (timed && evaluation.answeredAt !== null) {
      const wallMs = evaluation.answeredAt - createdAt;
      this.wall.push(wallMs);
      this.wallHistogram.add(wallMs);
      if (onCalendar) {
        this.business.push(evaluation.businessElapsedMs);
        this.businessHistogram.add(evaluation.businessElapsedMs);
      }
    }
    return outcome;
  }

  data() {
    return { outcomes: { ...this.outcomes }, wall: this.wallHistogram.toData(), business: this.businessHistogram.toData() };
  }

  times(): ResponseTimes {
    return { wall: this.wall.summary(), business: this.business.summary() };
  }
}

class PriorityDayTally {
  opened = 0;
  breaches = 0;
  resolvedBySourceUnacknowledged = 0;
  readonly acknowledgment = new ClockTally();
  readonly resolution = new ClockTally();
  readonly calendars = new Set<string>();
  allowedBreaches: number | null = null;
  private allowedFromCreatedAt = Number.NEGATIVE_INFINITY;

  add(alert: ReportView, evaluation: SlaEvaluation): boolean {
    const onCalendar = alert.calendarName !== null;
    this.opened += 1;
    this.calendars.add(alert.calendarName ?? AROUND_THE_CLOCK);
    const ack = this.acknowledgment.add(alert.createdAt, evaluation.acknowledgment, onCalendar, evaluation.acknowledgment.answeredBy === 'person');
    const res = this.resolution.add(alert.createdAt, evaluation.resolution, onCalendar, true);
    if (evaluation.resolution.answeredAt !== null && evaluation.acknowledgment.answeredBy === 'source') this.resolvedBySourceUnacknowledged += 1;
    if (alert.createdAt >= this.allowedFromCreatedAt) {
      this.allowedFromCreatedAt = alert.createdAt;
      this.allowedBreaches = alert.allowedBreaches;
    }
    const breached = isBreachOutcome(ack) || isBreachOutcome(res);
    if (breached) this.breaches += 1;
    return breached;
  }

  data(): PriorityDayData {
    return {
      opened: this.opened,
      acknowledgment: this.acknowledgment.data(),
      resolution: this.resolution.data(),
      breaches: this.breaches,
      resolvedBySourceUnacknowledged: this.resolvedBySourceUnacknowledged,
      calendars: [...this.calendars].sort(),
      allowedBreaches: this.allowedBreaches,
    };
  }
}

class GroupDayTally {
  alerts = 0;
  breaches = 0;
  readonly acknowledgment: Counts = { ...NO_OUTCOMES };
  readonly resolution: Counts = { ...NO_OUTCOMES };
  readonly mtta = new LogHistogram();
  readonly mttaExact = new DurationSamples();

  constructor(readonly group: string | null) {}

  add(alert: ReportView, evaluation: SlaEvaluation, breached: boolean): void {
    this.alerts += 1;
    if (breached) this.breaches += 1;
    this.acknowledgment[clockOutcome(evaluation.acknowledgment)] += 1;
    this.resolution[clockOutcome(evaluation.resolution)] += 1;
    const ack = evaluation.acknowledgment;
    if (ack.answeredBy === 'person' && ack.answeredAt !== null) {
      this.mtta.add(ack.answeredAt - alert.createdAt);
      this.mttaExact.push(ack.answeredAt - alert.createdAt);
    }
  }

  data(): GroupDayData {
    return {
      group: this.group,
      alerts: this.alerts,
      acknowledgment: { ...this.acknowledgment },
      resolution: { ...this.resolution },
      breaches: this.breaches,
      mtta: this.mtta.toData(),
    };
  }
}

function breachedClock(clock: SlaClockName, evaluation: ClockEvaluation): BreachedClock[] {
  const outcome = clockOutcome(evaluation);
  if (outcome !== 'missed' && outcome !== 'breached_open') return [];
  return [{ clock, outcome, deadlineAt: evaluation.deadlineAt, overrunMs: evaluation.overrunMs }];
}

export function byUrgencyThenAge(a: BreachedAlert, b: BreachedAlert): number {
  return PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** Link to an alert in the API. */
export function alertLink(baseUrl: string, id: string): string {
  return `${baseUrl}/alerts/${encodeURIComponent(id)}`;
}

export class DayTally {
  private readonly priorities: Readonly<Record<Priority, PriorityDayTally>> = {
    critical: new PriorityDayTally(),
    high: new PriorityDayTally(),
    medium: new PriorityDayTally(),
    low: new PriorityDayTally(),
  };
  private readonly groups = new Map<string | null, GroupDayTally>();
  private readonly sources = new SourceTally();
  private readonly deliveries = new DeliveryTally();
  private breached: BreachedAlert[] = [];
  private breachedCount = 0;
  private unresolved = 0;

  constructor(private readonly options: DayTallyOptions) {}

  /** Adds alerts' report views (report-view.ts) made with this tally's `groupBy`. */
  add(alerts: readonly ReportView[]): void {
    const { fromAt, toAt, now, groupBy } = this.options;
    for (const alert of alerts) {
      if (alert.createdAt < fromAt || alert.createdAt >= toAt) continue;
      if ((alert.group?.by ?? null) !== groupBy) throw new TypeError(`report view of ${alert.id} is grouped by ${alert.group?.by ?? 'nothing'}, the day by ${groupBy ?? 'nothing'}`);
      const evaluation = evaluateView(alert, now);
      const breached = this.priorities[alert.priority].add(alert, evaluation);
      if (alert.resolvedAt === null || alert.resolvedAt > now) this.unresolved += 1;
      this.sources.add(alert);
      this.deliveries.add(alert.deliveries);
      if (groupBy !== null) this.group(alert.group?.value ?? null).add(alert, evaluation, breached);
      if (breached) {
        this.breachedCount += 1;
        this.keepBreached(this.breachRecord(alert, evaluation));
      }
    }
  }

  rollup(): DayRollup {
    const { date, timezone, now, groupBy, linkBaseUrl } = this.options;
    const priorities = Object.fromEntries(PRIORITIES.map((p) => [p, this.priorities[p].data()])) as Record<Priority, PriorityDayData>;
    return {
      version: ROLLUP_VERSION,
      date,
      timezone,
      generatedAt: now,
      // Complete and settled: the day is over and nothing in it can change any more.
      final: this.unresolved === 0 && !this.deliveries.hasOpen && now >= this.options.toAt,
      groupBy,
      linkBaseUrl,
      priorities,
      groups: [...this.groups.values()].map((g) => g.data()),
      sources: this.sources.kept(ROLLUP_SOURCES),
      breached: this.listedBreaches(),
      breachedCount: this.breachedCount,
      deliveries: this.deliveries.data(),
    };
  }

  /** Exact nearest-rank MTTA and MTTR per priority, and MTTA per group (keyed by value, '' for none). */
  exactTimes(): ExactTimes {
    const priorities = Object.fromEntries(
      PRIORITIES.map((p) => [p, { mtta: this.priorities[p].acknowledgment.times(), mttr: this.priorities[p].resolution.times() }]),
    ) as ExactTimes['priorities'];
    const groups = new Map<string | null, DurationSummary | null>();
    for (const [key, tally] of this.groups) groups.set(key, tally.mttaExact.summary());
    return { priorities, groups };
  }

  private group(value: string | null): GroupDayTally {
    let tally = this.groups.get(value);
    if (tally === undefined) {
      tally = new GroupDayTally(value);
      this.groups.set(value, tally);
    }
    return tally;
  }

  private keepBreached(record: BreachedAlert): void {
    this.breached.push(record);
    if (this.breached.length >= 2 * MAX_BREACHED_LISTED) this.breached = this.listedBreaches();
  }

  private listedBreaches(): BreachedAlert[] {
    return [...this.breached].sort(byUrgencyThenAge).slice(0, MAX_BREACHED_LISTED);
  }

  private breachRecord(alert: ReportView, evaluation: SlaEvaluation): BreachedAlert {
    return {
      id: alert.id,
      title: alert.title,
      priority: alert.priority,
      status: alert.status,
      createdAt: alert.createdAt,
      clocks: [...breachedClock('acknowledgment', evaluation.acknowledgment), ...breachedClock('resolution', evaluation.resolution)],
      link: alertLink(this.options.linkBaseUrl, alert.id),
    };
  }
}

export interface ExactTimes {
  readonly priorities: Readonly<Record<Priority, { readonly mtta: ResponseTimes; readonly mttr: ResponseTimes }>>;
  readonly groups: ReadonlyMap<string | null, DurationSummary | null>;
}
