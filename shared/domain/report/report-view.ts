/**
 * What a report needs of one alert, and nothing more: the alert's report view. The store keeps
 * it beside the alert, and a settled alert's (`isSettled`) in its day index too, so a day's
 * report reads settled alerts from the index alone (a few hundred bytes an alert) and the others'
 * views by key, never every alert whole (its outbox, labels, annotations and policy). Every
 * report reads views, whether the store had one or made it from the alert just read: one way to
 * count, so the two can never disagree.
 *
 * - A resolved alert's clocks are both answered, so its evaluation no longer depends on the
 *   instant it is evaluated at: the view keeps the evaluation itself, without the calendar.
 * - An alert still open keeps what evaluating it at any instant takes (answers, timeline and
 *   calendar): breached-open and pending are decided at the report's instant.
 * - The group (`reporting.group_by`) is the value of one label, kept with the label's name: a
 *   view made under another setting is not used (the reader makes one from the alert).
 * - `v` is the shape's version: a view of another version is not used either, so a change here
 *   needs no migration of the stored items.
 */
import type { Alert, AlertStatus } from '../alert/alert.ts';
import type { CalendarSpec } from '../calendar/calendar-spec.ts';
import type { Instant } from '../instant.ts';
import { slaInputOf } from '../sla/alert-sla.ts';
import type { Priority } from '../sla/priority.ts';
import { evaluateSla, type SlaEvaluation, type SlaEvaluationInput } from '../sla/sla-evaluation.ts';
import { isOpen } from '../delivery/delivery.ts';
import { outboxOf } from '../delivery/outbox.ts';
import { alertDeliveries, type AlertDeliveries } from './delivery-tally.ts';

export const REPORT_VIEW_VERSION = 1;

/** An open alert's clocks, evaluated at the report's instant (its creation is the view's). */
export type OpenClocks = Omit<SlaEvaluationInput, 'policy' | 'createdAt'> & { readonly calendar: CalendarSpec | null };

export interface ReportView {
  readonly v: typeof REPORT_VIEW_VERSION;
  readonly id: string;
  readonly createdAt: Instant;
  readonly priority: Priority;
  readonly status: AlertStatus;
  readonly resolvedAt: Instant | null;
  readonly title: string;
  readonly integrationId: string;
  readonly sourceName: string;
  /** Deliveries of the alert received from its source (repeats included). */
  readonly received: number;
  /** The calendar's name (null: around the clock) and the breaches its priority allowed. */
  readonly calendarName: string | null;
  readonly allowedBreaches: number;
  /** The label grouped by and this alert's value of it (null: the alert has no such label). */
  readonly group: { readonly by: string; readonly value: string | null } | null;
  /** Exactly one of the two: the fixed evaluation of a resolved alert, or an open one's clocks. */
  readonly settled: SlaEvaluation | null;
  readonly open: OpenClocks | null;
  readonly deliveries: AlertDeliveries;
}

export function reportViewOf(alert: Alert, groupBy: string | null): ReportView {
  const input = slaInputOf(alert);
  const { policy, createdAt: _createdAt, timeline, ...answers } = input;
  const resolved = alert.resolvedAt !== null;
  return {
    v: REPORT_VIEW_VERSION,
    id: alert.id,
    createdAt: alert.createdAt,
    priority: alert.priority,
    status: alert.status,
    resolvedAt: alert.resolvedAt,
    title: alert.title,
    integrationId: alert.integrationId,
    sourceName: alert.sourceName,
    received: alert.deliveries,
    calendarName: alert.sla.calendar?.name ?? null,
    allowedBreaches: alert.sla.allowedBreaches,
    group: groupBy === null ? null : { by: groupBy, value: alert.labels[groupBy] ?? null },
    // A resolution answers both clocks, so the instant of evaluation no longer matters.
    settled: resolved ? evaluateSla(input, alert.resolvedAt) : null,
    open: resolved ? null : { ...answers, timeline: { acknowledgment: timeline.acknowledgment, resolution: timeline.resolution }, calendar: policy.calendar },
    deliveries: alertDeliveries(alert),
  };
}

/**
 * Whether nothing in the alert's view can change any more in the normal course of things: it is
 * resolved (its clocks are answered) and no delivery is still to be made. The store keeps a
 * settled view where the day index copies it, and an unsettled one beside the alert only: an
 * open alert's view changes with every repeat, claim and delivery, and each change would
 * rewrite its index entry.
 */
export function isSettled(alert: Pick<Alert, 'resolvedAt' | 'outbox'>): boolean {
  return alert.resolvedAt !== null && !outboxOf(alert).some(isOpen);
}

/** The view's clocks at `now`: equal to `evaluateAlertSla(alert, now)` for the alert it was made from. */
export function evaluateView(view: ReportView, now: Instant): SlaEvaluation {
  if (view.settled !== null) return view.settled;
  const { calendar, ...clocks } = view.open as OpenClocks;
  return evaluateSla({ ...clocks, createdAt: view.createdAt, policy: { calendar } }, now);
}

/** Whether a stored view (parsed JSON) can stand for its alert in a report grouped by `groupBy`. */
export function isUsableView(value: unknown, groupBy: string | null): value is ReportView {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Partial<ReportView>;
  if (view.v !== REPORT_VIEW_VERSION || view.group === undefined) return false;
  return (view.group?.by ?? null) === groupBy;
}
