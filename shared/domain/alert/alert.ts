/**
 * An alert as sla-watch holds it: one occurrence of a problem reported by an alerting tool,
 * with the SLA policy in force when it arrived (the snapshot), the instants computed from it,
 * every response, and what has been notified.
 *
 * Invariants:
 * - `id` is stable and unique; `(integrationId, dedupKey, occurrence)` identifies it at the source.
 * - `version` grows by one with every stored change (optimistic concurrency).
 * - `status` only moves forward: open -> acknowledged -> resolved (open -> resolved allowed).
 * - `acknowledgedAt` is set with the first acknowledgment (or the resolution if none came
 *   first) and never changes; `resolvedAt` likewise with the first resolution.
 * - `timeline` is computed once from `sla` and `createdAt`.
 */
import type { Instant } from '../instant.ts';
import type { Priority } from '../sla/priority.ts';
import type { SlaPolicy } from '../sla/sla-policy.ts';
import type { SlaTimeline } from '../sla/sla-timeline.ts';
import type { Delivery } from '../delivery/delivery.ts';
import type { NotificationMarks } from './notification-marks.ts';
import type { Response } from './response.ts';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';
export const ALERT_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'resolved'];

export type IntegrationFormat = 'alertmanager' | 'grafana' | 'pagerduty' | 'uptime-kuma' | 'generic';

export interface AlertLink {
  readonly href: string;
  readonly text?: string;
}

/** The pending timer of an alert: at most one at a time. */
export interface PendingTimer {
  /** Deterministic schedule name (see timer-name.ts). */
  readonly name: string;
  readonly dueAt: Instant;
  readonly kind: TimerKind;
  readonly generation: number;
}

/** Which function a timer targets. Update-due shares the reminder function. */
export type TimerKind = 'at-risk' | 'breach' | 'reminder';

export interface Alert {
  readonly id: string;
  readonly version: number;
  readonly integrationId: string;
  readonly format: IntegrationFormat;
  /** Identity of the problem at the source (fingerprint@startsAt, dedup_key, monitor id...). */
  readonly dedupKey: string;
  /** 1 for the first occurrence of a dedup key, 2 after it was resolved and fired again... */
  readonly occurrence: number;
  readonly title: string;
  readonly description: string | null;
  /** What raised it, for the report's noisiest sources (alert name, monitor name, service). */
  readonly sourceName: string;
  /** The severity as the source said it, before mapping to a priority. */
  readonly severity: string | null;
  readonly priority: Priority;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly links: readonly AlertLink[];
  /** When sla-watch received it: both SLA clocks start here. */
  readonly createdAt: Instant;
  /** When the source says the problem started, if it says. */
  readonly sourceStartedAt: Instant | null;
  readonly lastSeenAt: Instant;
  /** How many deliveries of this occurrence were received (repeats included). */
  readonly deliveries: number;
  readonly status: AlertStatus;
  readonly acknowledgedAt: Instant | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: Instant | null;
  readonly resolvedBy: string | null;
  /** The last acknowledgment or update: the next update is due from here. */
  readonly lastUpdateAt: Instant | null;
  readonly sla: SlaPolicy;
  readonly timeline: SlaTimeline;
  readonly responses: readonly Response[];
  readonly notified: NotificationMarks;
  /**
   * One delivery per recipient and channel of each claimed notification (delivery.ts), in
   * claim order. Absent on alerts stored before deliveries were recorded: read it with
   * `outboxOf`. (Not to be confused with `deliveries`, the webhook deliveries received.)
   */
  readonly outbox?: readonly Delivery[];
  /** Grows each time the pending timer is replaced; stale timers carry an older one. */
  readonly generation: number;
  readonly timer: PendingTimer | null;
}

/** Responses an alert may hold; past this, recording another is refused (HTTP 409). */
export const MAX_RESPONSES = 200;
