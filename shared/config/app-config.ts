/**
 * The validated, resolved configuration the application runs on. Produced only by
 * `loadConfig`/`parseConfig` (shared/config/), which check the file against one schema and fill
 * every default; nothing else reads configuration files or the environment.
 */
import type { IntegrationFormat } from '../domain/alert/alert.ts';
import type { CalendarSpec } from '../domain/calendar/calendar-spec.ts';
import type { ReportInterval } from '../domain/report/report-period.ts';
import type { Priority } from '../domain/sla/priority.ts';
import type { SlaPolicy } from '../domain/sla/sla-policy.ts';

export interface IntegrationConfig {
  readonly id: string;
  readonly format: IntegrationFormat;
  /**
   * One or two active secrets (two during a rotation), each at least 16 characters. Never
   * logged. For `pagerduty` a secret doubles as the Events v2 `routing_key` the sender puts
   * in its body, so the schema requires exactly 32 letters and digits there.
   */
  readonly secrets: readonly string[];
  /** Lower-cased source severity -> priority; merged over the built-in mapping. */
  readonly priorityMap: Readonly<Record<string, Priority>>;
  /** Priority for a severity the map does not know, or none at all (default `medium`). */
  readonly defaultPriority: Priority;
  /** Grafana only: verify X-Grafana-Alerting-Signature with this secret when set. */
  readonly grafanaSignature: GrafanaSignatureConfig | null;
  /** Slack incoming webhook for this integration's alerts (overrides the priority's). */
  readonly slackWebhookUrl: string | null;
  /**
   * Whether the acknowledgments this source relays were made by a person (`source_acknowledgments`;
   * default true for pagerduty, whose `acknowledge` is a person's action in the sending tool,
   * false for the rest). When false they stop reminders but do not answer the acknowledgment SLA.
   * Resolutions from a webhook are always the source's.
   */
  readonly sourceAcknowledgments: boolean;
}

export interface GrafanaSignatureConfig {
  readonly secret: string;
  /** Header carrying the signature (Grafana's default: X-Grafana-Alerting-Signature). */
  readonly header: string;
  /** Header carrying the Unix-seconds timestamp, when Grafana is set to send one. */
  readonly timestampHeader: string | null;
}

export interface ApiKeyConfig {
  readonly name: string;
  readonly key: string;
}

/** A bearer token for `GET /metrics`: lets a scraper read the figures and nothing else. Never logged. */
export interface MetricsTokenConfig {
  readonly name: string;
  readonly token: string;
}

export interface NotificationRouting {
  /** Sender address for every email. */
  readonly from: string;
  readonly recipients: Readonly<Record<Priority, readonly string[]>>;
  readonly escalationRecipients: Readonly<Record<Priority, readonly string[]>>;
  /** Slack incoming webhooks: a default and per priority. Secrets: never logged. */
  readonly slackWebhookUrl: string | null;
  readonly slackWebhookUrlByPriority: Readonly<Partial<Record<Priority, string>>>;
  /** Sends per second, shared by every sender process; Slack's is per destination. */
  readonly rates: { readonly email: number; readonly slack: number };
  /** Transient delivery failures are retried this long after the claim, then failed. */
  readonly retryHorizonSeconds: number;
}

export interface LinkConfig {
  /** Public base URL of the HTTP API, used in links in email (no trailing slash). */
  readonly baseUrl: string;
  /** How long an acknowledgment link stays valid. */
  readonly ttlSeconds: number;
}

export interface ConsoleConfig {
  /** A password people may sign in to the web console with (console.password_env); null: API keys only. Never logged. */
  readonly password: string | null;
  /** How long a console session lasts. */
  readonly sessionTtlSeconds: number;
}

export interface ReportingConfig {
  readonly enabled: boolean;
  /** Which reports are mailed on their schedules: daily, weekly (Mondays), monthly (the 1st). */
  readonly intervals: readonly ReportInterval[];
  /** A label whose values each get a row of their own in the report (`group_by`), or null. */
  readonly groupBy: string | null;
  readonly recipients: readonly string[];
  readonly includeDetails: boolean;
  /** Local wall time `HH:MM` at which the daily report is sent. */
  readonly time: string;
  /** IANA zone of the report's day and send time (default: the default calendar's). */
  readonly timezone: string;
}

export interface MonitoringConfig {
  readonly checkIntervalSeconds: number;
  readonly warningThreshold: number;
}

/** Deployment only (the CDK stack reads it): who is told when an alarm fires. */
export interface OperationsConfig {
  /** Each address gets an email subscription to the stack's alarm topic. */
  readonly alarmEmails: readonly string[];
}

/** Deployment only: the HTTP API stage's throttle; past it API Gateway answers 429. */
export interface AwsDeploymentConfig {
  readonly api: { readonly rateLimit: number; readonly burstLimit: number };
  /** Reserved concurrency of each timer function: a storm of timers queues (Lambda retries
   * throttled timer events for up to an hour, the sweeper after) instead of taking the
   * concurrency the API needs. */
  readonly timerConcurrency: number;
}

export interface AppConfig {
  /** The resolved policy per priority, copied onto alerts as their snapshot. */
  readonly policies: Readonly<Record<Priority, SlaPolicy>>;
  /** Every named calendar, `default` included (from sla.business_hours). */
  readonly calendars: Readonly<Record<string, CalendarSpec>>;
  readonly integrations: readonly IntegrationConfig[];
  readonly apiKeys: readonly ApiKeyConfig[];
  readonly metricsTokens: readonly MetricsTokenConfig[];
  readonly notifications: NotificationRouting;
  readonly links: LinkConfig;
  readonly console: ConsoleConfig;
  readonly reporting: ReportingConfig;
  readonly monitoring: MonitoringConfig;
  readonly operations: OperationsConfig;
  readonly aws: AwsDeploymentConfig;
}
