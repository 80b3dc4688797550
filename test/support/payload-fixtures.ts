/**
 * Bodies as the alerting tools send them, for intake tests: each builder returns a complete,
 * valid body shaped like the tool's real output (see the tools' documentation), with the
 * fields a test is about patched in. Fixed instants only.
 */
import { TEST_SECRETS } from './config-fixtures.ts';

type Json = Record<string, unknown>;

/** 2026-03-02T08:58:00Z: a problem that started two minutes before the test clock's 09:00. */
export const STARTS_AT = '2026-03-02T08:58:00Z';
export const FIRING_ENDS_AT = '0001-01-01T00:00:00Z';

export interface GroupAlertPatch {
  readonly status?: 'firing' | 'resolved';
  readonly fingerprint?: string;
  readonly startsAt?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly extra?: Json;
}

/** One alert of an Alertmanager group (firing, `HighErrorRate`, severity critical). */
export function amAlert(patch: GroupAlertPatch = {}): Json {
  const status = patch.status ?? 'firing';
  return {
    status,
    labels: patch.labels ?? { alertname: 'HighErrorRate', instance: 'api-1', service: 'checkout', severity: 'critical' },
    annotations: patch.annotations ?? { summary: '5xx rate above 5%', description: 'checkout answers 5xx', runbook_url: 'https://runbooks.example.com/high-error-rate' },
    startsAt: patch.startsAt ?? STARTS_AT,
    endsAt: status === 'firing' ? FIRING_ENDS_AT : '2026-03-02T09:10:00Z',
    generatorURL: 'http://prometheus.local/graph?g0.expr=rate',
    fingerprint: patch.fingerprint ?? 'a368be53ef7f847c',
    ...patch.extra,
  };
}

/** An Alertmanager webhook v4 group carrying `alerts`. */
export function amGroup(alerts: readonly Json[] = [amAlert()]): Json {
  const firing = alerts.some((a) => a['status'] === 'firing');
  return {
    receiver: 'sla-webhook',
    status: firing ? 'firing' : 'resolved',
    alerts,
    groupLabels: { alertname: 'HighErrorRate' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.local:9093',
    version: '4',
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
  };
}

/** One alert of a Grafana group, with its silence/dashboard/panel links. */
export function grafanaAlert(patch: GroupAlertPatch = {}): Json {
  return amAlert({
    labels: { alertname: 'High memory usage', team: 'blue', zone: 'us-1' },
    annotations: { summary: 'Memory above 90% in us-1', description: 'The system has high memory usage' },
    fingerprint: 'c6eadffa33fcdf37',
    startsAt: '2026-03-02T09:57:03.157076+01:00',
    ...patch,
    extra: {
      generatorURL: 'https://grafana.example.com/alerting/1afz29v7z/edit',
      silenceURL: 'https://grafana.example.com/alerting/silence/new?matchers=alertname%3DT2',
      dashboardURL: 'https://grafana.example.com/d/abc',
      panelURL: '',
      values: { B: 44.2, C: 1 },
      ...patch.extra,
    },
  });
}

/** A Grafana unified alerting webhook body; `receiver: ''` is what the Test button sends. */
export function grafanaGroup(alerts: readonly Json[] = [grafanaAlert()], receiver = 'sla-watch'): Json {
  return { ...amGroup(alerts), receiver, orgId: 1, version: '1', groupKey: '{}:{}', title: '[FIRING:1]', state: 'alerting', message: '**Firing**' };
}

/** A PagerDuty Events v2 trigger (severity error) with the fixture's routing key; patch at the top level. */
export function pdEvent(patch: Json = {}): Json {
  return {
    routing_key: TEST_SECRETS.pd,
    event_action: 'trigger',
    dedup_key: 'db-replication-lag',
    payload: {
      summary: 'Replication lag above 30s on db-2',
      source: 'db-2.example.com',
      severity: 'error',
      timestamp: '2026-03-02T08:58:00.000+0000',
      component: 'postgres',
      group: 'prod-db',
      class: 'replication',
      custom_details: { lag_seconds: 42, note: 'primary is fine' },
    },
    links: [{ href: 'https://grafana.example.com/d/db', text: 'DB dashboard' }],
    client: 'Nagios',
    client_url: 'https://nagios.example.com',
    ...patch,
  };
}

/** An acknowledge or resolve event for `dedupKey`. */
export function pdAction(action: 'acknowledge' | 'resolve', dedupKey = 'db-replication-lag', patch: Json = {}): Json {
  return { routing_key: TEST_SECRETS.pd, event_action: action, dedup_key: dedupKey, client: 'Nagios', ...patch };
}

export interface KumaPatch {
  /** 0 down, 1 up, 2 pending, 3 maintenance. */
  readonly status?: number;
  readonly monitorId?: number;
  readonly monitorName?: string;
  readonly time?: string;
  readonly tags?: readonly { name: string; value: string }[];
}

/** An Uptime Kuma webhook body for one heartbeat of one monitor. */
export function kumaNotice(patch: KumaPatch = {}): Json {
  const status = patch.status ?? 0;
  const monitorId = patch.monitorId ?? 29;
  const name = patch.monitorName ?? 'Checkout API';
  const msg = status === 0 ? 'getaddrinfo ENOTFOUND checkout.example.com' : '200 - OK';
  return {
    heartbeat: { monitorID: monitorId, status, time: patch.time ?? '2026-03-02 08:59:35.527', msg, important: true, duration: 0, timezone: 'Europe/Paris', timezoneOffset: '+01:00', localDateTime: '2026-03-02 09:59:35' },
    monitor: { id: monitorId, name, description: null, url: 'https://checkout.example.com/health', method: 'GET', type: 'http', interval: 60, tags: patch.tags ?? [], active: true },
    msg: `[${name}] [${status === 0 ? '🔴 Down' : '✅ Up'}] ${msg}`,
  };
}

/** What Uptime Kuma's notification Test button sends. */
export function kumaTest(): Json {
  return { heartbeat: null, monitor: null, msg: 'Uptime Kuma Webhook Testing' };
}

/** One generic event (firing, severity warning); patch anything. */
export function genericEvent(patch: Json = {}): Json {
  return {
    id: 'disk-full-db1',
    title: 'Disk almost full on db1',
    severity: 'warning',
    description: '/var is 93% full',
    source: 'disk-check',
    labels: { host: 'db1' },
    links: [{ href: 'https://grafana.example.com/d/disk', text: 'Dashboard' }],
    ...patch,
  };
}
