import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/parse-config.ts';
import { TEST_SECRETS, testConfig } from '../support/config-fixtures.ts';

const WEEKDAY_WINDOW = [{ start: '09:00', end: '17:00' }];
const DEFAULT_CALENDAR = {
  name: 'default',
  timezone: 'UTC',
  windows: { mon: WEEKDAY_WINDOW, tue: WEEKDAY_WINDOW, wed: WEEKDAY_WINDOW, thu: WEEKDAY_WINDOW, fri: WEEKDAY_WINDOW },
  holidays: [],
};

const EXAMPLE = {
  sla: {
    business_hours: { timezone: 'UTC', start_time: '09:00', end_time: '17:00', weekdays: [0, 1, 2, 3, 4], holidays: ['2026-12-25'] },
    calendars: {
      'new-york': {
        timezone: 'America/New_York',
        windows: { mon: ['09:00-12:00', '13:00-17:00'], tue: ['09:00-17:00'], sat: ['10:00-24:00'] },
        holidays: ['2026-11-26'],
      },
    },
    definitions: { high: { acknowledgment_time: '30m', resolution_time: '4h', calendar: 'new-york', allowed_breaches: 1 } },
  },
};

describe('the configuration with no file', () => {
  const config = parseConfig(undefined, {});

  it('holds each priority to the replaced system policy', () => {
    const rows = Object.values(config.policies).map((p) => [p.priority, p.acknowledgmentSeconds, p.resolutionSeconds, p.calendar?.name ?? null, p.allowedBreaches]);
    expect(rows).toEqual([
      ['critical', 300, 3600, null, 0],
      ['high', 1800, 14_400, 'default', 1],
      ['medium', 3600, 28_800, 'default', 2],
      ['low', 7200, 86_400, 'default', 3],
    ]);
  });

  it('counts business time 09:00-17:00 UTC Monday to Friday', () => {
    expect(config.calendars).toEqual({ default: DEFAULT_CALENDAR });
    expect(config.policies.high.calendar).toEqual(DEFAULT_CALENDAR);
  });

  it('reminds and asks for updates on the replaced system schedule', () => {
    const rows = Object.values(config.policies).map((p) => [p.priority, p.reminders.firstAfterSeconds, p.reminders.intervalSeconds, p.updateIntervalSeconds]);
    expect(rows).toEqual([
      ['critical', 300, 300, 900],
      ['high', 900, 600, 1800],
      ['medium', 1800, 1800, 3600],
      ['low', 3600, 3600, 7200],
    ]);
    for (const policy of Object.values(config.policies)) {
      expect(policy.reminders).toMatchObject({ enabled: true, max: 3, channels: ['email', 'slack'] });
      expect(policy.warningThreshold).toBe(0.8);
      expect(policy.notificationChannels).toEqual(['email', 'slack']);
    }
  });

  it('sweeps every minute, reports daily at 08:00 UTC and routes mail to the default people', () => {
    expect(config.monitoring).toEqual({ checkIntervalSeconds: 60, warningThreshold: 0.8 });
    expect(config.reporting).toEqual({ enabled: true, intervals: ['daily'], groupBy: null, recipients: ['manager@example.com'], includeDetails: true, time: '08:00', timezone: 'UTC' });
    expect(config.notifications).toEqual({
      from: 'sla-watch@example.com',
      recipients: { critical: ['oncall@example.com'], high: ['oncall@example.com'], medium: ['oncall@example.com'], low: ['oncall@example.com'] },
      escalationRecipients: { critical: ['manager@example.com'], high: ['manager@example.com'], medium: [], low: [] },
      slackWebhookUrl: null,
      slackWebhookUrlByPriority: {},
      // SES out of the sandbox starts at 14 emails a second; a Slack webhook takes about one.
      rates: { email: 14, slack: 1 },
      retryHorizonSeconds: 24 * 3600,
    });
    expect(config.links).toEqual({ baseUrl: 'http://127.0.0.1:8080', ttlSeconds: 7 * 86_400 });
    expect(config.integrations).toEqual([]);
    expect(config.apiKeys).toEqual([]);
  });
});

