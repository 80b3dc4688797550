/**
 * Complete, valid alerts for tests. `makeAlert()` is a `high` alert counted around the clock,
 * created 2026-11-30T12:00:00Z and still open; patch whatever a test is about. Unless the
 * patch gives them, the id is derived from (integrationId, dedupKey, occurrence) as ingest
 * derives it, and the timeline from createdAt, so patching only `createdAt` or `dedupKey`
 * still yields a consistent alert.
 */
import { alertId } from '../../shared/domain/alert/alert-id.ts';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS } from '../../shared/domain/alert/notification-marks.ts';
import { HOUR_MS, MINUTE_MS, type Instant } from '../../shared/domain/instant.ts';
import type { SlaTimeline } from '../../shared/domain/sla/sla-timeline.ts';
import type { SlaPolicy } from '../../shared/domain/sla/sla-policy.ts';

/** 2026-11-30T12:00:00.000Z, a Monday. */
export const FIXTURE_CREATED_AT: Instant = Date.UTC(2026, 10, 30, 12, 0, 0);

/** `high`, around the clock: acknowledge within 30 min, resolve within 4 h. */
export const HIGH_24X7_POLICY: SlaPolicy = {
  priority: 'high',
  acknowledgmentSeconds: 30 * 60,
  resolutionSeconds: 4 * 60 * 60,
  calendar: null,
  allowedBreaches: 2,
  warningThreshold: 0.8,
  reminders: { enabled: true, firstAfterSeconds: 10 * 60, intervalSeconds: 10 * 60, max: 2, channels: ['email'] },
  updateIntervalSeconds: 60 * 60,
  notificationChannels: ['email', 'slack'],
};

/** The timeline of HIGH_24X7_POLICY for an alert created at `createdAt` (plain arithmetic: 24x7). */
export function high24x7Timeline(createdAt: Instant): SlaTimeline {
  return {
    acknowledgment: { atRiskAt: createdAt + 24 * MINUTE_MS, deadlineAt: createdAt + 30 * MINUTE_MS },
    resolution: { atRiskAt: createdAt + 3 * HOUR_MS + 12 * MINUTE_MS, deadlineAt: createdAt + 4 * HOUR_MS },
    reminderAts: [createdAt + 10 * MINUTE_MS, createdAt + 20 * MINUTE_MS],
  };
}

export function makeAlert(patch: Partial<Alert> = {}): Alert {
  const integrationId = patch.integrationId ?? 'alertmanager-main';
  const dedupKey = patch.dedupKey ?? 'fp-3f2a9c@2026-11-30T11:59:30Z';
  const occurrence = patch.occurrence ?? 1;
  const createdAt = patch.createdAt ?? FIXTURE_CREATED_AT;
  const base: Alert = {
    id: alertId(integrationId, dedupKey, occurrence),
    version: 1,
    integrationId,
    format: 'alertmanager',
    dedupKey,
    occurrence,
    title: 'HighErrorRate: checkout 5xx above 5%',
    description: 'The checkout service answers more than 5% of requests with 5xx.',
    sourceName: 'HighErrorRate',
    severity: 'high',
    priority: 'high',
    labels: { alertname: 'HighErrorRate', service: 'checkout', severity: 'high' },
    annotations: { summary: 'checkout 5xx above 5%', runbook_url: 'https://runbooks.example.com/checkout-5xx' },
    links: [{ href: 'https://grafana.example.com/d/checkout', text: 'Dashboard' }],
    createdAt,
    sourceStartedAt: createdAt - 30_000,
    lastSeenAt: createdAt,
    deliveries: 1,
    status: 'open',
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    lastUpdateAt: null,
    sla: HIGH_24X7_POLICY,
    timeline: high24x7Timeline(createdAt),
    responses: [],
    notified: NO_NOTIFICATIONS,
    generation: 0,
    timer: null,
  };
  return { ...base, ...patch };
}
