/**
 * Calendars and SLA policies for the domain tests, built here rather than from the
 * configuration code so the tests pin the domain's own contract.
 */
import type { CalendarSpec, WeekdayName, WindowSpec } from '../../shared/domain/calendar/calendar-spec.ts';
import { WEEKDAYS } from '../../shared/domain/calendar/calendar-spec.ts';
import { HOUR_MS, MINUTE_MS } from '../../shared/domain/instant.ts';
import type { SlaPolicy } from '../../shared/domain/sla/sla-policy.ts';

export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO instant in test: ${iso}`);
  return ms;
};
export const hours = (n: number): number => n * HOUR_MS;
export const minutes = (n: number): number => n * MINUTE_MS;

const WORKDAYS: readonly WeekdayName[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function calendar(
  name: string,
  timezone: string,
  windows: Partial<Record<WeekdayName, readonly WindowSpec[]>>,
  holidays: readonly string[] = [],
): CalendarSpec {
  return { name, timezone, windows, holidays };
}

/** The same windows on the given weekdays (Monday to Friday unless said). */
export function weekly(windows: string[], days: readonly WeekdayName[] = WORKDAYS): Partial<Record<WeekdayName, WindowSpec[]>> {
  const specs = windows.map((window) => {
    const [start, end] = window.split('-') as [string, string];
    return { start, end };
  });
  return Object.fromEntries(days.map((day) => [day, specs]));
}

export const everyDay = WEEKDAYS;

/** `sla.business_hours` as shipped: UTC, Monday to Friday, 09:00-17:00. */
export const defaultCalendar = calendar('default', 'UTC', weekly(['09:00-17:00']));

export function policy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    priority: 'high',
    acknowledgmentSeconds: 1800,
    resolutionSeconds: 14_400,
    calendar: defaultCalendar,
    allowedBreaches: 2,
    warningThreshold: 0.8,
    reminders: { enabled: true, firstAfterSeconds: 900, intervalSeconds: 900, max: 3, channels: ['email'] },
    updateIntervalSeconds: 3600,
    notificationChannels: ['email'],
    ...overrides,
  };
}
