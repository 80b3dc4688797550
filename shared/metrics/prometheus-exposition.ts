/**
 * The figures in the Prometheus text format, written by prom-client into a fresh Registry
 * for every computation: no global registry, no default process metrics (a Lambda's would
 * describe one short-lived instance, not sla-watch), no state kept between scrapes.
 */
import { Gauge, Histogram, Registry } from 'prom-client';
import type { MetricsFigures } from '../app/collect-metrics.ts';
import { DELIVERY_CHANNELS, DELIVERY_HEALTH } from '../domain/metrics/delivery-figures.ts';
import { OPEN_CLOCK_STATES, OPEN_STATUSES, SLA_CLOCKS } from '../domain/metrics/open-alert-figures.ts';
import { CLOCK_OUTCOMES } from '../domain/sla/clock-outcome.ts';
import { PRIORITIES } from '../domain/sla/priority.ts';
import { METRIC, RESPONSE_TIME_BUCKETS_SECONDS } from './metric-names.ts';

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
  const histogram = (name: string, what: string) =>
    new Histogram({
      name,
      help: `Time to ${what} of the alerts opened ${todayNote} that were answered, in business seconds where the policy counts on a calendar.`,
      labelNames: ['priority'],
      buckets: [...RESPONSE_TIME_BUCKETS_SECONDS],
      registers,
    });
  const responseTimes = { acknowledgment: histogram(METRIC.timeToAcknowledge, 'acknowledge'), resolution: histogram(METRIC.timeToResolve, 'resolve') };
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
      // Zeroed first, so a priority without an answer today still has its (empty) series.
      responseTimes[clock].zero({ priority });
      const child = responseTimes[clock].labels({ priority });
      for (const seconds of day.responseSeconds[clock]) child.observe(seconds);
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

  return { contentType: registry.contentType, text: await registry.metrics() };
}
