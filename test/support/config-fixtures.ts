/**
 * A complete, valid configuration for tests, built through the real parser: one integration
 * per webhook format (ids `am`, `grafana`, `pd`, `kuma`, `generic`), an API key, recipients
 * and Slack webhooks per priority, and the default SLA policy (business hours 09:00-17:00 UTC,
 * Monday to Friday). `testConfig(patch)` deep-merges `patch` (shaped like the configuration
 * file) over the fixture's raw file, so a test states only what it changes:
 *
 *   testConfig({ sla: { definitions: { high: { resolution_time: '1h' } } } })
 *
 * Lists in the patch replace the fixture's lists; `null` removes a key.
 */
import type { AppConfig } from '../../shared/config/app-config.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';

/** Raw secrets of the fixture's integrations and API key: 32 letters and digits each. */
export const TEST_SECRETS = {
  am: 'amSecret0123456789abcdefghijklmn',
  grafana: 'grafanaSecret0123456789abcdefghi',
  pd: 'pdRoutingKey0123456789abcdefghij',
  kuma: 'kumaSecret0123456789abcdefghijkl',
  generic: 'genericSecret0123456789abcdefghi',
  apiKey: 'apiKey0123456789abcdefghijklmnop',
} as const;

export const TEST_API_KEY_NAME = 'test-bot';
export const TEST_SLACK_WEBHOOK_URL = 'https://hooks.slack.test/services/T000/B000/default';

/** The fixture as a configuration file (YAML-shaped object). */
export function testConfigFile(): Record<string, unknown> {
  return {
    integrations: [
      { id: 'am', format: 'alertmanager', secrets: [TEST_SECRETS.am] },
      { id: 'grafana', format: 'grafana', secrets: [TEST_SECRETS.grafana] },
      { id: 'pd', format: 'pagerduty', secrets: [TEST_SECRETS.pd] },
      { id: 'kuma', format: 'uptime-kuma', secrets: [TEST_SECRETS.kuma] },
      { id: 'generic', format: 'generic', secrets: [TEST_SECRETS.generic] },
    ],
    api_keys: [{ name: TEST_API_KEY_NAME, key: TEST_SECRETS.apiKey }],
    notifications: {
      from: 'sla-watch@example.test',
      recipients: {
        critical: ['oncall-critical@example.test'],
        high: ['oncall-high@example.test'],
        medium: ['oncall-medium@example.test'],
        low: ['oncall-low@example.test'],
      },
      escalation: { critical: ['manager@example.test'], high: ['manager@example.test'], medium: [], low: [] },
      slack_webhook_url: TEST_SLACK_WEBHOOK_URL,
    },
    links: { base_url: 'https://sla.example.test', ttl: '7d' },
    sla: { reporting: { recipients: ['reports@example.test'] } },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `patch` over `base`: objects merge key by key, anything else (lists included) replaces; null deletes. */
export function deepMerge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isPlainObject(value) && isPlainObject(merged[key])) merged[key] = deepMerge(merged[key], value);
    else merged[key] = value;
  }
  return merged;
}

/** The fixture's AppConfig, with `patch` (shaped like the configuration file) merged over it. */
export function testConfig(patch?: Record<string, unknown>, env: Readonly<Record<string, string | undefined>> = {}): AppConfig {
  return parseConfig(patch === undefined ? testConfigFile() : deepMerge(testConfigFile(), patch), env);
}
