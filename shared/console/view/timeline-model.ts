/**
 * An alert's SLA timeline as shapes, ready to draw as SVG: the calendar's business windows
 * shaded, the two clocks as bars from arrival to their deadlines, and markers for arrival,
 * at-risk instants, deadlines, reminders, responses and now, each with its time in words for
 * the list beside the drawing. Positions are computed here (a pure function of the alert,
 * the clock and `now`), so the component only lays them out and a test reads them as data.
 */
import { DateTime } from 'luxon';
import { businessWindows } from '../../domain/calendar/business-windows.ts';
import type { CalendarSpec } from '../../domain/calendar/calendar-spec.ts';
import type { Instant } from '../../domain/instant.ts';
import type { SlaTimeline } from '../../domain/sla/sla-timeline.ts';
import { isoText, utcText, wallText } from './time-text.ts';

export const TIMELINE_WIDTH = 1000;
export const TIMELINE_HEIGHT = 150;
const LEFT = 10;
const RIGHT = 10;
const TOP = 24;
const AXIS_Y = 112;

export type MarkerKind = 'arrival' | 'risk' | 'deadline' | 'reminder' | 'response' | 'now';

export interface TimelineMarker {
  readonly kind: MarkerKind;
  readonly label: string;
  readonly x: number;
  readonly atIso: string;
  readonly atUtc: string;
  /** In the alert's zone: `Mon 10:00 New York`. */
  readonly wall: string;
}

export interface TimelineModel {
  readonly width: number;
  readonly height: number;
  readonly axisY: number;
  readonly top: number;
  /** Shaded business windows (none around the clock: all of it is business time). */
  readonly windows: readonly { readonly x: number; readonly width: number }[];
  readonly bars: readonly { readonly kind: 'ack' | 'res'; readonly label: string; readonly x: number; readonly width: number; readonly y: number }[];
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  /** In time order. */
  readonly markers: readonly TimelineMarker[];
  /** One sentence for screen readers and the SVG's title. */
  readonly summary: string;
  readonly calendarText: string;
}

export interface TimelineInput {
  readonly createdAt: Instant;
  readonly timeline: SlaTimeline;
  readonly calendar: CalendarSpec | null;
  readonly responses: readonly { readonly type: string; readonly by: string; readonly at: Instant }[];
  readonly resolvedAt: Instant | null;
  readonly zone: string;
}

const TICK_HOURS = [1, 2, 3, 6, 12, 24, 48, 168, 720];

function ticks(fromAt: Instant, toAt: Instant, zone: string, x: (at: Instant) => number): { x: number; label: string }[] {
  const spanHours = (toAt - fromAt) / 3_600_000;
  const step = TICK_HOURS.find((h) => spanHours / h <= 8) ?? 720;
  const out: { x: number; label: string }[] = [];
  let at = DateTime.fromMillis(fromAt, { zone, locale: 'en-GB' }).startOf('day');
  for (let guard = 0; guard < 400 && at.toMillis() <= toAt; guard++) {
    const ms = at.toMillis();
    if (ms >= fromAt) out.push({ x: x(ms), label: step >= 24 ? at.toFormat('ccc d LLL') : at.toFormat(at.hour === 0 ? 'ccc HH:mm' : 'HH:mm') });
    at = at.plus({ hours: step });
  }
  return out;
}

export function timelineModel(input: TimelineInput, now: Instant): TimelineModel {
  const { timeline, createdAt, zone } = input;
  const ends = [timeline.resolution.deadlineAt, timeline.acknowledgment.deadlineAt, input.resolvedAt ?? createdAt, ...input.responses.map((r) => r.at)];
  if (input.resolvedAt === null) ends.push(now);
  const lastAt = Math.max(...ends);
  const pad = Math.max(60_000, (lastAt - createdAt) * 0.04);
  const fromAt = createdAt - pad;
  const toAt = lastAt + pad;
  const scale = (TIMELINE_WIDTH - LEFT - RIGHT) / (toAt - fromAt);
  const x = (at: Instant): number => Math.round((LEFT + (at - fromAt) * scale) * 10) / 10;

  const windows = input.calendar === null ? [] : businessWindows(input.calendar, fromAt, toAt).map(([s, e]) => ({ x: x(s), width: Math.max(0.5, x(e) - x(s)) }));
  const marker = (kind: MarkerKind, label: string, at: Instant): TimelineMarker => ({ kind, label, x: x(at), atIso: isoText(at), atUtc: utcText(at), wall: wallText(at, zone, now) });
  const markers: TimelineMarker[] = [
    marker('arrival', 'Arrived', createdAt),
    marker('risk', 'Acknowledgment at risk', timeline.acknowledgment.atRiskAt),
    marker('deadline', 'Acknowledgment due', timeline.acknowledgment.deadlineAt),
    marker('risk', 'Resolution at risk', timeline.resolution.atRiskAt),
    marker('deadline', 'Resolution due', timeline.resolution.deadlineAt),
    ...timeline.reminderAts.map((at, i) => marker('reminder', `Reminder ${i + 1}`, at)),
    ...input.responses.map((r) => marker('response', `${r.type[0]?.toUpperCase() ?? ''}${r.type.slice(1)} by ${r.by}`, r.at)),
  ];
  if (input.resolvedAt === null) markers.push(marker('now', 'Now', now));
  markers.sort((a, b) => a.atIso.localeCompare(b.atIso));

  const calendarText = input.calendar === null ? 'around the clock (24x7)' : `business hours, calendar ${input.calendar.name} (${input.calendar.timezone})`;
  return {
    width: TIMELINE_WIDTH,
    height: TIMELINE_HEIGHT,
    axisY: AXIS_Y,
    top: TOP,
    windows,
    bars: [
      { kind: 'ack', label: 'Acknowledgment clock', x: x(createdAt), width: Math.max(1, x(timeline.acknowledgment.deadlineAt) - x(createdAt)), y: 44 },
      { kind: 'res', label: 'Resolution clock', x: x(createdAt), width: Math.max(1, x(timeline.resolution.deadlineAt) - x(createdAt)), y: 70 },
    ],
    ticks: ticks(fromAt, toAt, zone, x),
    markers,
    summary:
      `SLA timeline counted on ${calendarText}: arrived ${wallText(createdAt, zone, now)}, ` +
      `acknowledgment due ${wallText(timeline.acknowledgment.deadlineAt, zone, now)}, resolution due ${wallText(timeline.resolution.deadlineAt, zone, now)}.`,
    calendarText,
  };
}
