/**
 * A one-screen text summary of a configuration, for `sla-watch check-config` and startup
 * logs: calendars, each priority's SLA, integrations, routing and the report. It never shows
 * a secret: integrations appear by id and format, API keys by name, Slack webhooks as "set".
 */
import { AROUND_THE_CLOCK, WEEKDAYS, type CalendarSpec } from '../domain/calendar/calendar-spec.ts';
import { formatDurationSeconds } from '../domain/duration.ts';
import { PRIORITIES } from '../domain/sla/priority.ts';
import type { SlaPolicy } from '../domain/sla/sla-policy.ts';
import type { AppConfig } from './app-config.ts';

function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = rows.reduce<number[]>((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), []);
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/** `mon-fri 09:00-17:00; sat 10:00-24:00`: consecutive weekdays with the same windows grouped. */
export function describeWindows(calendar: CalendarSpec): string {
  const texts = WEEKDAYS.map((day) => (calendar.windows[day] ?? []).map((w) => `${w.start}-${w.end}`).join(', '));
  const groups: string[] = [];
  for (let first = 0; first < WEEKDAYS.length; ) {
    let last = first;
    while (last + 1 < WEEKDAYS.length && texts[last + 1] === texts[first]) last += 1;
    if (texts[first] !== '') groups.push(`${WEEKDAYS[first]}${last === first ? '' : `-${WEEKDAYS[last]}`} ${texts[first]}`);
    first = last + 1;
  }
  return groups.length === 0 ? 'no business time' : groups.join('; ');
}

function reminders(policy: SlaPolicy): string {
  const r = policy.reminders;
  if (!r.enabled || r.max === 0) return 'none';
  return `after ${formatDurationSeconds(r.firstAfterSeconds)}, every ${formatDurationSeconds(r.intervalSeconds)}, max ${r.max}`;
}

function policyRow(policy: SlaPolicy): string[] {
  return [
    policy.priority,
    formatDurationSeconds(policy.acknowledgmentSeconds),
    formatDurationSeconds(policy.resolutionSeconds),
    policy.calendar === null ? AROUND_THE_CLOCK : `business hours (${policy.calendar.name})`,
    String(policy.allowedBreaches),
    reminders(policy),
    `every ${formatDurationSeconds(policy.updateIntervalSeconds)}`,
  ];
}

function list(items: readonly string[]): string {
  return items.length === 0 ? 'nobody' : items.join(', ');
}

export function summarizeConfig(config: AppConfig): string {
  const anyPolicy = config.policies.critical;
  const { notifications: n, reporting } = config;
  const lines = [
    'Calendars',
    ...table(
      Object.values(config.calendars).map((c) => [c.name, c.timezone, describeWindows(c), `${c.holidays.length} holiday${c.holidays.length === 1 ? '' : 's'}`]),
    ),
    'SLA per priority',
    ...table([['priority', 'ack', 'resolve', 'clock', 'breaches', 'reminders', 'updates'], ...PRIORITIES.map((p) => policyRow(config.policies[p]))]),
    `  at risk after ${Math.round(anyPolicy.warningThreshold * 100)}% of a clock; notify by ${list(anyPolicy.notificationChannels)}; reminders by ${list(anyPolicy.reminders.channels)}; sweep every ${formatDurationSeconds(config.monitoring.checkIntervalSeconds)}`,
    'Integrations',
    ...(config.integrations.length === 0
      ? ['  none (webhooks refuse every request)']
      : table(config.integrations.map((i) => [i.id, i.format, `${i.secrets.length} secret${i.secrets.length === 1 ? '' : 's'}`, i.grafanaSignature === null ? '' : 'signature checked']))),
    `API keys: ${config.apiKeys.length === 0 ? 'none' : config.apiKeys.map((k) => k.name).join(', ')}`,
    `Metrics tokens: ${config.metricsTokens.length === 0 ? 'none (GET /metrics refuses every scrape)' : config.metricsTokens.map((t) => t.name).join(', ')}`,
    `Email from ${n.from}`,
    ...table(PRIORITIES.map((p) => [p, `to ${list(n.recipients[p])}`, `escalate to ${list(n.escalationRecipients[p])}`])),
    `Slack: ${n.slackWebhookUrl === null ? 'no default webhook' : 'default webhook set'}${Object.keys(n.slackWebhookUrlByPriority).length === 0 ? '' : `; own webhook for ${Object.keys(n.slackWebhookUrlByPriority).join(', ')}`}`,
    reporting.enabled
      ? `Report: ${reporting.intervals.join(', ')} at ${reporting.time} ${reporting.timezone} to ${list(reporting.recipients)}${reporting.includeDetails ? ', with details' : ''}${reporting.groupBy === null ? '' : `, by ${reporting.groupBy}`}`
      : 'Report: disabled',
    `Links: ${config.links.baseUrl}, valid ${formatDurationSeconds(config.links.ttlSeconds)}`,
    `Console: ${config.links.baseUrl}/, sign in with an API key${config.console.password === null ? '' : ' or the console password'}; sessions last ${formatDurationSeconds(config.console.sessionTtlSeconds)}`,
  ];
  return lines.join('\n');
}
