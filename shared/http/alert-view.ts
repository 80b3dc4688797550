/**
 * How the API shows an alert: instants as ISO 8601 UTC, durations in whole seconds, and where
 * both SLA clocks stand at `now` (evaluated here, at read time, so a stored alert never holds a
 * stale "at risk"). Internal bookkeeping (version, generation, the timer's name) stays out.
 *
 * Seconds are business seconds on the alert's calendar. Elapsed and overrun round down and
 * remaining rounds up, so a clock shows 0 remaining only once its deadline has passed.
 */
import { outboxOf } from '../domain/delivery/outbox.ts';
import { deliveryView, type DeliveryView } from './delivery-view.ts';
import type { Alert, AlertLink } from '../domain/alert/alert.ts';
import type { NotificationMarks } from '../domain/alert/notification-marks.ts';
import { responseActor, type Response, type ResponseActor, type ResponseType, type ResponseVia } from '../domain/alert/response.ts';
import { AROUND_THE_CLOCK } from '../domain/calendar/calendar-spec.ts';
import { toIso, toIsoOrNull, type Instant } from '../domain/instant.ts';
import { evaluateAlertSla } from '../domain/sla/alert-sla.ts';
import { clockOutcome, type ClockOutcome } from '../domain/sla/clock-outcome.ts';
import type { ClockEvaluation } from '../domain/sla/sla-evaluation.ts';
import { updateDueAt } from '../domain/sla/sla-timeline.ts';

export interface ResponseView {
  readonly id: string;
  readonly type: ResponseType;
  readonly by: string;
  readonly note: string | null;
  readonly at: string;
  readonly via: ResponseVia;
  /** Who made it: a person, the alert's source, or sla-watch. */
  readonly actor: ResponseActor;
}

export interface ClockView {
  readonly state: ClockEvaluation['state'];
  /** The report's word for where the clock stands: met, missed, breached_open, pending, closed_by_source. */
  readonly outcome: ClockOutcome;
  /** Who stopped the clock (a person or the source); null while it runs. */
  readonly answeredBy: 'person' | 'source' | null;
  readonly atRiskAt: string;
  readonly deadline: string;
  readonly answeredAt: string | null;
  readonly allowedSeconds: number;
  readonly elapsedSeconds: number;
  readonly remainingSeconds: number;
  readonly overrunSeconds: number;
}

export interface ReminderView {
  /** 1-based. */
  readonly number: number;
  readonly dueAt: string;
  readonly sent: boolean;
}

export interface SlaView {
  /** The calendar's name, or `24x7` when counted around the clock. */
  readonly calendar: string;
  readonly timezone: string;
  readonly warningThreshold: number;
  readonly acknowledgment: ClockView;
  readonly resolution: ClockView;
  readonly reminders: readonly ReminderView[];
  /** While acknowledged and not resolved: when the next update is due. */
  readonly nextUpdateDueAt: string | null;
}

export interface NotifiedView {
  readonly newAlertAt: string | null;
  readonly acknowledgmentAtRiskAt: string | null;
  readonly acknowledgmentBreachAt: string | null;
  readonly resolutionAtRiskAt: string | null;
  readonly resolutionBreachAt: string | null;
  readonly remindersSent: number;
  readonly updateDueNotifiedFor: string | null;
  readonly resolvedAt: string | null;
  readonly failures: readonly { readonly kind: string; readonly channel: 'email' | 'slack'; readonly at: string; readonly error: string }[];
}

export interface AlertView {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly priority: Alert['priority'];
  readonly severity: string | null;
  readonly status: Alert['status'];
  readonly integration: string;
  readonly format: Alert['format'];
  readonly source: string;
  readonly dedupKey: string;
  readonly occurrence: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly links: readonly AlertLink[];
  readonly createdAt: string;
  readonly sourceStartedAt: string | null;
  readonly lastSeenAt: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly lastUpdateAt: string | null;
  readonly deliveries: number;
  readonly responses: readonly ResponseView[];
  readonly sla: SlaView;
  readonly notified: NotifiedView;
  /** Every delivery of every notification claimed, oldest first (the newest finished ones are kept). */
  readonly outbox: readonly DeliveryView[];
  /** The pending timer: what is next due and when. */
  readonly nextTimer: { readonly kind: string; readonly dueAt: string } | null;
}

export interface AlertSummaryView {
  readonly id: string;
  readonly title: string;
  readonly priority: Alert['priority'];
  readonly status: Alert['status'];
  readonly integration: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly acknowledgedAt: string | null;
  readonly resolvedAt: string | null;
  readonly responses: number;
  readonly sla: {
    readonly acknowledgment: { readonly state: ClockView['state']; readonly deadline: string };
    readonly resolution: { readonly state: ClockView['state']; readonly deadline: string };
  };
}

