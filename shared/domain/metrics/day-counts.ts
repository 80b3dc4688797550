/**
 * The part of a day's SLA figures that changes only when an alert is written, kept as
 * counters: alerts opened, the settled outcome of each answered clock (met, missed, closed by
 * source), alerts with a missed clock, and the histogram slots and summed time of the answered
 * clocks, per priority. What changes with time alone (a running clock becoming at risk or
 * breached) is not here: it is read from the open alerts (open-alert-view.ts), and the two
 * together are the day's figures (live-today.ts).
 *
 * An alert's contribution (`settledCounters`) depends on its stored state only, never on the
 * instant it is looked at: an answered clock's outcome and time are fixed by its answer. So a
 * write adds `counterDelta(before, after)`, and the counters of a day are the sum of its
 * alerts' contributions whatever order the writes came in; a person answering after the
 * source closed the clock moves the alert from closed-by-source to met or missed, as the
 * report counts it.
 *
 * Counter names are flat strings (`opened_critical`, `ack_met_high`, `res_h3_low`...) so a
 * store adds them as numbers (DynamoDB `ADD`) and a reader sums shards name by name.
 */
import type { Alert } from '../alert/alert.ts';
import { outboxOf } from '../delivery/outbox.ts';
import type { Instant } from '../instant.ts';
import { evaluateAlertSla } from '../sla/alert-sla.ts';
import { clockOutcome } from '../sla/clock-outcome.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
import { DELIVERY_CHANNELS, DELIVERY_HEALTH, type DeliveryChannel, type DeliveryFigures, type DeliveryHealth } from './delivery-figures.ts';
import { SLA_CLOCKS, type SlaClock } from './open-alert-figures.ts';
import { bucketIndex, histogramSnapshot, RESPONSE_TIME_BUCKETS_SECONDS, type HistogramSnapshot } from './response-time-histogram.ts';

export type SettledOutcome = 'met' | 'missed' | 'closed_by_source';
export const SETTLED_OUTCOMES: readonly SettledOutcome[] = ['met', 'missed', 'closed_by_source'];

/** Counter name -> value; names absent are zero. */
export type Counters = Readonly<Record<string, number>>;

const CLOCK_PREFIX: Readonly<Record<SlaClock, string>> = { acknowledgment: 'ack', resolution: 'res' };
const OUTCOME_NAME: Readonly<Record<SettledOutcome, string>> = { met: 'met', missed: 'missed', closed_by_source: 'cbs' };

export const counterName = {
  opened: (p: Priority) => `opened_${p}`,
  breached: (p: Priority) => `breached_${p}`,
  outcome: (clock: SlaClock, outcome: SettledOutcome, p: Priority) => `${CLOCK_PREFIX[clock]}_${OUTCOME_NAME[outcome]}_${p}`,
  slot: (clock: SlaClock, slot: number, p: Priority) => `${CLOCK_PREFIX[clock]}_h${slot}_${p}`,
  sumMs: (clock: SlaClock, p: Priority) => `${CLOCK_PREFIX[clock]}_ms_${p}`,
  delivery: (channel: string, state: string) => `dlv_${channel}_${state}`,
};

/** The last instant the alert's stored state speaks of: every answer it holds happened by then. */
function lastAnswerAt(alert: Alert): Instant {
  let at = Math.max(alert.createdAt, alert.acknowledgedAt ?? 0, alert.resolvedAt ?? 0);
  for (const response of alert.responses) at = Math.max(at, response.at);
  return at;
}

