/**
 * The configuration file as the CDK stack embedded it in the bundle. At synth time the stack
 * reads `sla-watch.yml`, checks it (a bad file fails the synth with every problem listed) and
 * hands its content, as JSON text, to esbuild as the global below. A cold start then neither
 * reads a file nor parses YAML (the `yaml` library stays out of the bundle), and the text has
 * no 4 KB limit as an environment variable would. Secrets are never in it: the file names
 * them with `secret_env` / `key_env`, and they come from Secrets Manager (aws-root.ts).
 */
import { ConfigError } from '../../shared/errors.ts';

/** The global esbuild replaces with the file's JSON text (infra/aws/bundling.ts sets it). */
export const EMBEDDED_CONFIG_GLOBAL = '__SLA_WATCH_CONFIG_JSON__';

declare const __SLA_WATCH_CONFIG_JSON__: string | undefined;

/** The file's content as a plain value, ready for parseConfig. */
export function embeddedConfigFile(): unknown {
  // typeof keeps an unbundled run (tsx, tests) from a ReferenceError: it gets a clear message instead.
  if (typeof __SLA_WATCH_CONFIG_JSON__ !== 'string') {
    throw new ConfigError([`no embedded configuration: bundle with ${EMBEDDED_CONFIG_GLOBAL} defined (infra/aws/bundling.ts)`]);
  }
  return JSON.parse(__SLA_WATCH_CONFIG_JSON__) as unknown;
}

/**
 * The file with `links.base_url` filled in when it sets none, so the links in emails point at
 * the deployed HTTP API rather than the local default (as the local stack does for its server).
 */
export function withDefaultBaseUrl(file: unknown, baseUrl: string | undefined): unknown {
  if (baseUrl === undefined || file === null || typeof file !== 'object' || Array.isArray(file)) return file;
  const raw = file as Record<string, unknown>;
  const links = raw['links'];
  if (links !== undefined && (links === null || typeof links !== 'object' || Array.isArray(links))) return file; // parseConfig reports it
  if ((links as Record<string, unknown> | undefined)?.['base_url'] !== undefined) return file;
  return { ...raw, links: { ...(links as Record<string, unknown> | undefined), base_url: baseUrl } };
}
