/**
 * The configuration file's content (already read from YAML or JSON) to the AppConfig: checked
 * against the one schema, every problem collected with its path, then resolved with the
 * defaults. Pure apart from `env`, which only supplies secrets named by `*_env` keys.
 */
import { ConfigError } from '../errors.ts';
import type { AppConfig } from './app-config.ts';
import { describeIssues } from './issues.ts';
import { resolveConfig } from './resolve.ts';
import { configFileSchema } from './schema.ts';

/** Throws ConfigError listing every problem (`path: message`) when the file is not valid. */
export function parseConfig(raw: unknown, env: Readonly<Record<string, string | undefined>>): AppConfig {
  // An empty YAML file parses to null: it configures nothing, so every default applies.
  const result = configFileSchema(env).safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues, raw));
  return resolveConfig(result.data);
}
