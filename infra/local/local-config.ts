/**
 * The configuration of the local stack: the user's file (or the defaults), plus what one machine
 * needs to be useful at once when the file leaves it out: one integration per webhook format, an
 * API key and a metrics token, with secrets generated on the first run and kept under the data directory, and
 * links pointing at the local server.
 */
import type { AppConfig } from '../../shared/config/app-config.ts';
import { readConfigFile } from '../../shared/config/load-config.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';
import { LOCAL_INTEGRATIONS, type LocalSecrets } from './local-secrets.ts';

export interface LocalConfig {
  readonly config: AppConfig;
  readonly source: string;
  /** Integrations whose secrets were generated here (their URLs are printed at start). */
  readonly generatedIntegrations: readonly string[];
  readonly generatedApiKey: boolean;
  /** Whether `/metrics` takes the generated token (kept in the data directory's metrics-token file). */
  readonly generatedMetricsToken: boolean;
}

const secretVariable = (id: string) => `SLA_WATCH_LOCAL_SECRET_${id.toUpperCase().replace(/-/g, '_')}`;
const API_KEY_VARIABLE = 'SLA_WATCH_LOCAL_API_KEY';
const METRICS_TOKEN_VARIABLE = 'SLA_WATCH_LOCAL_METRICS_TOKEN';

export async function loadLocalConfig(options: {
  path: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  secrets: LocalSecrets;
  baseUrl: string;
}): Promise<LocalConfig> {
  const { raw, source } = await readConfigFile({ path: options.path, env: options.env });
  const file: Record<string, unknown> = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
  const generatedEnv: Record<string, string> = {};
  const generatedIntegrations: string[] = [];
  let generatedApiKey = false;
  let generatedMetricsToken = false;

  if (file['integrations'] === undefined) {
    file['integrations'] = LOCAL_INTEGRATIONS.map(({ id, format }) => {
      generatedEnv[secretVariable(id)] = options.secrets.integrations[id] as string;
      generatedIntegrations.push(id);
      return { id, format, secret_env: secretVariable(id) };
    });
  }
  if (file['api_keys'] === undefined) {
    generatedEnv[API_KEY_VARIABLE] = options.secrets.apiKey;
    generatedApiKey = true;
    file['api_keys'] = [{ name: 'local', key_env: API_KEY_VARIABLE }];
  }
  if (file['metrics_tokens'] === undefined) {
    generatedEnv[METRICS_TOKEN_VARIABLE] = options.secrets.metricsToken;
    generatedMetricsToken = true;
    file['metrics_tokens'] = [{ name: 'local', token_env: METRICS_TOKEN_VARIABLE }];
  }
  const links = (file['links'] ?? {}) as Record<string, unknown>;
  if (links['base_url'] === undefined) file['links'] = { ...links, base_url: options.baseUrl };

  const config = parseConfig(file, { ...options.env, ...generatedEnv });
  return { config, source, generatedIntegrations, generatedApiKey, generatedMetricsToken };
}
