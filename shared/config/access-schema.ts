/**
 * Who may talk to sla-watch: the webhook integrations (`integrations`), the API keys
 * (`api_keys`) and the tokens Prometheus scrapes `/metrics` with (`metrics_tokens`) of the
 * configuration file. Keys are documented in schema.ts.
 *
 * Secrets are written in the file or named by an environment variable (`secret_env`,
 * `key_env`, `token_env`); either way the parsed value is the secret itself, checked for length here and
 * never echoed in a message. Exactly one of the two forms must be given.
 */
import * as z from 'zod/mini';
import type { IntegrationFormat } from '../domain/alert/alert.ts';
import { headerName, httpUrl, priority, secret, secretFromEnv, strict, urlFromEnv } from './fields.ts';

type Env = Readonly<Record<string, string | undefined>>;

export const INTEGRATION_FORMATS = ['alertmanager', 'grafana', 'pagerduty', 'uptime-kuma', 'generic'] as const satisfies readonly IntegrationFormat[];

export const INTEGRATION_ID = /^[a-z0-9-]{1,64}$/;
/** A PagerDuty Events v2 routing key: the integration's secret doubles as one. */
export const PAGERDUTY_ROUTING_KEY = /^[A-Za-z0-9]{32}$/;

function exactlyOne(value: Record<string, unknown>, a: string, b: string): boolean {
  return (value[a] === undefined) !== (value[b] === undefined);
}

function integrationSchema(env: Env) {
  const fromEnv = secretFromEnv(env);
  const grafanaSignature = strict({
    secret: z.optional(secret),
    secret_env: z.optional(fromEnv),
    header: z.optional(headerName),
    timestamp_header: z.optional(headerName),
  }).check(
    z.superRefine((signature, ctx) => {
      if (!exactlyOne(signature, 'secret', 'secret_env')) {
        ctx.addIssue({ code: 'custom', message: 'give exactly one of secret or secret_env', input: signature });
      }
    }),
  );
  return strict({
    id: z.string().check(z.refine((id) => INTEGRATION_ID.test(id), { error: 'expected 1 to 64 characters of a-z, 0-9 and -' })),
    format: z.enum(INTEGRATION_FORMATS, { error: `unknown format (expected one of: ${INTEGRATION_FORMATS.join(', ')})` }),
    secrets: z.optional(z.array(secret).check(z.refine((list) => list.length >= 1 && list.length <= 2, { error: 'expected one secret, or two during a rotation' }))),
    secret_env: z.optional(fromEnv),
    priority_map: z.optional(z.record(z.string().check(z.refine((key) => key.trim() !== '', { error: 'empty severity' })), priority)),
    default_priority: z.optional(priority),
    grafana_signature: z.optional(grafanaSignature),
    slack_webhook_url: z.optional(httpUrl),
    slack_webhook_url_env: z.optional(urlFromEnv(env)),
    source_acknowledgments: z.optional(z.boolean()),
  }).check(
    z.superRefine((integration, ctx) => {
      if (!exactlyOne(integration, 'secrets', 'secret_env')) {
        ctx.addIssue({ code: 'custom', message: 'give exactly one of secrets or secret_env', input: integration });
      }
      if (integration.slack_webhook_url !== undefined && integration.slack_webhook_url_env !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'give at most one of slack_webhook_url or slack_webhook_url_env', input: integration });
      }
      if (integration.grafana_signature !== undefined && integration.format !== 'grafana') {
        ctx.addIssue({ code: 'custom', path: ['grafana_signature'], message: 'only a grafana integration has a signature', input: integration.grafana_signature });
      }
      if (integration.format === 'pagerduty') {
        const secrets = integration.secrets ?? (integration.secret_env === undefined ? [] : [integration.secret_env]);
        secrets.forEach((value, index) => {
          if (!PAGERDUTY_ROUTING_KEY.test(value)) {
            const path = integration.secrets === undefined ? ['secret_env'] : ['secrets', index];
            ctx.addIssue({ code: 'custom', path, message: 'a pagerduty secret is its routing key: expected exactly 32 letters and digits', input: undefined });
          }
        });
      }
    }),
  );
}

function uniqueBy<T>(key: (item: T) => unknown, what: string, field: string) {
  return z.superRefine((items: T[], ctx) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index, field], message: `duplicate ${what} ${JSON.stringify(value)}`, input: value });
      seen.add(value);
    });
  });
}

export function integrationsSchema(env: Env) {
  return z.array(integrationSchema(env)).check(uniqueBy((integration: { id: string }) => integration.id, 'integration id', 'id'));
}

const credentialName = z.string().check(z.refine((name) => /^[\x21-\x7e]{1,64}$/.test(name), { error: 'expected 1 to 64 visible characters, no spaces' }));

export function apiKeysSchema(env: Env) {
  const apiKey = strict({
    name: credentialName,
    key: z.optional(secret),
    key_env: z.optional(secretFromEnv(env)),
  }).check(
    z.superRefine((entry, ctx) => {
      if (!exactlyOne(entry, 'key', 'key_env')) ctx.addIssue({ code: 'custom', message: 'give exactly one of key or key_env', input: undefined });
    }),
  );
  return z.array(apiKey).check(uniqueBy((entry: { name: string }) => entry.name, 'api key name', 'name'));
}

/** Bearer tokens for `GET /metrics` only: a scraper holding one can read figures, nothing else. */
export function metricsTokensSchema(env: Env) {
  const token = strict({
    name: credentialName,
    token: z.optional(secret),
    token_env: z.optional(secretFromEnv(env)),
  }).check(
    z.superRefine((entry, ctx) => {
      if (!exactlyOne(entry, 'token', 'token_env')) ctx.addIssue({ code: 'custom', message: 'give exactly one of token or token_env', input: undefined });
    }),
  );
  return z.array(token).check(uniqueBy((entry: { name: string }) => entry.name, 'metrics token name', 'name'));
}
