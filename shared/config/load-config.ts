/**
 * Finding and reading the configuration file: `options.path`, else `SLA_WATCH_CONFIG`, else
 * `sla-watch.yml` in the working directory. A file named explicitly must exist; the default
 * file may be absent, and then every default applies (the replaced system's policy).
 */
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.ts';
import type { AppConfig } from './app-config.ts';
import { parseConfigText } from './config-text.ts';
import { parseConfig } from './parse-config.ts';

export const DEFAULT_CONFIG_FILE = 'sla-watch.yml';

export interface LoadedConfig {
  readonly config: AppConfig;
  /** The file read, or a phrase saying the defaults apply. */
  readonly source: string;
}

export interface ConfigLocation {
  /** An explicit path (`--config`); a missing file is then an error. */
  readonly path?: string | undefined;
  /** Environment variables: SLA_WATCH_CONFIG, and the secrets the file names by variable. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The file's content as a plain value (`{}` when the default file is absent), and where it came from. */
export async function readConfigFile(options: ConfigLocation): Promise<{ raw: unknown; source: string }> {
  const fromEnv = options.env['SLA_WATCH_CONFIG'];
  const explicit = options.path ?? (fromEnv === '' ? undefined : fromEnv);
  const path = explicit ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!isMissing(error)) throw new ConfigError([`${path}: cannot be read: ${(error as Error).message}`]);
    if (explicit !== undefined) throw new ConfigError([`${path}: no such file`]);
    return { raw: {}, source: `defaults (no ${DEFAULT_CONFIG_FILE} in the working directory)` };
  }
  return { raw: parseConfigText(text, path), source: path };
}

/** Reads, checks and resolves the configuration; ConfigError lists every problem. */
export async function loadConfig(options: ConfigLocation): Promise<LoadedConfig> {
  const { raw, source } = await readConfigFile(options);
  return { config: parseConfig(raw, options.env), source };
}
