/**
 * The one schema of the configuration file (`sla-watch.yml`, YAML or JSON). Every key is
 * optional and keeps its default (defaults.ts) when left out, per field; unknown keys are
 * errors anywhere. Durations are seconds (`300`) or text (`"5m"`, `"4h"`, `"1d"`, `"1h30m"`),
 * counted on the priority's calendar. Times are `HH:MM`; zones are IANA names.
 *
 * ```yaml
 * response_tracking:
 *   timeouts:
 *     acknowledgment: {critical: 5m, ...} # first reminder this long after creation, per priority
 *     updates: {critical: 15m, ...}       # after an acknowledgment/update, the next update is due
 *   reminders:
 *     enabled: true
 *     interval: {critical: 5m, ...}       # between reminders, per priority
 *     max_reminders: 3                    # per alert
 *     channels: [email, slack]
 * sla:
 *   definitions:                          # per priority (critical, high, medium, low)
 *     high:
 *       acknowledgment_time: 30m
 *       resolution_time: 4h
 *       business_hours: true              # true: the `default` calendar; false: around the clock
 *       calendar: new-york                # or a named calendar (wins over business_hours: true)
 *       allowed_breaches: 1               # per report period
 *   business_hours:                       # the `default` calendar
 *     timezone: UTC
 *     start_time: "09:00"
 *     end_time: "17:00"                   # after start_time; "24:00" for midnight
 *     weekdays: [0, 1, 2, 3, 4]           # 0 = Monday ... 6 = Sunday
 *     holidays: ["2026-12-25"]            # local dates without business time
 *   calendars:                            # named calendars; `default` and `24x7` are reserved
 *     new-york:
 *       timezone: America/New_York        # required
 *       windows: {mon: ["09:00-12:00", "13:00-17:00"], sat: ["10:00-24:00"]} # required; a weekday left out has none
 *       holidays: ["2026-11-26"]
 *   monitoring:
 *     check_interval: 60                  # how often the sweeper looks for anything overdue
 *     warning_threshold: 0.8              # share of a clock after which it is at risk, in (0, 1)
 *     notification_channels: [email, slack] # at-risk, breach, update-due, resolved
 *   reporting:
 *     enabled: true
 *     intervals: [daily, weekly]          # daily, weekly (Mondays), monthly (the 1st); `interval: daily` also works
 *     group_by: service                   # a label: adds a table per value (alerts, compliance, breaches, MTTA)
 *     recipients: [manager@example.com]
 *     include_details: true
 *     time: "08:00"                       # local send time
 *     timezone: UTC                       # default: sla.business_hours.timezone
 * integrations:                           # webhook senders, POST /webhooks/{id}
 *   - id: prod-am                         # unique, 1-64 of [a-z0-9-]
 *     format: alertmanager                # alertmanager | grafana | pagerduty | uptime-kuma | generic
 *     secrets: ["<16+ chars>"]            # one, or two during a rotation; or:
 *     secret_env: AM_WEBHOOK_SECRET       # read the one secret from this environment variable
 *     priority_map: {critical: critical, warning: medium} # source severity (any case) -> priority
 *     default_priority: medium            # for a severity the map does not know (default medium)
 *     slack_webhook_url: https://hooks.slack.com/...  # this integration's alerts go here
 *     # slack_webhook_url_env: NAME                   # or from a variable (a secret: keep it out of files)
 *     source_acknowledgments: false       # its acknowledgments are a person's (default: true for pagerduty only)
 *   - id: grafana
 *     format: grafana
 *     secrets: ["..."]
 *     grafana_signature:                  # grafana only: verify Grafana's HMAC signature too
 *       secret: "<16+ chars>"             # or secret_env: NAME
 *       header: X-Grafana-Alerting-Signature # default
 *       timestamp_header: X-Grafana-Alerting-Timestamp # when Grafana is set to send one
 *   - id: pd
 *     format: pagerduty                   # the secret doubles as the Events v2 routing_key the
 *     secrets: ["<32 letters/digits>"]    # sender puts in its body, so it must be 32 [A-Za-z0-9]
 * api_keys:                               # for POST /alerts/{id}/responses and the like
 *   - {name: ops-bot, key: "<16+ chars>"} # or key_env: NAME
 * metrics_tokens:                         # bearer tokens for GET /metrics (Prometheus), nothing else
 *   - {name: prometheus, token_env: NAME} # or token: "<16+ chars>"
 * notifications:
 *   from: sla-watch@example.com           # sender of every email
 *   recipients: {critical: [oncall@example.com], ...}  # default: every priority -> oncall@example.com
 *   escalation: {critical: [manager@example.com], ...} # default: critical/high -> manager@example.com
 *   slack_webhook_url: https://hooks.slack.com/...     # default Slack channel (a secret)
 *   slack_webhook_url_env: SLACK_WEBHOOK_URL           # or read it from this variable
 *   slack_webhook_urls: {critical: https://...}        # per priority, over the default
 *   slack_webhook_urls_env: {critical: SLACK_CRITICAL} # the same, from variables
 *   rates: {email: 14, slack: 1}     # sends per second, shared by every sender (Slack: per destination)
 *   retry_horizon: 24h               # transient failures are retried this long, then failed
 * links:
 *   base_url: https://sla.example.com     # public base of the HTTP API, for links in email
 *   ttl: 7d                               # how long an acknowledgment or view link stays valid
 * operations:                             # AWS only (deployment-schema.ts)
 *   alarm_emails: [ops@example.com]       # subscribed to the alarm topic
 * aws:
 *   api: {rate: 3500, burst: 5000}        # HTTP API throttle; past it, 429
 * console:
 *   password_env: SLA_WATCH_CONSOLE_PASSWORD # a password for the web console (API keys also sign in)
 *   session_ttl: 12h                      # how long a console session lasts
 * ```
 *
 * The schema is built per `env` (secrets named by `*_env` are read from it) and stays free of
 * I/O, so a Lambda can import it; zod/mini keeps its bundle small.
 */
