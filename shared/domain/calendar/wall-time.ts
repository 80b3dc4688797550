/**
 * Local wall time to instants, in one IANA time zone.
 *
 * A wall time names one instant on most days, none inside a DST gap (spring forward) and two
 * inside an overlap (fall back). sla-watch resolves every wall time to exactly one instant:
 * a time inside a gap moves forward by the length of the gap (02:30 on a New York
 * spring-forward day is 03:30 EDT), and an ambiguous time takes its first occurrence (01:30 on
 * a New York fall-back day is 01:30 EDT). This is Temporal's `compatible` disambiguation.
 *
 * Luxon's `DateTime.fromObject` moves gap times forward the same way, but for an ambiguous
 * time it returns the later occurrence in some zones (America/New_York, Europe/London) and the
 * earlier in others (Australia/Lord_Howe), so the resolution is done here from raw UTC offsets
 * and luxon is used only to read the offset of an instant.
 *
 * A wall time is carried as `wallMs`: the local date and time read as if it were UTC
 * (`localDay * DAY_MS + minutes * MINUTE_MS`), which keeps calendar arithmetic free of dates.
 * The resolution assumes a zone changes its offset at most once within two days, which holds
 * for every zone in the IANA database since 1970.
 */
import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS, type Instant } from '../instant.ts';

/** The UTC offset of a zone at an instant, in ms (local wall time = instant + offset). */
export type OffsetAt = (at: Instant) => number;

/** Reads UTC offsets of an IANA zone; throws when the name is not a known zone. */
export function zoneOffsets(timezone: string): OffsetAt {
  if (!IANAZone.isValidZone(timezone)) {
    throw new Error(`Unknown time zone "${timezone}": use an IANA name such as "America/New_York"`);
  }
  // UTC is the default calendar's zone: its offset is known without asking Intl.
  if (/^(Etc\/)?(UTC|UCT|GMT|Universal|Zulu)$/.test(timezone)) return () => 0;
  const zone = IANAZone.create(timezone);
  // Luxon reports minutes; historical offsets may carry seconds, hence the rounding to ms.
  return (at) => Math.round(zone.offset(at) * MINUTE_MS);
}

/** The instant of a wall time: gap times move forward by the gap, ambiguous ones take the first. */
export function resolveWallTime(offsetAt: OffsetAt, wallMs: number): Instant {
  // |offset| < 1 day, so the instant lies strictly between these two probes.
  const before = offsetAt(wallMs - DAY_MS);
  const after = offsetAt(wallMs + DAY_MS);
  if (before === after) return wallMs - before;
  const early = wallMs - Math.max(before, after);
  const late = wallMs - Math.min(before, after);
  const earlyValid = offsetAt(early) === Math.max(before, after);
  if (earlyValid) return early; // the first occurrence of an ambiguous time, or the only one
  if (offsetAt(late) === Math.min(before, after)) return late;
  // Inside the gap: read the wall time with the offset in force before it, which lands
  // exactly as far past the transition as the wall time was past the gap's start.
  return wallMs - before;
}

/**
 * Resolves the wall times of one local day (minutes 0 to 1440). When the offset is the same
 * a day before, in the middle of and two days after the day, no transition touches the day
 * and every wall time of it resolves with that one offset: three offset reads per day
 * instead of up to four per window edge.
 */
export function dayResolver(offsetAt: OffsetAt, localDay: number): (minutes: number) => Instant {
  const midnightWall = localDay * DAY_MS;
  const before = offsetAt(midnightWall - DAY_MS);
  const after = offsetAt(midnightWall + 2 * DAY_MS);
  if (before === after && offsetAt(midnightWall + DAY_MS / 2 - before) === before) return (minutes) => midnightWall + minutes * MINUTE_MS - before;
  return (minutes) => resolveWallTime(offsetAt, midnightWall + minutes * MINUTE_MS);
}
