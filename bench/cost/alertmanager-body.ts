/**
 * The webhook bodies Prometheus Alertmanager (payload version 4) posts for one alert of the
 * month plan (or of the intake storm): firing (first delivery and repeats) or resolved. The problem started a minute
 * before the first delivery (group_wait), which is what `startsAt` says and, with the
 * fingerprint, what identifies the alert.
 */
import { MINUTE_MS, toIso, type Instant } from '../../shared/domain/instant.ts';
import type { Priority } from '../../shared/domain/sla/priority.ts';
import type { AlertPlan } from './month-plan.ts';

/** Severity labels the built-in priority mapping turns into each priority. */
const SEVERITY: Readonly<Record<Priority, string>> = { critical: 'critical', high: 'error', medium: 'warning', low: 'info' };

export function alertmanagerBody(plan: Pick<AlertPlan, 'fingerprint' | 'priority' | 'firstAt'>, status: 'firing' | 'resolved', endsAt: Instant | null): string {
  const service = `service-${parseInt(plan.fingerprint.slice(-3), 16) % 17}`;
  const labels = { alertname: 'HighErrorRate', instance: `${service}-1:9090`, job: service, service, severity: SEVERITY[plan.priority] };
  const alert = {
    status,
    labels,
    annotations: {
      summary: `5xx rate above 5% on ${service}`,
      description: `${service} answered more than 5% of its requests with a 5xx status over the last 5 minutes.`,
      runbook_url: 'https://runbooks.example.com/high-error-rate',
    },
    startsAt: toIso(plan.firstAt - MINUTE_MS),
    endsAt: endsAt === null ? '0001-01-01T00:00:00Z' : toIso(endsAt),
    generatorURL: `http://prometheus.example.com:9090/graph?g0.expr=job%3A${service}%3Aerror_rate5m+%3E+0.05`,
    fingerprint: plan.fingerprint,
  };
  return JSON.stringify({
    version: '4',
    status,
    receiver: 'sla-watch',
    groupKey: `{}:{alertname="HighErrorRate", service="${service}"}`,
    truncatedAlerts: 0,
    groupLabels: { alertname: 'HighErrorRate', service },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example.com:9093',
    alerts: [alert],
  });
}
