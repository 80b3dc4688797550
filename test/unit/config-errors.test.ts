import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/parse-config.ts';
import { ConfigError } from '../../shared/errors.ts';

const PD_KEY = 'R0123456789abcdefghijklmnopqrstu';

/** The problems a file has, as the user reads them (`path: message`). */
function problems(raw: unknown, env: Record<string, string | undefined> = {}): readonly string[] {
  try {
    parseConfig(raw, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).details;
  }
  throw new Error('expected the configuration to be refused');
}

const calendar = (windows: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ sla: { calendars: { office: { timezone: 'UTC', windows, ...extra } } } });

describe('a configuration file with a problem', () => {
  it.each<[string, unknown, string]>([
    ['an unknown top-level key', { slas: {} }, 'slas: unknown key (expected one of: response_tracking, sla, integrations, api_keys, metrics_tokens, notifications, links, operations, aws, console)'],
    ['an unknown nested key', { sla: { monitoring: { check_intervall: 60 } } }, 'sla.monitoring.check_intervall: unknown key (expected one of: check_interval, warning_threshold, notification_channels)'],
    ['an unknown priority', { sla: { definitions: { urgent: { resolution_time: 60 } } } }, 'sla.definitions.urgent: unknown priority (expected one of: critical, high, medium, low)'],
    ['an unknown weekday', calendar({ mon: ['09:00-17:00'], monday: [] }), 'sla.calendars.office.windows.monday: unknown weekday (expected one of: mon, tue, wed, thu, fri, sat, sun)'],
    ['a wrong type', { sla: { business_hours: { weekdays: 'mon-fri' } } }, 'sla.business_hours.weekdays: expected a list, got a string'],
    ['a bad time zone', { sla: { business_hours: { timezone: 'Mars/Olympus' } } }, 'sla.business_hours.timezone: unknown time zone: use an IANA name such as "Europe/Paris" or "UTC"'],
    ['a bad HH:MM', { sla: { business_hours: { start_time: '9:00' } } }, 'sla.business_hours.start_time: expected a time HH:MM (00:00 to 23:59)'],
    ['business hours ending before they start', { sla: { business_hours: { end_time: '08:00' } } }, 'sla.business_hours.end_time: end 08:00 is not after start 09:00 (use 24:00 for midnight)'],
    ['no business weekday', { sla: { business_hours: { weekdays: [] } } }, 'sla.business_hours.weekdays: no business time: list at least one weekday'],
    ['a weekday out of range', { sla: { business_hours: { weekdays: [0, 7] } } }, 'sla.business_hours.weekdays[1]: expected a weekday number 0 (Monday) to 6 (Sunday)'],
    ['overlapping windows', calendar({ mon: ['09:00-12:00', '11:00-17:00'] }), 'sla.calendars.office.windows.mon[1]: overlaps 09:00-12:00'],
    ['a window ending before it starts', calendar({ mon: ['17:00-09:00'] }), 'sla.calendars.office.windows.mon[0]: end 09:00 is not after start 17:00 (a window ending at midnight ends at 24:00)'],
    ['a window that is not HH:MM-HH:MM', calendar({ mon: ['9-5'] }), 'sla.calendars.office.windows.mon[0]: expected a window "HH:MM-HH:MM" such as "09:00-17:00"'],
    ['a window starting at 24:00', calendar({ mon: ['24:00-24:00'] }), 'sla.calendars.office.windows.mon[0]: start 24:00 is not a time HH:MM (00:00 to 23:59)'],
    ['a calendar with no business time', calendar({ mon: [], sun: [] }), 'sla.calendars.office.windows: no business time: give at least one weekday a window'],
    ['a holiday that does not exist', calendar({ mon: ['09:00-17:00'] }, { holidays: ['2026-02-30'] }), 'sla.calendars.office.holidays[0]: expected a date YYYY-MM-DD that exists'],
    ['a holiday in another format', { sla: { business_hours: { holidays: ['25/12/2026'] } } }, 'sla.business_hours.holidays[0]: expected a date YYYY-MM-DD that exists'],
    ['a reserved calendar name', { sla: { calendars: { default: { timezone: 'UTC', windows: { mon: ['09:00-17:00'] } } } } }, 'sla.calendars.default: "default" is reserved (the default calendar is sla.business_hours)'],
    ['an unknown calendar', { sla: { definitions: { high: { calendar: 'london' } } } }, 'sla.definitions.high.calendar: unknown calendar "london" (known: default)'],
    ['a calendar with business_hours false', { sla: { definitions: { high: { calendar: 'default', business_hours: false } } } }, 'sla.definitions.high.calendar: a calendar contradicts business_hours: false (around the clock)'],
    ['a threshold of 0', { sla: { monitoring: { warning_threshold: 0 } } }, 'sla.monitoring.warning_threshold: expected a share strictly between 0 and 1, such as 0.8'],
    ['a threshold of 1', { sla: { monitoring: { warning_threshold: 1 } } }, 'sla.monitoring.warning_threshold: expected a share strictly between 0 and 1, such as 0.8'],
    ['a zero duration', { sla: { definitions: { low: { resolution_time: 0 } } } }, 'sla.definitions.low.resolution_time: must be longer than 0 seconds'],
    ['a zero duration as text', { response_tracking: { timeouts: { updates: { low: '0m' } } } }, 'response_tracking.timeouts.updates.low: must be longer than 0 seconds'],
    ['a negative duration', { sla: { definitions: { low: { acknowledgment_time: -5 } } } }, 'sla.definitions.low.acknowledgment_time: Invalid duration -5: expected a whole number of seconds or text like "90", "30s", "5m", "4h", "1d", "1h30m", "2d4h"'],
    ['a duration of the wrong type', { sla: { definitions: { low: { acknowledgment_time: true } } } }, 'sla.definitions.low.acknowledgment_time: expected a duration: seconds (300) or text such as "5m", "4h", "1d"'],
    ['a fractional count', { sla: { definitions: { low: { allowed_breaches: 1.5 } } } }, 'sla.definitions.low.allowed_breaches: expected a whole number >= 0'],
    ['an unknown channel', { sla: { monitoring: { notification_channels: ['email', 'sms'] } } }, 'sla.monitoring.notification_channels[1]: unknown channel (expected email or slack)'],
    ['a bad email address', { notifications: { recipients: { high: ['on call@example.com'] } } }, 'notifications.recipients.high[0]: expected an email address such as oncall@example.com'],
    ['a bad report recipient', { sla: { reporting: { recipients: ['manager'] } } }, 'sla.reporting.recipients[0]: expected an email address such as oncall@example.com'],
    ['an unknown report period', { sla: { reporting: { interval: 'hourly' } } }, 'sla.reporting.interval: expected one of daily, weekly, monthly'],
    ['a group_by that is no label name', { sla: { reporting: { group_by: 'my team' } } }, 'sla.reporting.group_by: expected a label name such as service or team'],
    ['a base URL that is not http', { links: { base_url: 'ftp://example.com' } }, 'links.base_url: expected an http(s) URL'],
  ])('refuses %s', (_what, raw, expected) => {
    expect(problems(raw)).toContain(expected);
  });
});

