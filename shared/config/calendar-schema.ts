/**
 * Business calendars in the configuration file: `sla.business_hours` (the `default` calendar)
 * and the named calendars of `sla.calendars`.
 *
 * A window is written `"HH:MM-HH:MM"` in the calendar's local wall time, `[start, end)`, with
 * `24:00` allowed as an end. The schema promises what shared/domain/calendar assumes: windows
 * are well-formed, end after they start, do not overlap within a day (touching is fine:
 * `09:00-12:00` then `12:00-17:00`), and a calendar has business time on some weekday.
 */
import * as z from 'zod/mini';
import { WEEKDAYS, type WindowSpec } from '../domain/calendar/calendar-spec.ts';
import { clockMinutes, clockTime, date, strict, timezone } from './fields.ts';

interface ParsedWindow extends WindowSpec {
  readonly startMinutes: number;
  readonly endMinutes: number;
}

/** A window's text, parsed; a string says what is wrong with it. */
export function parseWindow(text: string): ParsedWindow | string {
  const match = /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/.exec(text);
  const start = match?.[1];
  const end = match?.[2];
  if (start === undefined || end === undefined) return 'expected a window "HH:MM-HH:MM" such as "09:00-17:00"';
  const startMinutes = clockMinutes(start, false);
  if (startMinutes === null) return `start ${start} is not a time HH:MM (00:00 to 23:59)`;
  const endMinutes = clockMinutes(end, true);
  if (endMinutes === null) return `end ${end} is not a time HH:MM (00:00 to 24:00)`;
  if (endMinutes <= startMinutes) return `end ${end} is not after start ${start} (a window ending at midnight ends at 24:00)`;
  return { start, end, startMinutes, endMinutes };
}

const windowText = z.string().check(
  z.superRefine((text, ctx) => {
    const parsed = parseWindow(text);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed, input: text });
  }),
);

/** One weekday's windows; each window that overlaps an earlier one is reported at its index. */
const dayWindows = z.array(windowText).check(
  z.superRefine((texts, ctx) => {
    const parsed = texts.map((text) => (typeof text === 'string' ? parseWindow(text) : 'not a window'));
    parsed.forEach((window, j) => {
      if (typeof window === 'string') return;
      const earlier = parsed
        .slice(0, j)
        .find((other) => typeof other !== 'string' && other.startMinutes < window.endMinutes && window.startMinutes < other.endMinutes);
      if (earlier !== undefined && typeof earlier !== 'string') {
        ctx.addIssue({ code: 'custom', path: [j], message: `overlaps ${earlier.start}-${earlier.end}`, input: texts[j] });
      }
    });
  }),
);

const weekdayWindows = strict(Object.fromEntries(WEEKDAYS.map((day) => [day, z.optional(dayWindows)])) as Record<(typeof WEEKDAYS)[number], z.ZodMiniOptional<typeof dayWindows>>, `unknown weekday (expected one of: ${WEEKDAYS.join(', ')})`);

export const holidays = z.array(date);

/**
 * A named calendar:
 * - `timezone` (required): IANA zone the windows and holidays are read in.
 * - `windows` (required): `{mon: ["09:00-12:00", "13:00-17:00"], ...}`, weekdays `mon` to
 *   `sun`; a weekday left out has no business time.
 * - `holidays`: local dates `YYYY-MM-DD` on which no window opens.
 */
export const namedCalendar = strict({ timezone, windows: weekdayWindows, holidays: z.optional(holidays) }).check(
  z.superRefine((calendar, ctx) => {
    const windows: Record<string, unknown> = calendar.windows;
    if (!WEEKDAYS.some((day) => Array.isArray(windows[day]) && (windows[day] as unknown[]).length > 0)) {
      ctx.addIssue({ code: 'custom', path: ['windows'], message: 'no business time: give at least one weekday a window', input: calendar.windows });
    }
  }),
);

/** A calendar name: letters, digits, `-` and `_`; `default` and `24x7` are taken. */
export const CALENDAR_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const RESERVED_CALENDAR_NAMES: readonly string[] = ['default', '24x7'];

const weekdayIndex = z.number().check(
  z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 6, { error: 'expected a weekday number 0 (Monday) to 6 (Sunday)' }),
);

/**
 * `sla.business_hours`, the `default` calendar: one window `start_time`-`end_time` on each of
 * `weekdays`. Every key is optional and keeps its default; the end-after-start check reads the
 * defaults for what the file leaves out.
 */
export function businessHoursSchema(defaults: { startTime: string; endTime: string }) {
  return strict({
    start_time: z.optional(clockTime(false)),
    end_time: z.optional(clockTime(true)),
    timezone: z.optional(timezone),
    weekdays: z.optional(
      z.array(weekdayIndex).check(
        z.refine((days) => days.length > 0, { error: 'no business time: list at least one weekday' }),
        z.refine((days) => new Set(days).size === days.length, { error: 'lists a weekday twice' }),
      ),
    ),
    holidays: z.optional(holidays),
  }).check(
    z.superRefine((hours, ctx) => {
      const start = clockMinutes(hours.start_time ?? defaults.startTime, false);
      const end = clockMinutes(hours.end_time ?? defaults.endTime, true);
      if (start !== null && end !== null && end <= start) {
        ctx.addIssue({
          code: 'custom',
          path: [hours.end_time === undefined ? 'start_time' : 'end_time'],
          message: `end ${hours.end_time ?? defaults.endTime} is not after start ${hours.start_time ?? defaults.startTime} (use 24:00 for midnight)`,
          input: hours,
        });
      }
    }),
  );
}
