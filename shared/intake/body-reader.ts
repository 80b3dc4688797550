/**
 * Reading an untrusted JSON body field by field while collecting every problem with its path
 * (`alerts[2].fingerprint: required`), so one 422 tells the sender everything to fix at once
 * instead of one field per attempt. Readers return `null` for a missing or invalid field and
 * record why; `finish` throws UnprocessableError when anything was recorded.
 *
 * Missing, `null` and (for required strings) empty or blank all read as "required": senders
 * use them interchangeably for "not set".
 */
import { isCleanText } from '../domain/clean-text.ts';
import type { Instant } from '../domain/instant.ts';
import { UnprocessableError } from '../errors.ts';
import { parseIsoTimestamp } from './timestamps.ts';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `parent.key`, or `key` at the top level. */
export function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** `parent[index]`. */
export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

export interface StringRules {
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly oneOf?: readonly string[];
  /**
   * An identity (a dedup key, a fingerprint): refused, not cleaned, when it holds controls or
   * lone surrogates, since cleaning could merge two keys into one problem.
   */
  readonly identity?: boolean;
}

export class BodyReader {
  private readonly found: string[] = [];

  get problems(): readonly string[] {
    return this.found;
  }

  problem(path: string, text: string): void {
    this.found.push(`${path || 'body'}: ${text}`);
  }

  /** An object at `path`; null (and a problem) when absent and required, or not an object. */
  object(value: unknown, path: string, required = true): JsonObject | null {
    if (value === undefined || value === null) {
      if (required) this.problem(path, 'required');
      return null;
    }
    if (!isJsonObject(value)) {
      this.problem(path, 'must be an object');
      return null;
    }
    return value;
  }

  array(value: unknown, path: string, required = true): readonly unknown[] | null {
    if (value === undefined || value === null) {
      if (required) this.problem(path, 'required');
      return null;
    }
    if (!Array.isArray(value)) {
      this.problem(path, 'must be an array');
      return null;
    }
    return value;
  }

  string(value: unknown, path: string, rules: StringRules = {}): string | null {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (rules.required === true) this.problem(path, 'required');
      return null;
    }
    if (typeof value !== 'string') {
      this.problem(path, 'must be a string');
      return null;
    }
    if (rules.maxLength !== undefined && value.length > rules.maxLength) {
      this.problem(path, `must be at most ${rules.maxLength} characters`);
      return null;
    }
    if (rules.identity === true && !isCleanText(value)) {
      this.problem(path, 'must be text without control characters or lone surrogates');
      return null;
    }
    if (rules.oneOf !== undefined && !rules.oneOf.includes(value)) {
      this.problem(path, `must be one of ${rules.oneOf.join(', ')}`);
      return null;
    }
    return value;
  }

  /** A string, or a number taken as its decimal text (ids are often numbers). */
  key(value: unknown, path: string, rules: StringRules = {}): string | null {
    if (typeof value === 'number' && Number.isFinite(value)) return this.string(String(value), path, rules);
    return this.string(value, path, rules);
  }

  /** A map of strings (labels, annotations); numbers and booleans are taken as their text. */
  stringMap(value: unknown, path: string, required = false): Record<string, string> {
    const object = this.object(value, path, required);
    const map: Record<string, string> = {};
    if (object === null) return map;
    for (const [key, entry] of Object.entries(object)) {
      if (typeof entry === 'string') map[key] = entry;
      else if (typeof entry === 'number' || typeof entry === 'boolean') map[key] = String(entry);
      else if (entry !== null) this.problem(fieldPath(path, key), 'must be a string');
    }
    return map;
  }

  /** An RFC 3339 timestamp with a zone (`Z` or an offset). */
  timestamp(value: unknown, path: string, required = false): Instant | null {
    const text = this.string(value, path, { required });
    if (text === null) return null;
    const at = parseIsoTimestamp(text);
    if (at === null) this.problem(path, 'must be a timestamp such as 2026-03-02T09:00:00Z');
    return at;
  }

  /** Throws UnprocessableError listing every problem recorded so far. */
  finish(message: string): void {
    if (this.found.length > 0) throw new UnprocessableError(message, [...this.found]);
  }
}