describe('integrations and API keys with a problem', () => {
  const integration = (fields: Record<string, unknown>) => ({ integrations: [{ id: 'am', format: 'alertmanager', secrets: ['0123456789abcdef'], ...fields }] });

  it.each<[string, unknown, string]>([
    ['a duplicate id', { integrations: [integration({}).integrations[0], integration({}).integrations[0]] }, 'integrations[1].id: duplicate integration id "am"'],
    ['an id with capitals', integration({ id: 'Prod' }), 'integrations[0].id: expected 1 to 64 characters of a-z, 0-9 and -'],
    ['an unknown format', integration({ format: 'zabbix' }), 'integrations[0].format: unknown format (expected one of: alertmanager, grafana, pagerduty, uptime-kuma, generic)'],
    ['a short secret', integration({ secrets: ['too-short'] }), 'integrations[0].secrets[0]: must be at least 16 characters'],
    ['three secrets', integration({ secrets: ['0123456789abcdef', '0123456789abcdeg', '0123456789abcdeh'] }), 'integrations[0].secrets: expected one secret, or two during a rotation'],
    ['no secret', integration({ secrets: undefined }), 'integrations[0]: give exactly one of secrets or secret_env'],
    ['both secrets and secret_env', integration({ secret_env: 'AM_SECRET' }), 'integrations[0]: give exactly one of secrets or secret_env'],
    ['an unset secret variable', integration({ secrets: undefined, secret_env: 'NOT_SET' }), 'integrations[0].secret_env: environment variable NOT_SET is not set'],
    ['a short secret variable', integration({ secrets: undefined, secret_env: 'SHORT' }), 'integrations[0].secret_env: environment variable SHORT must hold at least 16 characters'],
    ['a pagerduty secret that is no routing key', integration({ format: 'pagerduty', secrets: ['not-a-routing-key-0123456789-abc'] }), 'integrations[0].secrets[0]: a pagerduty secret is its routing key: expected exactly 32 letters and digits'],
    ['a severity mapped to an unknown priority', integration({ priority_map: { warning: 'p2' } }), 'integrations[0].priority_map.warning: unknown priority (expected one of: critical, high, medium, low)'],
    ['a grafana signature on another format', integration({ grafana_signature: { secret: '0123456789abcdef' } }), 'integrations[0].grafana_signature: only a grafana integration has a signature'],
    ['a signature header with CR/LF', { integrations: [{ id: 'g', format: 'grafana', secrets: ['0123456789abcdef'], grafana_signature: { secret: '0123456789abcdef', header: 'X-Sig\r\nX-Evil: 1' } }] }, 'integrations[0].grafana_signature.header: expected an HTTP header name'],
    ['a short API key', { api_keys: [{ name: 'bot', key: 'short' }] }, 'api_keys[0].key: must be at least 16 characters'],
    ['a duplicate API key name', { api_keys: [{ name: 'bot', key: '0123456789abcdef' }, { name: 'bot', key: '0123456789abcdeg' }] }, 'api_keys[1].name: duplicate api key name "bot"'],
    ['a Slack webhook in both forms', integration({ slack_webhook_url: 'https://hooks.slack.com/services/T/B/x', slack_webhook_url_env: 'SLACK' }), 'integrations[0]: give at most one of slack_webhook_url or slack_webhook_url_env'],
    ['a Slack webhook variable that is no URL', integration({ slack_webhook_url_env: 'SHORT' }), 'integrations[0].slack_webhook_url_env: environment variable SHORT must hold an http(s) URL'],
    ['an unset Slack webhook variable', { notifications: { slack_webhook_urls_env: { critical: 'NOT_SET' } } }, 'notifications.slack_webhook_urls_env.critical: environment variable NOT_SET is not set'],
  ])('refuses %s', (_what, raw, expected) => {
    expect(problems(raw, { SHORT: 'short', AM_SECRET: 'am-secret-from-env-0123', SLACK: 'https://hooks.slack.com/services/T/B/y' })).toContain(expected);
  });

  it('reads Slack webhooks, which are secrets, from variables', () => {
    const env = { SLACK_DEFAULT: 'https://hooks.slack.com/services/T/B/default', SLACK_P1: 'https://hooks.slack.com/services/T/B/p1', SLACK_AM: 'https://hooks.slack.com/services/T/B/am' };
    const config = parseConfig(
      { ...integration({ slack_webhook_url_env: 'SLACK_AM' }), notifications: { slack_webhook_url_env: 'SLACK_DEFAULT', slack_webhook_urls_env: { critical: 'SLACK_P1' } } },
      env,
    );
    expect(config.integrations[0]?.slackWebhookUrl).toBe(env.SLACK_AM);
    expect(config.notifications.slackWebhookUrl).toBe(env.SLACK_DEFAULT);
    expect(config.notifications.slackWebhookUrlByPriority).toEqual({ critical: env.SLACK_P1 });
  });

  it('accepts a pagerduty routing key of 32 letters and digits', () => {
    expect(parseConfig(integration({ format: 'pagerduty', secrets: [PD_KEY] }), {}).integrations[0]?.secrets).toEqual([PD_KEY]);
  });

  it('never repeats a secret in a message', () => {
    const secret = 'short-secret';
    const details = problems({ integrations: [{ id: 'pd', format: 'pagerduty', secrets: [secret] }], api_keys: [{ name: 'bot', key: secret }] });
    expect(details.length).toBeGreaterThan(0);
    expect(details.join('\n')).not.toContain(secret);
  });
});