describe('a configuration file', () => {
  it('accepts named calendars with several windows a day, holidays and a definition naming one', () => {
    const config = parseConfig(EXAMPLE, {});
    const newYork = {
      name: 'new-york',
      timezone: 'America/New_York',
      windows: {
        mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }],
        tue: [{ start: '09:00', end: '17:00' }],
        sat: [{ start: '10:00', end: '24:00' }],
      },
      holidays: ['2026-11-26'],
    };
    expect(config.calendars['new-york']).toEqual(newYork);
    expect(config.calendars['default']?.holidays).toEqual(['2026-12-25']);
    expect(config.policies.high).toMatchObject({ acknowledgmentSeconds: 1800, resolutionSeconds: 14_400, allowedBreaches: 1, calendar: newYork });
    expect(config.policies.medium.calendar?.name).toBe('default');
  });

  it('keeps the defaults for every field it leaves out, priority by priority', () => {
    const config = parseConfig(
      {
        sla: { definitions: { high: { resolution_time: '2h' } }, monitoring: { warning_threshold: 0.5 } },
        response_tracking: { reminders: { interval: { low: '10m' } }, timeouts: { updates: { critical: 60 } } },
      },
      {},
    );
    expect(config.policies.high).toMatchObject({ acknowledgmentSeconds: 1800, resolutionSeconds: 7200, allowedBreaches: 1, warningThreshold: 0.5 });
    expect(config.policies.high.calendar?.name).toBe('default');
    expect(config.policies.critical).toMatchObject({ acknowledgmentSeconds: 300, resolutionSeconds: 3600, calendar: null, updateIntervalSeconds: 60 });
    expect(config.policies.low.reminders).toMatchObject({ intervalSeconds: 600, firstAfterSeconds: 3600, max: 3 });
    expect(config.policies.medium.reminders.intervalSeconds).toBe(1800);
  });

  it('reads durations as seconds or as text with units', () => {
    const config = parseConfig(
      { sla: { definitions: { critical: { acknowledgment_time: 90, resolution_time: '1h30m' }, low: { resolution_time: '1d' } }, monitoring: { check_interval: '30s' } }, links: { ttl: '2d' } },
      {},
    );
    expect(config.policies.critical.acknowledgmentSeconds).toBe(90);
    expect(config.policies.critical.resolutionSeconds).toBe(5400);
    expect(config.policies.low.resolutionSeconds).toBe(86_400);
    expect(config.monitoring.checkIntervalSeconds).toBe(30);
    expect(config.links.ttlSeconds).toBe(172_800);
  });

  it('counts around the clock with business_hours false and on the default calendar with true', () => {
    const config = parseConfig({ sla: { definitions: { critical: { business_hours: true }, low: { business_hours: false }, medium: { calendar: 'default' } } } }, {});
    expect(config.policies.critical.calendar?.name).toBe('default');
    expect(config.policies.low.calendar).toBeNull();
    expect(config.policies.medium.calendar?.name).toBe('default');
  });

  it('builds the default calendar from business_hours and sends the report in its zone', () => {
    const config = parseConfig({ sla: { business_hours: { timezone: 'Europe/Paris', start_time: '08:30', end_time: '24:00', weekdays: [5, 0] } } }, {});
    expect(config.calendars['default']).toEqual({
      name: 'default',
      timezone: 'Europe/Paris',
      windows: { mon: [{ start: '08:30', end: '24:00' }], sat: [{ start: '08:30', end: '24:00' }] },
      holidays: [],
    });
    expect(config.reporting.timezone).toBe('Europe/Paris');
    expect(parseConfig({ sla: { reporting: { timezone: 'Asia/Tokyo', time: '07:15' } } }, {}).reporting).toMatchObject({ timezone: 'Asia/Tokyo', time: '07:15' });
  });

  it('resolves integrations: secrets from the file or the environment, severities lower-cased, grafana signature defaults', () => {
    const envSecret = 'from-the-environment-0123456789';
    const config = parseConfig(
      {
        integrations: [
          { id: 'prod-am', format: 'alertmanager', secrets: ['old-secret-0123456789', 'new-secret-0123456789'], priority_map: { Critical: 'critical', WARNING: 'low' }, default_priority: 'high' },
          { id: 'grafana', format: 'grafana', secret_env: 'GRAFANA_SECRET', grafana_signature: { secret_env: 'GRAFANA_SECRET', timestamp_header: 'X-Grafana-Alerting-Timestamp' }, slack_webhook_url: 'https://hooks.slack.test/x' },
        ],
        api_keys: [{ name: 'bot', key_env: 'BOT_KEY' }],
      },
      { GRAFANA_SECRET: envSecret, BOT_KEY: 'bot-key-0123456789abc' },
    );
    expect(config.integrations).toEqual([
      { id: 'prod-am', format: 'alertmanager', secrets: ['old-secret-0123456789', 'new-secret-0123456789'], priorityMap: { critical: 'critical', warning: 'low' }, defaultPriority: 'high', grafanaSignature: null, slackWebhookUrl: null, sourceAcknowledgments: false },
      {
        id: 'grafana',
        format: 'grafana',
        secrets: [envSecret],
        priorityMap: {},
        defaultPriority: 'medium',
        grafanaSignature: { secret: envSecret, header: 'X-Grafana-Alerting-Signature', timestampHeader: 'X-Grafana-Alerting-Timestamp' },
        slackWebhookUrl: 'https://hooks.slack.test/x',
        sourceAcknowledgments: false,
      },
    ]);
    expect(config.apiKeys).toEqual([{ name: 'bot', key: 'bot-key-0123456789abc' }]);
  });

  it('routes notifications per priority over the defaults and trims the base URL', () => {
    const config = parseConfig(
      {
        notifications: { from: 'alerts@corp.example', recipients: { critical: ['a@corp.example', 'b@corp.example'] }, escalation: { low: ['boss@corp.example'] }, slack_webhook_urls: { high: 'https://hooks.slack.test/high' } },
        links: { base_url: 'https://sla.corp.example/' },
      },
      {},
    );
    expect(config.notifications.recipients).toEqual({ critical: ['a@corp.example', 'b@corp.example'], high: ['oncall@example.com'], medium: ['oncall@example.com'], low: ['oncall@example.com'] });
    expect(config.notifications.escalationRecipients).toEqual({ critical: ['manager@example.com'], high: ['manager@example.com'], medium: [], low: ['boss@corp.example'] });
    expect(config.notifications.slackWebhookUrlByPriority).toEqual({ high: 'https://hooks.slack.test/high' });
    expect(config.notifications.from).toBe('alerts@corp.example');
    expect(config.links.baseUrl).toBe('https://sla.corp.example');
  });
});

