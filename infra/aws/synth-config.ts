/**
 * The user's configuration file at synth time: read it (`sla-watch.yml` by default), check it
 * with the same parser the functions use, and hand the stack what it needs: the content as
 * JSON text to embed in every bundle (bundling.ts), the resolved configuration for the values
 * the infrastructure depends on (sweeper interval, report time and zone, sender), and the names
 * of the secrets the file expects to find in the Secrets Manager secret.
 *
 * The secrets themselves are not known here (they live in Secrets Manager, filled by the
 * operator), so each name the file gives with `secret_env` / `key_env` / `token_env` (or a Slack
 * `slack_webhook_url(s)_env`) is checked with a placeholder that meets its rules; the real values are checked at each cold start.
 * A file that is not valid throws ConfigError listing every problem, and the synth fails.
 */
import type { AppConfig } from '../../shared/config/app-config.ts';
import { readConfigFile } from '../../shared/config/load-config.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';

/** 32 letters and digits: long enough for any secret, and a valid PagerDuty routing key. */
const PLACEHOLDER_SECRET = 'synthPlaceholder0123456789abcdef';
/** What a variable named for a Slack webhook stands for at synth time. */
const PLACEHOLDER_URL = 'https://hooks.slack.com/services/SYNTH/PLACEHOLDER/0000';

const SECRET_NAME_KEYS = new Set(['secret_env', 'key_env', 'token_env']);
/** Keys naming variables (one, or one per priority) that hold secret URLs. */
const URL_NAME_KEYS = new Set(['slack_webhook_url_env', 'slack_webhook_urls_env']);
/** Keys whose values are secrets written into the file itself (and so embedded in the bundle). */
const INLINE_SECRET_KEYS = new Set(['secrets', 'secret', 'key', 'token', 'slack_webhook_url', 'slack_webhook_urls']);

export interface SynthConfig {
  /** The file read, or a phrase saying the defaults apply. */
  readonly source: string;
  /** The file's content as JSON text, for the bundles. */
  readonly json: string;
  readonly config: AppConfig;
  /** Variable names the file reads its secrets from: keys the Secrets Manager secret must hold. */
  readonly secretNames: readonly string[];
  /** Paths of secrets written in the file itself, which end up in every bundle. */
  readonly inlineSecretPaths: readonly string[];
}

interface Found {
  readonly names: string[];
  readonly urlNames: string[];
  readonly inline: string[];
}

function walk(value: unknown, path: string, found: Found): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}[${index}]`, found));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (SECRET_NAME_KEYS.has(key) && typeof child === 'string') found.names.push(child);
    else if (URL_NAME_KEYS.has(key)) found.urlNames.push(...(typeof child === 'string' ? [child] : Object.values(child ?? {}).filter((v): v is string => typeof v === 'string')));
    else if (INLINE_SECRET_KEYS.has(key) && child !== undefined && child !== null) found.inline.push(childPath);
    else walk(child, childPath, found);
  }
}

/** Reads and checks the file; `path` undefined means `sla-watch.yml`, which may be absent. */
export async function loadSynthConfig(path: string | undefined): Promise<SynthConfig> {
  // No environment: a variable set in the deployer's shell must not change what is deployed.
  const { raw, source } = await readConfigFile({ path, env: {} });
  const found: Found = { names: [], urlNames: [], inline: [] };
  walk(raw, '', found);
  const secretNames = [...new Set([...found.names, ...found.urlNames])].sort();
  const placeholders = {
    ...Object.fromEntries(found.names.map((name) => [name, PLACEHOLDER_SECRET])),
    ...Object.fromEntries(found.urlNames.map((name) => [name, PLACEHOLDER_URL])),
  };
  const config = parseConfig(raw, placeholders);
  return { source, json: JSON.stringify(raw ?? {}), config, secretNames, inlineSecretPaths: found.inline };
}
