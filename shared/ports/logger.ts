/**
 * Structured logging. One JSON object per line; `fields` must never carry secrets (webhook
 * secrets, API keys, link tokens, Slack webhook URLs). Never throws.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