/** What one alert adds to its day's counters, by the rules of `evaluateAlertSla` and the daily report. */
export function settledCounters(alert: Alert): Record<string, number> {
  const p = alert.priority;
  const counters: Record<string, number> = { [counterName.opened(p)]: 1 };
  // Answered clocks' outcomes and times do not depend on the instant of evaluation; this one
  // only keeps the unanswered clock's calendar walk short.
  const evaluation = evaluateAlertSla(alert, lastAnswerAt(alert));
  let missed = false;
  for (const clock of SLA_CLOCKS) {
    const clockEvaluation = evaluation[clock];
    const outcome = clockOutcome(clockEvaluation);
    if (outcome !== 'met' && outcome !== 'missed' && outcome !== 'closed_by_source') continue;
    counters[counterName.outcome(clock, outcome, p)] = 1;
    missed ||= outcome === 'missed';
    // Only a person's acknowledgment is a time to acknowledge (a source closing it is not).
    if (clock === 'resolution' || clockEvaluation.answeredBy === 'person') {
      counters[counterName.slot(clock, bucketIndex(clockEvaluation.businessElapsedMs / 1000), p)] = 1;
      counters[counterName.sumMs(clock, p)] = clockEvaluation.businessElapsedMs;
    }
  }
  if (missed) counters[counterName.breached(p)] = 1;
  // The alert's deliveries as its outbox holds them now (skipped ones too: an alert with any
  // record makes the delivery figures appear, as delivery-figures.ts counts them).
  for (const delivery of outboxOf(alert)) {
    const name = counterName.delivery(delivery.channel, delivery.state);
    counters[name] = (counters[name] ?? 0) + 1;
  }
  return counters;
}

/** The delivery figures of a day's counters; null when none of its alerts had a delivery. */
export function deliveryCounts(counters: Counters): DeliveryFigures {
  const records = Object.entries(counters).filter(([name]) => name.startsWith('dlv_')).reduce((sum, [, n]) => sum + n, 0);
  if (records === 0) return null;
  const byChannel = (channel: DeliveryChannel) =>
    Object.fromEntries(DELIVERY_HEALTH.map((state) => [state, counters[counterName.delivery(channel, state)] ?? 0])) as Record<DeliveryHealth, number>;
  return Object.fromEntries(DELIVERY_CHANNELS.map((channel) => [channel, byChannel(channel)])) as Record<DeliveryChannel, Record<DeliveryHealth, number>>;
}

/** What a write changes in the counters of the alert's day: nonzero differences only (empty when nothing counted changed). */
export function counterDelta(before: Alert | null, after: Alert): Record<string, number> {
  const delta: Record<string, number> = { ...settledCounters(after) };
  if (before !== null) for (const [name, value] of Object.entries(settledCounters(before))) delta[name] = (delta[name] ?? 0) - value;
  for (const [name, value] of Object.entries(delta)) if (value === 0) delete delta[name];
  return delta;
}

/** Counters summed name by name (the shards of a day). */
export function sumCounters(parts: readonly Counters[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const part of parts) for (const [name, value] of Object.entries(part)) sum[name] = (sum[name] ?? 0) + value;
  return sum;
}

export interface PriorityCounts {
  readonly opened: number;
  readonly settled: Readonly<Record<SlaClock, Readonly<Record<SettledOutcome, number>>>>;
  /** Alerts with a missed clock (one alert counts once). */
  readonly missedAlerts: number;
  readonly responseTimes: Readonly<Record<SlaClock, HistogramSnapshot>>;
}

/** The counters of a day read as figures per priority. */
export function priorityCounts(counters: Counters): Readonly<Record<Priority, PriorityCounts>> {
  const value = (name: string) => counters[name] ?? 0;
  const byPriority = (p: Priority): PriorityCounts => {
    const settled = (clock: SlaClock) =>
      Object.fromEntries(SETTLED_OUTCOMES.map((o) => [o, value(counterName.outcome(clock, o, p))])) as Record<SettledOutcome, number>;
    const times = (clock: SlaClock) =>
      histogramSnapshot(
        Array.from({ length: RESPONSE_TIME_BUCKETS_SECONDS.length + 1 }, (_, slot) => value(counterName.slot(clock, slot, p))),
        value(counterName.sumMs(clock, p)) / 1000,
      );
    return {
      opened: value(counterName.opened(p)),
      settled: { acknowledgment: settled('acknowledgment'), resolution: settled('resolution') },
      missedAlerts: value(counterName.breached(p)),
      responseTimes: { acknowledgment: times('acknowledgment'), resolution: times('resolution') },
    };
  };
  return Object.fromEntries(PRIORITIES.map((p) => [p, byPriority(p)])) as Record<Priority, PriorityCounts>;
}
