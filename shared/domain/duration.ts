/**
 * Durations as configured: whole seconds, written as a number (`90`) or as text with units
 * (`"90"`, `"30s"`, `"5m"`, `"4h"`, `"1d"`, `"1h30m"`, `"2d4h"`).
 *
 * Units are days, hours, minutes and seconds, each at most once and in that order, because
 * that is how people write them and it rejects typos such as `"5m4h"` instead of guessing.
 * A day here is 24 hours of whatever clock the duration is counted on (for a business
 * calendar, 24 business hours), never a calendar day. `formatDurationSeconds` writes the
 * same units with spaces (`"1h 30m"`), which `parseDurationSeconds` also reads back.
 */

const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;
type Unit = keyof typeof UNIT_SECONDS;
const UNITS = Object.keys(UNIT_SECONDS) as Unit[];

const WITH_UNITS = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/;
const EXAMPLES = 'a whole number of seconds or text like "90", "30s", "5m", "4h", "1d", "1h30m", "2d4h"';

function checkedSeconds(seconds: number, original: unknown): number {
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new Error(`Invalid duration ${JSON.stringify(original)}: expected ${EXAMPLES}`);
  }
  return seconds;
}

/** Seconds in a configured duration; throws an `Error` naming the value on anything else. */
export function parseDurationSeconds(value: number | string): number {
  if (typeof value === 'number') return checkedSeconds(value, value);
  if (typeof value !== 'string') throw new Error(`Invalid duration ${JSON.stringify(value)}: expected ${EXAMPLES}`);
  const text = value.trim();
  if (/^\d+$/.test(text)) return checkedSeconds(Number(text), value);
  const match = WITH_UNITS.exec(text);
  if (text === '' || match === null) throw new Error(`Invalid duration ${JSON.stringify(value)}: expected ${EXAMPLES}`);
  let seconds = 0;
  UNITS.forEach((unit, index) => {
    const count = match[index + 1];
    if (count !== undefined) seconds += Number(count) * UNIT_SECONDS[unit];
  });
  return checkedSeconds(seconds, value);
}

/** A duration for people: `"1h 30m"`, `"45s"`, `"2d 4h"`, `"0s"`. */
export function formatDurationSeconds(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new Error(`Cannot format duration ${seconds}: expected a whole number of seconds >= 0`);
  }
  const parts: string[] = [];
  let rest = seconds;
  for (const unit of UNITS) {
    const count = Math.floor(rest / UNIT_SECONDS[unit]);
    rest -= count * UNIT_SECONDS[unit];
    if (count > 0) parts.push(`${count}${unit}`);
  }
  return parts.length === 0 ? '0s' : parts.join(' ');
}
