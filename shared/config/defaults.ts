/**
 * The defaults: the replaced system's policy, value for value, so a deployment with no
 * configuration file behaves as it did. Every key a file leaves out keeps its value from here
 * (per field: a file setting only `sla.definitions.high.resolution_time` keeps high's other
 * fields). Durations are seconds.
 */
import type { Priority } from '../domain/sla/priority.ts';
import type { Channel } from '../domain/sla/sla-policy.ts';

type ByPriority<T> = Readonly<Record<Priority, T>>;

export interface DefinitionDefaults {
  readonly acknowledgmentSeconds: number;
  readonly resolutionSeconds: number;
  readonly businessHours: boolean;
  readonly allowedBreaches: number;
}

export const DEFAULT_DEFINITIONS: ByPriority<DefinitionDefaults> = {
  critical: { acknowledgmentSeconds: 300, resolutionSeconds: 3600, businessHours: false, allowedBreaches: 0 },
  high: { acknowledgmentSeconds: 1800, resolutionSeconds: 14_400, businessHours: true, allowedBreaches: 1 },
  medium: { acknowledgmentSeconds: 3600, resolutionSeconds: 28_800, businessHours: true, allowedBreaches: 2 },
  low: { acknowledgmentSeconds: 7200, resolutionSeconds: 86_400, businessHours: true, allowedBreaches: 3 },
};

export const DEFAULT_BUSINESS_HOURS = {
  startTime: '09:00',
  endTime: '17:00',
  timezone: 'UTC',
  /** 0 = Monday. */
  weekdays: [0, 1, 2, 3, 4] as readonly number[],
  holidays: [] as readonly string[],
} as const;

export const DEFAULT_TIMEOUTS = {
  acknowledgment: { critical: 300, high: 900, medium: 1800, low: 3600 } as ByPriority<number>,
  updates: { critical: 900, high: 1800, medium: 3600, low: 7200 } as ByPriority<number>,
} as const;

export const DEFAULT_REMINDERS = {
  enabled: true,
  interval: { critical: 300, high: 600, medium: 1800, low: 3600 } as ByPriority<number>,
  maxReminders: 3,
  channels: ['email', 'slack'] as readonly Channel[],
} as const;

export const DEFAULT_MONITORING = {
  checkIntervalSeconds: 60,
  warningThreshold: 0.8,
  notificationChannels: ['email', 'slack'] as readonly Channel[],
} as const;

/** The report's time zone defaults to the default calendar's, so it is not listed here. */
export const DEFAULT_REPORTING = {
  enabled: true,
  intervals: ['daily'] as readonly ('daily' | 'weekly' | 'monthly')[],
  recipients: ['manager@example.com'] as readonly string[],
  includeDetails: true,
  time: '08:00',
} as const;

export const DEFAULT_NOTIFICATIONS = {
  from: 'sla-watch@example.com',
  recipients: { critical: ['oncall@example.com'], high: ['oncall@example.com'], medium: ['oncall@example.com'], low: ['oncall@example.com'] } as ByPriority<readonly string[]>,
  escalation: { critical: ['manager@example.com'], high: ['manager@example.com'], medium: [], low: [] } as ByPriority<readonly string[]>,
  /** SES out of the sandbox starts at 14 emails a second; a Slack webhook takes about one a second. */
  rates: { email: 14, slack: 1 },
  retryHorizonSeconds: 24 * 3600,
} as const;

/** Console sessions last a working day unless configured otherwise (console.session_ttl). */
export const DEFAULT_CONSOLE = { sessionTtlSeconds: 12 * 3600 } as const;

export const DEFAULT_LINKS = {
  baseUrl: 'http://127.0.0.1:8080',
  ttlSeconds: 7 * 86_400,
} as const;

/** Priority of an alert whose severity an integration's map does not know. */
export const DEFAULT_INTEGRATION_PRIORITY: Priority = 'medium';
export const DEFAULT_GRAFANA_SIGNATURE_HEADER = 'X-Grafana-Alerting-Signature';

/**
 * The HTTP API's throttle: sized for a storm of new alerts each in a request of its own, under
 * the 3,892 a second the sharded indexes take (the outbox index's 16 partitions limit them:
 * `npm run bench -- dynamo-heat`; Alertmanager and Grafana send many alerts a request, so they
 * get further). Burst is API Gateway's default account
 * burst; a request past either gets 429, which Alertmanager and PagerDuty clients retry.
 */
export const DEFAULT_AWS_API = { rateLimit: 3_500, burstLimit: 5_000 } as const;
/** Each of the three timer functions: 30 reserved in all, so an account needs a quota of 130. */
export const DEFAULT_TIMER_CONCURRENCY = 10;
