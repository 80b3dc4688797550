/**
 * Instants and durations as people read them in a notification: an instant in UTC (ISO 8601,
 * to the second) and in the local time of the alert's calendar, a business duration rounded
 * to the minute (to the second under a minute). Luxon does the zone arithmetic, with a fixed
 * locale so the same alert renders the same way on every machine.
 */
import { DateTime } from 'luxon';
import { formatDurationSeconds } from '../../domain/duration.ts';
import type { Instant } from '../../domain/instant.ts';

const LOCALE = 'en-GB';

/** `2026-11-30T12:00:00Z`. */
export function isoUtc(at: Instant): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `Mon 30 Nov 2026, 13:00 CET` in `zone`. */
export function localTime(at: Instant, zone: string): string {
  return DateTime.fromMillis(at, { zone, locale: LOCALE }).toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

/** Both, unless the zone is UTC itself: `2026-11-30T12:00:00Z (Mon 30 Nov 2026, 13:00 CET)`. */
export function instantForPeople(at: Instant, zone: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return isoUtc(at);
  return `${isoUtc(at)} (${localTime(at, zone)})`;
}

/** `1h 30m`, `45s`: business ms rounded to the minute from one minute up. */
export function durationForPeople(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return formatDurationSeconds(seconds);
  return formatDurationSeconds(Math.round(seconds / 60) * 60);
}