export function responseView(response: Response): ResponseView {
  return { id: response.id, type: response.type, by: response.by, note: response.note, at: toIso(response.at), via: response.via, actor: responseActor(response) };
}

function clockView(clock: ClockEvaluation, allowedSeconds: number): ClockView {
  return {
    state: clock.state,
    outcome: clockOutcome(clock),
    answeredBy: clock.answeredBy,
    atRiskAt: toIso(clock.atRiskAt),
    deadline: toIso(clock.deadlineAt),
    answeredAt: toIsoOrNull(clock.answeredAt),
    allowedSeconds,
    elapsedSeconds: Math.floor(clock.businessElapsedMs / 1000),
    remainingSeconds: Math.ceil(clock.remainingMs / 1000),
    overrunSeconds: Math.floor(clock.overrunMs / 1000),
  };
}

function evaluate(alert: Alert, now: Instant) {
  return evaluateAlertSla(alert, now);
}

function slaView(alert: Alert, now: Instant): SlaView {
  const evaluation = evaluate(alert, now);
  const { sla, timeline, notified } = alert;
  return {
    calendar: sla.calendar?.name ?? AROUND_THE_CLOCK,
    timezone: sla.calendar?.timezone ?? 'UTC',
    warningThreshold: sla.warningThreshold,
    acknowledgment: clockView(evaluation.acknowledgment, sla.acknowledgmentSeconds),
    resolution: clockView(evaluation.resolution, sla.resolutionSeconds),
    reminders: timeline.reminderAts.map((at, i) => ({ number: i + 1, dueAt: toIso(at), sent: i < notified.remindersSent })),
    nextUpdateDueAt: alert.status === 'acknowledged' && alert.lastUpdateAt !== null ? toIso(updateDueAt(sla, alert.lastUpdateAt)) : null,
  };
}

function notifiedView(marks: NotificationMarks): NotifiedView {
  return {
    newAlertAt: toIsoOrNull(marks.newAlertAt),
    acknowledgmentAtRiskAt: toIsoOrNull(marks.acknowledgmentAtRiskAt),
    acknowledgmentBreachAt: toIsoOrNull(marks.acknowledgmentBreachAt),
    resolutionAtRiskAt: toIsoOrNull(marks.resolutionAtRiskAt),
    resolutionBreachAt: toIsoOrNull(marks.resolutionBreachAt),
    remindersSent: marks.remindersSent,
    updateDueNotifiedFor: toIsoOrNull(marks.updateDueNotifiedFor),
    resolvedAt: toIsoOrNull(marks.resolvedAt),
    failures: marks.failures.map((f) => ({ kind: f.kind, channel: f.channel, at: toIso(f.at), error: f.error })),
  };
}

/** The full view of one alert, its SLA evaluated at `now`. */
export function alertView(alert: Alert, now: Instant): AlertView {
  return {
    id: alert.id,
    title: alert.title,
    description: alert.description,
    priority: alert.priority,
    severity: alert.severity,
    status: alert.status,
    integration: alert.integrationId,
    format: alert.format,
    source: alert.sourceName,
    dedupKey: alert.dedupKey,
    occurrence: alert.occurrence,
    labels: alert.labels,
    annotations: alert.annotations,
    links: alert.links,
    createdAt: toIso(alert.createdAt),
    sourceStartedAt: toIsoOrNull(alert.sourceStartedAt),
    lastSeenAt: toIso(alert.lastSeenAt),
    acknowledgedAt: toIsoOrNull(alert.acknowledgedAt),
    acknowledgedBy: alert.acknowledgedBy,
    resolvedAt: toIsoOrNull(alert.resolvedAt),
    resolvedBy: alert.resolvedBy,
    lastUpdateAt: toIsoOrNull(alert.lastUpdateAt),
    deliveries: alert.deliveries,
    responses: alert.responses.map(responseView),
    sla: slaView(alert, now),
    notified: notifiedView(alert.notified),
    outbox: outboxOf(alert).map(deliveryView),
    nextTimer: alert.timer === null ? null : { kind: alert.timer.kind, dueAt: toIso(alert.timer.dueAt) },
  };
}

/** The short form used in lists. */
export function alertSummaryView(alert: Alert, now: Instant): AlertSummaryView {
  const { acknowledgment, resolution } = evaluate(alert, now);
  return {
    id: alert.id,
    title: alert.title,
    priority: alert.priority,
    status: alert.status,
    integration: alert.integrationId,
    createdAt: toIso(alert.createdAt),
    lastSeenAt: toIso(alert.lastSeenAt),
    acknowledgedAt: toIsoOrNull(alert.acknowledgedAt),
    resolvedAt: toIsoOrNull(alert.resolvedAt),
    responses: alert.responses.length,
    sla: {
      acknowledgment: { state: acknowledgment.state, deadline: toIso(acknowledgment.deadlineAt) },
      resolution: { state: resolution.state, deadline: toIso(resolution.deadlineAt) },
    },
  };
}
