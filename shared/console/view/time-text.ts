/**
 * Times as the console says them, in the alert's own terms: business durations spaced out
 * ("1 h 20 m", "12 m 05 s" under an hour so a countdown visibly moves), deadlines as a weekday
 * and wall time in the calendar's zone with the zone's city ("Mon 10:00 New York"), the date
 * added when the deadline is not within the coming week. Luxon with a fixed locale, so the
 * same alert reads the same on every machine.
 */
import { DateTime } from 'luxon';
import type { Instant } from '../../domain/instant.ts';

const LOCALE = 'en-GB';
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** `2 d 3 h`, `1 h 20 m`, `12 m 05 s`, `45 s` (rounded down: a countdown never says more time than is left). */
export function spacedDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return `${hours} h ${minutes} m`;
  if (minutes > 0) return `${minutes} m ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** `America/New_York` -> `New York`; `UTC` stays `UTC`. */
export function zoneLabel(zone: string): string {
  const city = zone.slice(zone.lastIndexOf('/') + 1);
  return city.replace(/_/g, ' ');
}

/** `Mon 10:00 New York` within the coming week of `now`, else `Mon 14 Dec 10:00 New York`. */
export function wallText(at: Instant, zone: string, now: Instant): string {
  const local = DateTime.fromMillis(at, { zone, locale: LOCALE });
  const near = Math.abs(at - now) < 6 * DAY_MS;
  return `${local.toFormat(near ? 'ccc HH:mm' : 'ccc d LLL HH:mm')} ${zoneLabel(zone)}`;
}

/** `2026-12-07 10:00 UTC`: what the page shows on hover and before the script localises it. */
export function utcText(at: Instant): string {
  return `${DateTime.fromMillis(at, { zone: 'UTC' }).toFormat('yyyy-LL-dd HH:mm')} UTC`;
}

/** `3 h 5 m ago`, wall-clock time since `at`. */
export function ageText(at: Instant, now: Instant): string {
  return `${spacedDuration(Math.max(0, now - at))} ago`;
}

export function isoText(at: Instant): string {
  return new Date(at).toISOString();
}