describe('the test fixture', () => {
  it('has one integration per format with the exported secrets, and applies a patch', () => {
    const config = testConfig({ sla: { definitions: { high: { resolution_time: '1h' } } } });
    expect(config.integrations.map((i) => [i.id, i.format, i.secrets])).toEqual([
      ['am', 'alertmanager', [TEST_SECRETS.am]],
      ['grafana', 'grafana', [TEST_SECRETS.grafana]],
      ['pd', 'pagerduty', [TEST_SECRETS.pd]],
      ['kuma', 'uptime-kuma', [TEST_SECRETS.kuma]],
      ['generic', 'generic', [TEST_SECRETS.generic]],
    ]);
    expect(config.apiKeys.map((k) => k.key)).toEqual([TEST_SECRETS.apiKey]);
    expect(config.policies.high.resolutionSeconds).toBe(3600);
    expect(config.policies.high.acknowledgmentSeconds).toBe(1800);
  });
});

describe('notification rates', () => {
  it('reads rates and the retry horizon, and refuses a rate that is not a positive number, naming its path', async () => {
    const { parseConfig } = await import('../../shared/config/parse-config.ts');
    const config = parseConfig({ notifications: { rates: { email: 1, slack: 0.5 }, retry_horizon: '2h' } }, {});
    expect(config.notifications.rates).toEqual({ email: 1, slack: 0.5 });
    expect(config.notifications.retryHorizonSeconds).toBe(7200);
    expect(() => parseConfig({ notifications: { rates: { email: 0, slack: 'fast' } } }, {})).toThrow(/notifications\.rates\.email[\s\S]*notifications\.rates\.slack/);
  });
});
