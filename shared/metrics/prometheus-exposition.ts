/**
 * The figures in the Prometheus text format, written by prom-client into a fresh Registry
 * for every computation: no global registry, no default process metrics (a Lambda's would
 * describe one short-lived instance, not sla-watch), no state kept between scrapes.
 *
 * The response-time histograms arrive already bucketed (response-time-histogram.ts): they are
 * handed to prom-client as the values of a histogram (`AggregatorRegistry.aggregate`, its way of
 * building a registry from metric values) rather than replayed through `observe()`, which on a
 * day of 100,000 alerts took longer than every other figure together.
 */
import { AggregatorRegistry, Gauge, Registry, type PrometheusContentType } from 'prom-client';
import type { MetricsFigures } from '../app/collect-metrics.ts';
import { DELIVERY_CHANNELS, DELIVERY_HEALTH } from '../domain/metrics/delivery-figures.ts';
import { OPEN_CLOCK_STATES, OPEN_STATUSES, SLA_CLOCKS, type SlaClock } from '../domain/metrics/open-alert-figures.ts';
import type { HistogramSnapshot } from '../domain/metrics/response-time-histogram.ts';
import { CLOCK_OUTCOMES } from '../domain/sla/clock-outcome.ts';
import { PRIORITIES } from '../domain/sla/priority.ts';
import { METRIC } from './metric-names.ts';

export interface Exposition {
  readonly contentType: string;
  readonly text: string;
}

export async function renderExposition(figures: MetricsFigures): Promise<Exposition> {
  const registry = new Registry();
  const registers = [registry];
  const { open, today, deliveries } = figures;
  const todayNote = "today (the daily report's local day, in its time zone)";

  const alertsOpen = new Gauge({ name: METRIC.alertsOpen, help: 'Alerts not yet resolved, by priority and status.', labelNames: ['priority', 'status'], registers });
  const slaState = new Gauge({
    name: METRIC.slaState,
    help: 'Running SLA clocks of alerts not yet resolved, by priority, clock and state (compliant, at_risk, breached).',
    labelNames: ['priority', 'clock', 'state'],
    registers,
  });
  const opened = new Gauge({ name: METRIC.alertsOpenedToday, help: `Alerts opened ${todayNote}, by priority.`, labelNames: ['priority'], registers });
  const outcomes = new Gauge({
    name: METRIC.slaOutcomesToday,
    help: `SLA clock outcomes of the alerts opened ${todayNote}: met, missed, breached_open, pending.`,
    labelNames: ['priority', 'clock', 'outcome'],
    registers,
  });
  const budgetUsed = new Gauge({ name: METRIC.breachBudgetUsed, help: `Alerts opened ${todayNote} that breached an SLA, by priority.`, labelNames: ['priority'], registers });
  const budgetAllowed = new Gauge({ name: METRIC.breachBudgetAllowed, help: 'Breaches allowed per day by the policy (allowed_breaches), by priority.', labelNames: ['priority'], registers });
  const lateness = new Gauge({ name: METRIC.oldestDueTimerLateness, help: 'How long the oldest pending timer has been due without being handled (0 when none is).', registers });
  const computedAt = new Gauge({ name: METRIC.computedAt, help: 'When these figures were computed from the store (they are cached for a few seconds).', registers });

  for (const priority of PRIORITIES) {
    for (const status of OPEN_STATUSES) alertsOpen.set({ priority, status }, open.open[priority][status]);
    const day = today.priorities[priority];
    opened.set({ priority }, day.opened);
    budgetUsed.set({ priority }, day.breaches);
    budgetAllowed.set({ priority }, day.allowedBreaches);
    for (const clock of SLA_CLOCKS) {
      for (const state of OPEN_CLOCK_STATES) slaState.set({ priority, clock, state }, open.clocks[priority][clock][state]);
      for (const outcome of CLOCK_OUTCOMES) outcomes.set({ priority, clock, outcome }, day.outcomes[clock][outcome]);
    }
  }
  if (deliveries !== null) {
    const gauge = new Gauge({
      name: METRIC.deliveries,
      help: 'Notification deliveries of the alerts opened today and of every open alert, by channel and state.',
      labelNames: ['channel', 'state'],
      registers,
    });
    for (const channel of DELIVERY_CHANNELS) for (const state of DELIVERY_HEALTH) gauge.set({ channel, state }, deliveries[channel][state]);
  }
  lateness.set(figures.oldestDueLatenessSeconds);
  computedAt.set(figures.computedAt / 1000);

  const histograms = AggregatorRegistry.aggregate<PrometheusContentType>([
    [
      histogramValues(METRIC.timeToAcknowledge, 'acknowledge', todayNote, figures, 'acknowledgment'),
      histogramValues(METRIC.timeToResolve, 'resolve', todayNote, figures, 'resolution'),
    ],
  ]);
  const merged = Registry.merge([registry, histograms]);
  return { contentType: merged.contentType, text: await merged.metrics() };
}

/** One histogram family as prom-client's metric values: per priority, cumulative buckets, sum and count. */
function histogramValues(name: string, what: string, todayNote: string, figures: MetricsFigures, clock: SlaClock) {
  const values = PRIORITIES.flatMap((priority) => {
    const snapshot: HistogramSnapshot = figures.today.priorities[priority].responseTimes[clock];
    return [
      ...snapshot.buckets.map(({ le, count }) => ({ metricName: `${name}_bucket`, labels: { le: Number.isFinite(le) ? le : '+Inf', priority }, value: count })),
      { metricName: `${name}_sum`, labels: { priority }, value: snapshot.sum },
      { metricName: `${name}_count`, labels: { priority }, value: snapshot.count },
    ];
  });
  return {
    name,
    help: `Time to ${what} of the alerts opened ${todayNote} that were answered, in business seconds where the policy counts on a calendar.`,
    type: 'histogram',
    aggregator: 'sum',
    values,
  };
}
