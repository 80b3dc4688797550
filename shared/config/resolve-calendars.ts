/**
 * Calendars and SLA policies from a parsed file: the `default` calendar from
 * `sla.business_hours`, the named calendars, and each priority's complete SlaPolicy with the
 * defaults filling what the file leaves out, field by field.
 */
import { WEEKDAYS, type CalendarSpec, type WeekdayName, type WindowSpec } from '../domain/calendar/calendar-spec.ts';
import { PRIORITIES, type Priority } from '../domain/sla/priority.ts';
import type { SlaPolicy } from '../domain/sla/sla-policy.ts';
import { parseWindow } from './calendar-schema.ts';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_DEFINITIONS, DEFAULT_MONITORING, DEFAULT_REMINDERS, DEFAULT_TIMEOUTS } from './defaults.ts';
import type { ConfigFile } from './schema.ts';

type Sla = NonNullable<ConfigFile['sla']>;

export const DEFAULT_CALENDAR = 'default';

export function defaultCalendar(hours: Sla['business_hours']): CalendarSpec {
  const start = hours?.start_time ?? DEFAULT_BUSINESS_HOURS.startTime;
  const end = hours?.end_time ?? DEFAULT_BUSINESS_HOURS.endTime;
  const weekdays = hours?.weekdays ?? DEFAULT_BUSINESS_HOURS.weekdays;
  const windows: Partial<Record<WeekdayName, readonly WindowSpec[]>> = {};
  for (const index of [...weekdays].sort((a, b) => a - b)) {
    const day = WEEKDAYS[index];
    if (day !== undefined) windows[day] = [{ start, end }];
  }
  return {
    name: DEFAULT_CALENDAR,
    timezone: hours?.timezone ?? DEFAULT_BUSINESS_HOURS.timezone,
    windows,
    holidays: [...(hours?.holidays ?? DEFAULT_BUSINESS_HOURS.holidays)],
  };
}

function namedCalendar(name: string, calendar: NonNullable<Sla['calendars']>[string]): CalendarSpec {
  const windows: Partial<Record<WeekdayName, readonly WindowSpec[]>> = {};
  for (const day of WEEKDAYS) {
    const texts = calendar.windows[day];
    if (texts === undefined) continue;
    // The schema has checked every window; sorting keeps the spec canonical for snapshots.
    windows[day] = texts
      .map(parseWindow)
      .flatMap((window) => (typeof window === 'string' ? [] : [window]))
      .sort((a, b) => a.startMinutes - b.startMinutes)
      .map(({ start, end }) => ({ start, end }));
  }
  return { name, timezone: calendar.timezone, windows, holidays: [...(calendar.holidays ?? [])] };
}

export function resolveCalendars(sla: ConfigFile['sla']): Record<string, CalendarSpec> {
  const calendars: Record<string, CalendarSpec> = { [DEFAULT_CALENDAR]: defaultCalendar(sla?.business_hours) };
  for (const [name, calendar] of Object.entries(sla?.calendars ?? {})) calendars[name] = namedCalendar(name, calendar);
  return calendars;
}

function policyCalendar(priority: Priority, sla: ConfigFile['sla'], calendars: Record<string, CalendarSpec>): CalendarSpec | null {
  const definition = sla?.definitions?.[priority];
  if (definition?.calendar !== undefined) return calendars[definition.calendar] ?? null;
  const businessHours = definition?.business_hours ?? DEFAULT_DEFINITIONS[priority].businessHours;
  return businessHours ? (calendars[DEFAULT_CALENDAR] ?? null) : null;
}

export function resolvePolicies(file: ConfigFile, calendars: Record<string, CalendarSpec>): Record<Priority, SlaPolicy> {
  const { sla, response_tracking: tracking } = file;
  const monitoring = sla?.monitoring;
  const reminders = tracking?.reminders;
  const entries = PRIORITIES.map((priority): [Priority, SlaPolicy] => {
    const defaults = DEFAULT_DEFINITIONS[priority];
    const definition = sla?.definitions?.[priority];
    return [
      priority,
      {
        priority,
        acknowledgmentSeconds: definition?.acknowledgment_time ?? defaults.acknowledgmentSeconds,
        resolutionSeconds: definition?.resolution_time ?? defaults.resolutionSeconds,
        calendar: policyCalendar(priority, sla, calendars),
        allowedBreaches: definition?.allowed_breaches ?? defaults.allowedBreaches,
        warningThreshold: monitoring?.warning_threshold ?? DEFAULT_MONITORING.warningThreshold,
        reminders: {
          enabled: reminders?.enabled ?? DEFAULT_REMINDERS.enabled,
          firstAfterSeconds: tracking?.timeouts?.acknowledgment?.[priority] ?? DEFAULT_TIMEOUTS.acknowledgment[priority],
          intervalSeconds: reminders?.interval?.[priority] ?? DEFAULT_REMINDERS.interval[priority],
          max: reminders?.max_reminders ?? DEFAULT_REMINDERS.maxReminders,
          channels: [...(reminders?.channels ?? DEFAULT_REMINDERS.channels)],
        },
        updateIntervalSeconds: tracking?.timeouts?.updates?.[priority] ?? DEFAULT_TIMEOUTS.updates[priority],
        notificationChannels: [...(monitoring?.notification_channels ?? DEFAULT_MONITORING.notificationChannels)],
      },
    ];
  });
  return Object.fromEntries(entries) as Record<Priority, SlaPolicy>;
}
