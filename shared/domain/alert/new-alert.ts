/**
 * A new alert, as it is stored the moment it arrives: both SLA clocks start at `now` (server
 * receipt, not the source's startsAt: the responders learn of it now), the priority's policy
 * is copied onto it (the snapshot), the timeline is computed from that copy once, and the
 * pending timer is planned, due at once for the new-alert notification. Version 1,
 * generation 0, nothing notified, no responses.
 */
import type { Instant } from '../instant.ts';
import type { SlaPolicy } from '../sla/sla-policy.ts';
import { slaTimeline } from '../sla/sla-timeline.ts';
import { planTimer } from '../timers/plan-timer.ts';
import type { Alert } from './alert.ts';
import { NO_NOTIFICATIONS } from './notification-marks.ts';

/** What the source said and who it is, in the alert's own terms; the rest starts fresh. */
export type NewAlertInput = Pick<
  Alert,
  | 'id'
  | 'integrationId'
  | 'format'
  | 'dedupKey'
  | 'occurrence'
  | 'title'
  | 'description'
  | 'sourceName'
  | 'severity'
  | 'priority'
  | 'labels'
  | 'annotations'
  | 'links'
  | 'sourceStartedAt'
> & {
  /** The policy of `priority` in force now; copied, never read from configuration again. */
  readonly policy: SlaPolicy;
  readonly now: Instant;
};

export function newAlert(input: NewAlertInput): Alert {
  const { now, policy } = input;
  const alert: Alert = {
    id: input.id,
    version: 1,
    integrationId: input.integrationId,
    format: input.format,
    dedupKey: input.dedupKey,
    occurrence: input.occurrence,
    title: input.title,
    description: input.description,
    sourceName: input.sourceName,
    severity: input.severity,
    priority: input.priority,
    labels: { ...input.labels },
    annotations: { ...input.annotations },
    links: input.links.map((link) => ({ ...link })),
    createdAt: now,
    sourceStartedAt: input.sourceStartedAt,
    lastSeenAt: now,
    deliveries: 1,
    status: 'open',
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    lastUpdateAt: null,
    sla: policy,
    timeline: slaTimeline(policy, now),
    responses: [],
    notified: NO_NOTIFICATIONS,
    outbox: [],
    generation: 0,
    timer: null,
  };
  return { ...alert, timer: planTimer(alert) };
}
