/**
 * The Logger port as one JSON object per line (`{time, level, msg, ...fields}`), what CloudWatch
 * Logs and `jq` read. The sink is injected (the composition root passes stdout), and so may be
 * the clock that stamps `time`, so tests see exact lines.
 *
 * Callers must not pass secrets (ports/logger.ts); this is the safety net for when one slips
 * in: any field whose name says secret, token, authorization, password, credential, cookie,
 * signature, webhook URL or ends in `key` is replaced with "[redacted]", at any depth, and so is
 * any string that is itself a credential (`Bearer ...`, `Basic ...`, a Slack webhook URL).
 * `dedupKey` is exempt: it identifies an alert at its source and operators search by it.
 * Errors are written with name, message, code, stack and cause (JSON.stringify would give {}).
 */
import type { Clock } from '../../ports/clock.ts';
import { systemClock } from '../clock/system-clock.ts';
import type { LogFields, Logger, LogLevel } from '../../ports/logger.ts';

export const REDACTED = '[redacted]';

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_WORDS = new Set(['secret', 'secrets', 'token', 'tokens', 'authorization', 'password', 'passwd', 'credential', 'credentials', 'cookie', 'signature']);
const NOT_SECRET_KEYS = new Set(['dedupkey']);
const SECRET_VALUE = /^(bearer|basic)\s+\S|hooks\.slack\.com\/(services|workflows|triggers)\//i;
const MAX_DEPTH = 8;

export interface JsonLoggerOptions {
  /** Receives one line, newline included. */
  readonly write: (line: string) => void;
  /** Stamps `time`; default the system clock (tests pass a fixed one). */
  readonly clock?: Clock;
  /** Entries below this level are dropped (default info). */
  readonly minLevel?: LogLevel;
}

/** The words of a field name: `slackWebhookUrl`, `slack_webhook_url`, `x-api-key` -> lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

export function isSecretFieldName(name: string): boolean {
  const ws = words(name);
  if (NOT_SECRET_KEYS.has(ws.join(''))) return false;
  if (ws.some((w) => SECRET_WORDS.has(w))) return true;
  const last = ws[ws.length - 1];
  if (last === 'key' || last === 'keys' || last === 'apikey') return true;
  return ws.includes('webhook') && (last === 'url' || last === 'urls');
}

/** Credentials inside free text (an error message quoting a header or a Slack URL). */
const SECRET_IN_TEXT = /\b(bearer|basic)\s+\S+|https:\/\/hooks\.slack\.com\/\S+/gi;

function redactText(text: string): string {
  return text.replace(SECRET_IN_TEXT, REDACTED);
}

function errorFields(err: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: redactText(err.message) };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out['code'] = sanitize(code, depth + 1, seen);
  if (err.stack !== undefined) out['stack'] = redactText(err.stack);
  if (err.cause !== undefined) out['cause'] = sanitize(err.cause, depth + 1, seen);
  return out;
}

/** A JSON-safe copy with secrets redacted; never throws (cycles, BigInt, getters that throw). */
export function sanitize(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? REDACTED : value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) return errorFields(value, depth, seen);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1, seen) ?? null);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSecretFieldName(k) ? REDACTED : sanitize(v, depth + 1, seen);
  return out;
}

export class JsonLogger implements Logger {
  private readonly write: (line: string) => void;
  private readonly clock: Clock;
  private readonly minRank: number;

  constructor(options: JsonLoggerOptions) {
    this.write = options.write;
    this.clock = options.clock ?? systemClock;
    this.minRank = LEVEL_RANK[options.minLevel ?? 'info'];
  }

  debug(message: string, fields?: LogFields): void {
    this.log('debug', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.log('info', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.log('warn', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.log('error', message, fields);
  }

  private log(level: LogLevel, message: string, fields: LogFields = {}): void {
    if (LEVEL_RANK[level] < this.minRank) return;
    const { time: _time, level: _level, msg: _msg, ...rest } = sanitize(fields) as Record<string, unknown>;
    // A field named time, level or msg cannot overwrite the entry's own.
    const entry = { time: new Date(this.clock.now()).toISOString(), level, msg: sanitize(message), ...rest };
    try {
      this.write(`${JSON.stringify(entry)}\n`);
    } catch {
      // The port promises never to throw; a sink that fails (closed pipe) has nowhere to report to.
    }
  }
}
