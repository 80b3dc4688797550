/**
 * The process environment, read here and nowhere else (eslint enforces it), into typed
 * settings. Everything else receives these values as arguments, so tests pass their own.
 *
 * Variables:
 * - `SLA_WATCH_CONFIG`: path of the configuration file (default `sla-watch.yml` in the working
 *   directory; see load-config.ts).
 * - `LOG_LEVEL`: `debug | info | warn | error` (default `info`).
 * - any variable a configuration file names with `secret_env` / `key_env` (in `variables`).
 *
 * Add a variable by adding a typed field to `Environment` and reading it in `readEnvironment`.
 */
import type { LogLevel } from '../ports/logger.ts';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface Environment {
  /** SLA_WATCH_CONFIG, when set and not empty. */
  readonly configPath: string | undefined;
  /** LOG_LEVEL; an unknown value falls back to `info` rather than silencing the logs. */
  readonly logLevel: LogLevel;
  /** A copy of every variable, for the secrets a configuration file names by variable. */
  readonly variables: Readonly<Record<string, string | undefined>>;
}

export function readEnvironment(source: Readonly<Record<string, string | undefined>> = process.env): Environment {
  const variables = Object.freeze({ ...source });
  const configPath = variables['SLA_WATCH_CONFIG'];
  const logLevel = variables['LOG_LEVEL']?.trim().toLowerCase();
  return {
    configPath: configPath === undefined || configPath === '' ? undefined : configPath,
    logLevel: LOG_LEVELS.find((level) => level === logLevel) ?? 'info',
    variables,
  };
}
