/**
 * What `explain` shows: the SLA timeline of a hypothetical alert, as JSON (instants in ISO
 * 8601 UTC) or as text where each instant is also given in the calendar's local time with
 * the business time elapsed since creation, so a reader can check a deadline by hand.
 */
import { DateTime } from 'luxon';
import { AROUND_THE_CLOCK } from '../../../shared/domain/calendar/calendar-spec.ts';
import { businessClock, type BusinessClock } from '../../../shared/domain/calendar/business-clock.ts';
import { formatDurationSeconds } from '../../../shared/domain/duration.ts';
import { SECOND_MS, toIso, type Instant } from '../../../shared/domain/instant.ts';
import { slaTimeline } from '../../../shared/domain/sla/sla-timeline.ts';
import type { SlaPolicy } from '../../../shared/domain/sla/sla-policy.ts';
import { describeWindows } from '../../../shared/config/summary.ts';

export interface ExplainJson {
  readonly priority: string;
  readonly calendar: string;
  readonly createdAt: string;
  readonly acknowledgment: { readonly atRiskAt: string; readonly deadline: string };
  readonly resolution: { readonly atRiskAt: string; readonly deadline: string };
  readonly reminders: readonly string[];
}

export function explainJson(policy: SlaPolicy, createdAt: Instant): ExplainJson {
  const timeline = slaTimeline(policy, createdAt);
  return {
    priority: policy.priority,
    calendar: policy.calendar?.name ?? AROUND_THE_CLOCK,
    createdAt: toIso(createdAt),
    acknowledgment: { atRiskAt: toIso(timeline.acknowledgment.atRiskAt), deadline: toIso(timeline.acknowledgment.deadlineAt) },
    resolution: { atRiskAt: toIso(timeline.resolution.atRiskAt), deadline: toIso(timeline.resolution.deadlineAt) },
    reminders: timeline.reminderAts.map(toIso),
  };
}

function local(at: Instant, timezone: string): string {
  return DateTime.fromMillis(at, { zone: timezone }).toFormat('ccc yyyy-LL-dd HH:mm:ss ZZZZ');
}

function business(clock: BusinessClock, fromAt: Instant, toAt: Instant): string {
  return formatDurationSeconds(Math.round(clock.elapsed(fromAt, toAt) / SECOND_MS));
}

export function explainText(policy: SlaPolicy, createdAt: Instant): string {
  const clock = businessClock(policy.calendar);
  const timeline = slaTimeline(policy, createdAt);
  const zone = clock.timezone;
  const counted = policy.calendar === null ? '' : ' of business time';
  const row = (label: string, at: Instant) => `  ${label.padEnd(10)} ${toIso(at)}  ${local(at, zone)}  after ${business(clock, createdAt, at)}${counted}`;
  const startAt = clock.nextBusinessInstant(createdAt);
  const calendar = policy.calendar;
  const percent = Math.round(policy.warningThreshold * 100);
  const lines = [
    `${policy.priority} alert created ${toIso(createdAt)}  (${local(createdAt, zone)})`,
    calendar === null
      ? 'clock: around the clock (24x7), times shown in UTC'
      : `clock: calendar ${calendar.name} (${calendar.timezone}): ${describeWindows(calendar)}; ${calendar.holidays.length} holiday(s)`,
    ...(startAt === createdAt ? [] : [`  the clock starts ${toIso(startAt)}  (${local(startAt, zone)}), the next business time`]),
    '',
    `acknowledgment within ${formatDurationSeconds(policy.acknowledgmentSeconds)} (at risk after ${percent}%)`,
    row('at risk', timeline.acknowledgment.atRiskAt),
    row('deadline', timeline.acknowledgment.deadlineAt),
    `resolution within ${formatDurationSeconds(policy.resolutionSeconds)} (at risk after ${percent}%)`,
    row('at risk', timeline.resolution.atRiskAt),
    row('deadline', timeline.resolution.deadlineAt),
    timeline.reminderAts.length === 0 ? 'reminders: none' : `reminders until acknowledged (channels: ${policy.reminders.channels.join(', ') || 'none'})`,
    ...timeline.reminderAts.map((at, i) => row(`#${i + 1}`, at)),
    `after acknowledgment, an update is due every ${formatDurationSeconds(policy.updateIntervalSeconds)}${counted}`,
  ];
  return lines.join('\n');
}