import * as z from 'zod/mini';
import { REPORT_INTERVALS } from '../domain/report/report-period.ts';
import { apiKeysSchema, integrationsSchema, metricsTokensSchema } from './access-schema.ts';
import { businessHoursSchema, CALENDAR_NAME, namedCalendar, RESERVED_CALENDAR_NAMES } from './calendar-schema.ts';
import { DEFAULT_BUSINESS_HOURS } from './defaults.ts';
import { awsSchema, operationsSchema } from './deployment-schema.ts';
import { MAX_LINK_LIFETIME_MS } from '../domain/links/link-token.ts';
import { byPriority, channels, clockTime, count, duration, email, emails, httpUrl, secretFromEnv, strict, timezone, urlFromEnv } from './fields.ts';

type Env = Readonly<Record<string, string | undefined>>;

const definition = strict({
  acknowledgment_time: z.optional(duration),
  resolution_time: z.optional(duration),
  business_hours: z.optional(z.boolean()),
  calendar: z.optional(z.string()),
  allowed_breaches: z.optional(count),
});

const responseTracking = strict({
  timeouts: z.optional(strict({ acknowledgment: z.optional(byPriority(duration)), updates: z.optional(byPriority(duration)) })),
  reminders: z.optional(
    strict({
      enabled: z.optional(z.boolean()),
      interval: z.optional(byPriority(duration)),
      max_reminders: z.optional(count),
      channels: z.optional(channels),
    }),
  ),
});

const monitoring = strict({
  check_interval: z.optional(duration),
  warning_threshold: z.optional(
    z.number().check(z.refine((share) => share > 0 && share < 1, { error: 'expected a share strictly between 0 and 1, such as 0.8' })),
  ),
  notification_channels: z.optional(channels),
});

const reporting = strict({
  enabled: z.optional(z.boolean()),
  interval: z.optional(z.enum(REPORT_INTERVALS, { error: `expected one of ${REPORT_INTERVALS.join(', ')}` })),
  intervals: z.optional(
    z.array(z.enum(REPORT_INTERVALS, { error: `expected one of ${REPORT_INTERVALS.join(', ')}` })).check(
      z.refine((list) => new Set(list).size === list.length, { error: 'each interval at most once' }),
    ),
  ),
  group_by: z.optional(z.string().check(z.refine((label) => /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/.test(label), { error: 'expected a label name such as service or team' }))),
  recipients: z.optional(emails),
  include_details: z.optional(z.boolean()),
  time: z.optional(clockTime(false)),
  timezone: z.optional(timezone),
});

