/**
 * The deployment the cost run simulates: every default of the configuration (the replaced
 * system's policy: business hours 09:00-17:00 UTC on weekdays for high, medium and low, around
 * the clock for critical; one on-call address per priority, the manager as escalation contact
 * for critical and high; the daily report at 08:00 to one address; the sweeper every 60 s; email
 * and Slack for everything), one Alertmanager integration, one API key, one Slack webhook, and
 * links pointing at the API. Secrets here are fixed test values for the simulation only.
 */
import type { AppConfig } from '../../shared/config/app-config.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';

export const COST_SECRETS = {
  webhook: 'costWebhookSecret0123456789abcdef',
  apiKey: 'costApiKey0123456789abcdefghijklm',
  link: 'costLinkSecret0123456789abcdefghijklmnop',
} as const;

export function costConfig(): AppConfig {
  return parseConfig(
    {
      integrations: [{ id: 'am', format: 'alertmanager', secrets: [COST_SECRETS.webhook] }],
      api_keys: [{ name: 'ops-bot', key: COST_SECRETS.apiKey }],
      notifications: { slack_webhook_url: 'https://hooks.slack.com/services/T0000/B0000/costbenchwebhook' },
      links: { base_url: 'https://sla.example.com' },
    },
    {},
  );
}