describe('a file with several problems', () => {
  it('lists every problem at once, each with its path', () => {
    const details = problems({
      sla: {
        business_hours: { timezone: 'Nowhere/City' },
        calendars: { office: { timezone: 'UTC', windows: { mon: ['09:00-12:00', '10:00-11:00'] }, holidays: ['2026-13-01'] } },
        definitions: { high: { calendar: 'home' } },
        monitoring: { warning_threshold: 1.5 },
        colour: 'blue',
      },
      notifications: { from: 'nobody' },
    });
    expect(details).toEqual(
      expect.arrayContaining([
        'sla.business_hours.timezone: unknown time zone: use an IANA name such as "Europe/Paris" or "UTC"',
        'sla.calendars.office.windows.mon[1]: overlaps 09:00-12:00',
        'sla.calendars.office.holidays[0]: expected a date YYYY-MM-DD that exists',
        'sla.definitions.high.calendar: unknown calendar "home" (known: default, office)',
        'sla.monitoring.warning_threshold: expected a share strictly between 0 and 1, such as 0.8',
        'sla.colour: unknown key (expected one of: definitions, business_hours, calendars, monitoring, reporting)',
        'notifications.from: expected an email address such as oncall@example.com',
      ]),
    );
    expect(details).toHaveLength(7);
  });

  it('says the whole file is wrong when it is not a mapping', () => {
    expect(problems(['a', 'list'])).toEqual(['(file): expected a mapping, got a list']);
  });
});
