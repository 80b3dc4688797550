/**
 * The next instant of a daily wall-clock time in a time zone, for the daily report. Wall times
 * follow the business calendars' rules (wall-time.ts): a time inside a DST gap moves forward by
 * the gap, an ambiguous time takes its first occurrence. The result is strictly after `after`.
 */
import { resolveWallTime, zoneOffsets } from '../calendar/wall-time.ts';
import { DAY_MS, MINUTE_MS, type Instant } from '../instant.ts';

export function nextDailyAt(time: string, zone: string, after: Instant): Instant {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`time must be HH:MM, got ${JSON.stringify(time)}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const offsetAt = zoneOffsets(zone);
  // Start from the local day of `after` (or the day before, in case the offset moved).
  let localDay = Math.floor((after + offsetAt(after)) / DAY_MS) - 1;
  for (;;) {
    const at = resolveWallTime(offsetAt, localDay * DAY_MS + minutes * MINUTE_MS);
    if (at > after) return at;
    localDay += 1;
  }
}
