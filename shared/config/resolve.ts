/**
 * A parsed configuration file, resolved into the AppConfig the application runs on: every
 * default filled in, calendars built, secrets in place, names normalized (lower-cased
 * severities, base URL without a trailing slash).
 */
import type { AppConfig, IntegrationConfig, NotificationRouting } from './app-config.ts';
import { PRIORITIES, type Priority } from '../domain/sla/priority.ts';
import { DEFAULT_AWS_API, DEFAULT_TIMER_CONCURRENCY, DEFAULT_CONSOLE, DEFAULT_GRAFANA_SIGNATURE_HEADER, DEFAULT_INTEGRATION_PRIORITY, DEFAULT_LINKS, DEFAULT_MONITORING, DEFAULT_NOTIFICATIONS, DEFAULT_REPORTING } from './defaults.ts';
import { DEFAULT_CALENDAR, resolveCalendars, resolvePolicies } from './resolve-calendars.ts';
import type { ConfigFile } from './schema.ts';

type Integration = NonNullable<ConfigFile['integrations']>[number];

function integration(entry: Integration): IntegrationConfig {
  const signature = entry.grafana_signature;
  const signatureSecret = signature?.secret ?? signature?.secret_env;
  return {
    id: entry.id,
    format: entry.format,
    secrets: entry.secrets ?? (entry.secret_env === undefined ? [] : [entry.secret_env]),
    priorityMap: Object.fromEntries(Object.entries(entry.priority_map ?? {}).map(([severity, priority]) => [severity.trim().toLowerCase(), priority])),
    defaultPriority: entry.default_priority ?? DEFAULT_INTEGRATION_PRIORITY,
    grafanaSignature:
      signature === undefined || signatureSecret === undefined
        ? null
        : { secret: signatureSecret, header: signature.header ?? DEFAULT_GRAFANA_SIGNATURE_HEADER, timestampHeader: signature.timestamp_header ?? null },
    slackWebhookUrl: entry.slack_webhook_url ?? entry.slack_webhook_url_env ?? null,
    sourceAcknowledgments: entry.source_acknowledgments ?? entry.format === 'pagerduty',
  };
}

function perPriority<T>(given: Partial<Record<Priority, T>> | undefined, defaults: Readonly<Record<Priority, T>>): Record<Priority, T> {
  return Object.fromEntries(PRIORITIES.map((priority) => [priority, given?.[priority] ?? defaults[priority]])) as Record<Priority, T>;
}

function notifications(file: ConfigFile): NotificationRouting {
  const given = file.notifications;
  const byPriority: Partial<Record<Priority, string>> = {};
  for (const priority of PRIORITIES) {
    const url = given?.slack_webhook_urls?.[priority] ?? given?.slack_webhook_urls_env?.[priority];
    if (url !== undefined) byPriority[priority] = url;
  }
  return {
    from: given?.from ?? DEFAULT_NOTIFICATIONS.from,
    recipients: perPriority(given?.recipients, DEFAULT_NOTIFICATIONS.recipients),
    escalationRecipients: perPriority(given?.escalation, DEFAULT_NOTIFICATIONS.escalation),
    slackWebhookUrl: given?.slack_webhook_url ?? given?.slack_webhook_url_env ?? null,
    slackWebhookUrlByPriority: byPriority,
    rates: { email: given?.rates?.email ?? DEFAULT_NOTIFICATIONS.rates.email, slack: given?.rates?.slack ?? DEFAULT_NOTIFICATIONS.rates.slack },
    retryHorizonSeconds: given?.retry_horizon ?? DEFAULT_NOTIFICATIONS.retryHorizonSeconds,
  };
}

export function resolveConfig(file: ConfigFile): AppConfig {
  const calendars = resolveCalendars(file.sla);
  const monitoring = file.sla?.monitoring;
  const reporting = file.sla?.reporting;
  return {
    policies: resolvePolicies(file, calendars),
    calendars,
    integrations: (file.integrations ?? []).map(integration),
    apiKeys: (file.api_keys ?? []).map((entry) => ({ name: entry.name, key: entry.key ?? entry.key_env ?? '' })),
    metricsTokens: (file.metrics_tokens ?? []).map((entry) => ({ name: entry.name, token: entry.token ?? entry.token_env ?? '' })),
    notifications: notifications(file),
    links: {
      baseUrl: (file.links?.base_url ?? DEFAULT_LINKS.baseUrl).replace(/\/+$/, ''),
      ttlSeconds: file.links?.ttl ?? DEFAULT_LINKS.ttlSeconds,
    },
    console: {
      password: file.console?.password_env ?? null,
      sessionTtlSeconds: file.console?.session_ttl ?? DEFAULT_CONSOLE.sessionTtlSeconds,
    },
    reporting: {
      enabled: reporting?.enabled ?? DEFAULT_REPORTING.enabled,
      intervals: reporting?.intervals ?? (reporting?.interval === undefined ? DEFAULT_REPORTING.intervals : [reporting.interval]),
      groupBy: reporting?.group_by ?? null,
      recipients: [...(reporting?.recipients ?? DEFAULT_REPORTING.recipients)],
      includeDetails: reporting?.include_details ?? DEFAULT_REPORTING.includeDetails,
      time: reporting?.time ?? DEFAULT_REPORTING.time,
      timezone: reporting?.timezone ?? calendars[DEFAULT_CALENDAR]?.timezone ?? 'UTC',
    },
    monitoring: {
      checkIntervalSeconds: monitoring?.check_interval ?? DEFAULT_MONITORING.checkIntervalSeconds,
      warningThreshold: monitoring?.warning_threshold ?? DEFAULT_MONITORING.warningThreshold,
    },
    operations: { alarmEmails: [...(file.operations?.alarm_emails ?? [])] },
    aws: {
      api: { rateLimit: file.aws?.api?.rate ?? DEFAULT_AWS_API.rateLimit, burstLimit: file.aws?.api?.burst ?? DEFAULT_AWS_API.burstLimit },
      timerConcurrency: file.aws?.timer_concurrency ?? DEFAULT_TIMER_CONCURRENCY,
    },
  };
}
