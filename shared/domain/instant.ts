/**
 * Instants and durations as plain numbers.
 *
 * Every instant in sla-watch is a UTC epoch in milliseconds (`number`); names of instants end
 * in `At`, durations end in `Ms` or `Seconds`. Numbers keep the hot paths (deadline
 * arithmetic, DynamoDB attributes, JSON) free of conversions; ISO 8601 text is produced only
 * at the edges with `toIso`.
 */
export type Instant = number;

/** ISO 8601 in UTC with milliseconds and `Z`, e.g. `2026-11-30T12:00:00.000Z`. */
export function toIso(at: Instant): string {
  return new Date(at).toISOString();
}

/** `toIso` for an optional instant. */
export function toIsoOrNull(at: Instant | undefined | null): string | null {
  return at === undefined || at === null ? null : toIso(at);
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