const sla = strict({
  definitions: z.optional(byPriority(definition)),
  business_hours: z.optional(businessHoursSchema(DEFAULT_BUSINESS_HOURS)),
  calendars: z.optional(z.record(z.string(), namedCalendar)),
  monitoring: z.optional(monitoring),
  reporting: z.optional(reporting),
}).check(
  // Runs even when a part of `sla` is wrong, so a bad calendar name shows up with the rest.
  z.superRefine(
    (value, ctx) => {
      const calendars: unknown = value?.calendars;
      const names = calendars !== null && typeof calendars === 'object' ? Object.keys(calendars) : [];
      for (const name of names) {
        if (RESERVED_CALENDAR_NAMES.includes(name)) {
          ctx.addIssue({ code: 'custom', path: ['calendars', name], message: `"${name}" is reserved (the default calendar is sla.business_hours)`, input: name });
        } else if (!CALENDAR_NAME.test(name)) {
          ctx.addIssue({ code: 'custom', path: ['calendars', name], message: 'a calendar name is 1 to 64 letters, digits, - and _', input: name });
        }
      }
      const definitions: unknown = value?.definitions;
      if (definitions === null || typeof definitions !== 'object') return;
      for (const [priority, entry] of Object.entries(definitions as Record<string, unknown>)) {
        if (entry === null || typeof entry !== 'object') continue;
        const { calendar, business_hours: businessHours } = entry as { calendar?: unknown; business_hours?: unknown };
        if (typeof calendar !== 'string') continue;
        if (calendar !== 'default' && !names.includes(calendar)) {
          const known = ['default', ...names].join(', ');
          ctx.addIssue({ code: 'custom', path: ['definitions', priority, 'calendar'], message: `unknown calendar "${calendar}" (known: ${known})`, input: calendar });
        }
        if (businessHours === false) {
          ctx.addIssue({ code: 'custom', path: ['definitions', priority, 'calendar'], message: 'a calendar contradicts business_hours: false (around the clock)', input: calendar });
        }
      }
    },
    { when: () => true },
  ),
);

/** Sends per second: positive, at most 1,000 (SES's own ceiling is in the hundreds). */
const sendRate = z.number().check(z.refine((rate) => Number.isFinite(rate) && rate > 0 && rate <= 1000, { error: 'expected sends per second: a number above 0, at most 1000' }));

function notifications(env: Env) {
  return strict({
    from: z.optional(email),
    recipients: z.optional(byPriority(emails)),
    escalation: z.optional(byPriority(emails)),
    slack_webhook_url: z.optional(httpUrl),
    slack_webhook_url_env: z.optional(urlFromEnv(env)),
    slack_webhook_urls: z.optional(byPriority(httpUrl)),
    slack_webhook_urls_env: z.optional(byPriority(urlFromEnv(env))),
    rates: z.optional(strict({ email: z.optional(sendRate), slack: z.optional(sendRate) })),
    retry_horizon: z.optional(duration),
  }).check(
    z.superRefine((given, ctx) => {
      if (given.slack_webhook_url !== undefined && given.slack_webhook_url_env !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'give at most one of slack_webhook_url or slack_webhook_url_env', input: given });
      }
      for (const priority of Object.keys(given.slack_webhook_urls_env ?? {})) {
        if (given.slack_webhook_urls?.[priority as keyof typeof given.slack_webhook_urls] !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['slack_webhook_urls_env', priority], message: `${priority} is also in slack_webhook_urls: give one`, input: priority });
        }
      }
    }),
  );
}

// Links verify only within a year of their expiry (link-token.ts): a longer ttl would sign dead links.
const links = strict({
  base_url: z.optional(httpUrl),
  ttl: z.optional(duration.check(z.refine((seconds) => seconds * 1000 <= MAX_LINK_LIFETIME_MS, { error: 'must be at most 365d' }))),
});

/** The web console: a password people sign in with (besides API keys), and how long a session lasts. */
function consoleSection(env: Env) {
  return strict({ password_env: z.optional(secretFromEnv(env)), session_ttl: z.optional(duration) });
}

/** The schema of the configuration file, reading `*_env` secrets from `env`. */
export function configFileSchema(env: Env) {
  return strict({
    response_tracking: z.optional(responseTracking),
    sla: z.optional(sla),
    integrations: z.optional(integrationsSchema(env)),
    api_keys: z.optional(apiKeysSchema(env)),
    metrics_tokens: z.optional(metricsTokensSchema(env)),
    notifications: z.optional(notifications(env)),
    links: z.optional(links),
    operations: z.optional(operationsSchema),
    aws: z.optional(awsSchema),
    console: z.optional(consoleSection(env)),
  });
}

/** The file as parsed: what it says, durations in seconds and `*_env` secrets read. */
export type ConfigFile = z.output<ReturnType<typeof configFileSchema>>;
