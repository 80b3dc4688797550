/**
 * What-if (`/explain`): the CLI's `explain` as a form. A priority, an arrival as wall time in
 * a calendar's zone, and the calendar (the priority's own by default, any configured one, or
 * around the clock) give the SLA timeline an alert arriving then would have, drawn like an
 * alert's. Every problem with the form is named at once.
 */
import { DateTime } from 'luxon';
import type { AppConfig } from '../../config/app-config.ts';
import type { Instant } from '../../domain/instant.ts';
import { isPriority, PRIORITIES, type Priority } from '../../domain/sla/priority.ts';
import { slaTimeline } from '../../domain/sla/sla-timeline.ts';
import { timelineModel, type TimelineModel } from './timeline-model.ts';
import { utcText, wallText } from './time-text.ts';

export const AROUND_THE_CLOCK_CHOICE = '24x7';
export const OWN_CALENDAR_CHOICE = 'policy';

export interface ExplainForm {
  readonly priority: string;
  /** `YYYY-MM-DDTHH:mm` wall time in the calendar's zone. */
  readonly arrival: string;
  readonly calendar: string;
}

export interface ExplainView {
  readonly form: ExplainForm;
  readonly priorities: readonly Priority[];
  readonly calendars: readonly { readonly value: string; readonly text: string }[];
  readonly problems: readonly string[];
  readonly result: {
    readonly rows: readonly { readonly label: string; readonly wall: string; readonly utc: string }[];
    readonly timeline: TimelineModel;
  } | null;
}

export function explainView(config: AppConfig, form: ExplainForm | null, now: Instant): ExplainView {
  const calendars = [
    { value: OWN_CALENDAR_CHOICE, text: "the priority's own" },
    ...Object.keys(config.calendars)
      .sort()
      .map((name) => ({ value: name, text: `${name} (${config.calendars[name]?.timezone ?? ''})` })),
    { value: AROUND_THE_CLOCK_CHOICE, text: 'around the clock (24x7)' },
  ];
  const base = { priorities: PRIORITIES, calendars };
  if (form === null) {
    return { ...base, form: { priority: 'high', arrival: DateTime.fromMillis(now, { zone: 'UTC' }).toFormat("yyyy-LL-dd'T'HH:mm"), calendar: OWN_CALENDAR_CHOICE }, problems: [], result: null };
  }
  const problems: string[] = [];
  const priority = isPriority(form.priority) ? form.priority : null;
  if (priority === null) problems.push(`Priority: choose one of ${PRIORITIES.join(', ')}.`);
  const known = calendars.some((c) => c.value === form.calendar);
  if (!known) problems.push('Calendar: choose one of the list.');
  if (priority === null || !known) return { ...base, form, problems, result: null };
  const policy = config.policies[priority];
  const calendar =
    form.calendar === OWN_CALENDAR_CHOICE ? policy.calendar : form.calendar === AROUND_THE_CLOCK_CHOICE ? null : (config.calendars[form.calendar] ?? null);
  const zone = calendar?.timezone ?? 'UTC';
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(form.arrival) ? DateTime.fromISO(form.arrival, { zone }) : null;
  if (local === null || !local.isValid) {
    problems.push('Arrival: give a date and time such as 2026-12-04T16:30.');
    return { ...base, form, problems, result: null };
  }
  const createdAt = local.toMillis();
  const timeline = slaTimeline({ ...policy, calendar }, createdAt);
  const row = (label: string, at: Instant) => ({ label, wall: wallText(at, zone, createdAt), utc: utcText(at) });
  return {
    ...base,
    form,
    problems,
    result: {
      rows: [
        row('Arrives', createdAt),
        row('Acknowledgment at risk', timeline.acknowledgment.atRiskAt),
        row('Acknowledgment due', timeline.acknowledgment.deadlineAt),
        row('Resolution at risk', timeline.resolution.atRiskAt),
        row('Resolution due', timeline.resolution.deadlineAt),
        ...timeline.reminderAts.map((at, i) => row(`Reminder ${i + 1}`, at)),
      ],
      timeline: timelineModel({ createdAt, timeline, calendar, responses: [], resolvedAt: createdAt, zone }, createdAt),
    },
  };
}
