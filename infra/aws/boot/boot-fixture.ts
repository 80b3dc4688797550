/**
 * A representative deployment to boot bundles with: a configuration file that names all its
 * secrets by variable (as one on AWS should), and the Secrets Manager secret that completes it.
 */
import { LINK_SIGNING_SECRET_KEY } from '../../../functions/runtime/secret-values.ts';

export const BOOT_CONFIG_FILE = {
  integrations: [
    { id: 'alertmanager', format: 'alertmanager', secret_env: 'AM_SECRET' },
    { id: 'grafana', format: 'grafana', secret_env: 'GRAFANA_SECRET' },
    { id: 'pagerduty', format: 'pagerduty', secret_env: 'PD_ROUTING_KEY' },
    { id: 'uptime-kuma', format: 'uptime-kuma', secret_env: 'KUMA_SECRET' },
    { id: 'generic', format: 'generic', secret_env: 'GENERIC_SECRET' },
  ],
  api_keys: [{ name: 'ops-bot', key_env: 'OPS_BOT_KEY' }],
  notifications: { from: 'sla-watch@example.com', recipients: { critical: ['oncall@example.com'] } },
  sla: {
    calendars: { 'new-york': { timezone: 'America/New_York', windows: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } } },
    reporting: { recipients: ['manager@example.com'], time: '08:00', timezone: 'Europe/Berlin' },
  },
} as const;

export const BOOT_SECRETS: Readonly<Record<string, string>> = {
  [LINK_SIGNING_SECRET_KEY]: 'bootLinkSigningSecret0123456789abcdefghijklmnopq',
  AM_SECRET: 'amBootSecret0123456789abcdefghij',
  GRAFANA_SECRET: 'grafanaBootSecret0123456789abcde',
  PD_ROUTING_KEY: 'pdBootRoutingKey0123456789abcdef',
  KUMA_SECRET: 'kumaBootSecret0123456789abcdefgh',
  GENERIC_SECRET: 'genericBootSecret0123456789abcde',
  OPS_BOT_KEY: 'opsBotBootKey0123456789abcdefghi',
};
