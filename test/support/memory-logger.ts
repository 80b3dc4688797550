/**
 * A logger that keeps its entries, so tests can assert what an operator would read in the logs
 * (an error logged with the alert id, a stale timer noted) without parsing stdout.
 */
import type { LogFields, Logger, LogLevel } from '../../shared/ports/logger.ts';

export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: LogFields;
}

export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];

  debug(message: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'debug', message, fields });
  }

  info(message: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'info', message, fields });
  }

  warn(message: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'warn', message, fields });
  }

  error(message: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'error', message, fields });
  }

  /** Entries at `level` (all levels when omitted). */
  at(level?: LogLevel): LogEntry[] {
    return level === undefined ? [...this.entries] : this.entries.filter((e) => e.level === level);
  }

  /** Entries whose message contains `text`. */
  matching(text: string): LogEntry[] {
    return this.entries.filter((e) => e.message.includes(text));
  }
}
