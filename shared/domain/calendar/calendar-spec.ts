/**
 * A business calendar as configured: an IANA time zone, windows of business time per weekday
 * in local wall time, and holiday dates.
 *
 * Invariants (enforced by the configuration schema, assumed here): windows are `[start, end)`
 * in `HH:MM`, `end` may be `24:00`, `start < end`, windows of one day do not overlap; a
 * weekday absent from `windows` has no business time; holidays are local `YYYY-MM-DD` dates
 * on which no window opens. A calendar has business time in at least one weekday.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

export interface WindowSpec {
  /** Local wall time `HH:MM` at which business time starts. */
  readonly start: string;
  /** Local wall time `HH:MM` (or `24:00`) at which it ends, exclusive. */
  readonly end: string;
}

export interface CalendarSpec {
  /** The calendar's name in the configuration; `default` for `sla.business_hours`. */
  readonly name: string;
  /** IANA time zone, e.g. `America/New_York`. */
  readonly timezone: string;
  readonly windows: Readonly<Partial<Record<WeekdayName, readonly WindowSpec[]>>>;
  /** Local dates `YYYY-MM-DD` with no business time. */
  readonly holidays: readonly string[];
}

/** The name reported for an SLA counted around the clock. */
export const AROUND_THE_CLOCK = '24x7';
