/**
 * The timestamps senders write, parsed strictly. `Date.parse` accepts almost anything and reads
 * a zone-less text in the machine's local zone, which would shift an Uptime Kuma time by the
 * server's offset; these parsers accept only the shapes the formats use and say so with null.
 */
import type { Instant } from '../domain/instant.ts';

// RFC 3339: fractions of any length (Go writes nanoseconds), `Z` or an offset with or without
// a colon (PagerDuty's own sample writes +0000).
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
// Uptime Kuma: UTC wall time without a zone designator, e.g. `2024-09-24 23:51:35.527`.
const KUMA = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/;

/** Epoch ms of an RFC 3339 timestamp (sub-millisecond digits dropped), or null. */
export function parseIsoTimestamp(text: string): Instant | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const offsetMinutes = m[8] !== undefined ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const local = utcFromParts(m);
  return local === null ? null : local - offsetMinutes * 60_000;
}

/** Epoch ms of a zone-less UTC wall time such as Uptime Kuma's `heartbeat.time`, or null. */
export function parseUtcWallTime(text: string): Instant | null {
  const m = KUMA.exec(text);
  return m === null ? null : utcFromParts(m);
}

function utcFromParts(m: RegExpExecArray): Instant | null {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i])) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  // Date.UTC reads years below 100 as 19xx; setting the year afterwards keeps it literal.
  date.setUTCFullYear(year, month - 1, day);
  // A day that does not exist (31 February) rolls into the next month: not a timestamp.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return date.getTime();
}
