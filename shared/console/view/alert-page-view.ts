/**
 * What the alert page shows, as plain cleaned text: details, labels, source links, the two
 * clocks, every response with who made it and how, every notification claimed, the delivery
 * of each to each recipient (state, attempts, last error: the outbox on the alert), the
 * timeline, and the actions the alert still takes.
 */
import type { Alert } from '../../domain/alert/alert.ts';
import type { Delivery } from '../../domain/delivery/delivery.ts';
import { outboxOf } from '../../domain/delivery/outbox.ts';
import type { NotificationKind } from '../../domain/notifications/notification.ts';
import { multiLine, singleLine } from '../../domain/clean-text.ts';
import { businessClock } from '../../domain/calendar/business-clock.ts';
import type { Instant } from '../../domain/instant.ts';
import { linkActionsFor } from '../../domain/links/action-links.ts';
import type { LinkAction } from '../../domain/links/link-token.ts';
import type { Priority } from '../../domain/sla/priority.ts';
import { evaluateSla } from '../../domain/sla/sla-evaluation.ts';
import { boardStatus, STATUS_WORDS, type BoardStatus } from './board-view.ts';
import { clockView, type ClockView } from './clock-view.ts';
import { timelineModel, type TimelineModel } from './timeline-model.ts';
import { isoText, utcText, wallText } from './time-text.ts';

export interface Fact {
  readonly label: string;
  readonly value: string;
}

export interface TimedText {
  readonly text: string;
  readonly atIso: string;
  readonly atUtc: string;
  readonly wall: string;
}

export interface ResponseRow extends TimedText {
  readonly type: string;
  readonly by: string;
  /** How it reached sla-watch, in words: `from the console`, `by email link`... */
  readonly how: string;
  readonly note: string | null;
}

/** One message to one recipient on one channel, as the delivery outbox records it. */
export interface DeliveryRow extends TimedText {
  readonly notification: string;
  readonly channel: string;
  readonly recipient: string;
  readonly state: string;
  readonly detail: string | null;
}

export interface AlertPageView {
  readonly id: string;
  readonly title: string;
  readonly priority: Priority;
  readonly alertStatus: string;
  readonly status: BoardStatus;
  readonly statusWord: string;
  readonly facts: readonly Fact[];
  readonly description: string | null;
  readonly labels: readonly Fact[];
  readonly annotations: readonly Fact[];
  readonly links: readonly { readonly href: string; readonly text: string }[];
  readonly acknowledgment: ClockView;
  readonly resolution: ClockView;
  readonly responses: readonly ResponseRow[];
  readonly notifications: readonly TimedText[];
  readonly failures: readonly TimedText[];
  /** Oldest claim first; null for an alert stored before deliveries were recorded (none kept). */
  readonly deliveries: readonly DeliveryRow[] | null;
  readonly timeline: TimelineModel;
  readonly actions: readonly LinkAction[];
}

const HOW: Readonly<Record<string, string>> = {
  api: 'through the API',
  console: 'from the console',
  link: 'by email link',
  webhook: 'by the alerting tool',
  system: 'by sla-watch',
};

function entries(record: Readonly<Record<string, string>>, multi: boolean): Fact[] {
  return Object.keys(record)
    .sort()
    .slice(0, 60)
    .map((key) => ({ label: singleLine(key, 100), value: multi ? multiLine(record[key] ?? '', 2000) : singleLine(record[key] ?? '', 500) }));
}

function timed(text: string, at: Instant, zone: string, now: Instant): TimedText {
  return { text, atIso: isoText(at), atUtc: utcText(at), wall: wallText(at, zone, now) };
}

/** A notification's name on the page: the notifications claimed and the deliveries use the same words. */
const KIND_WORDS: Readonly<Record<NotificationKind, string>> = {
  'new-alert': 'New alert',
  reminder: 'Reminder',
  'acknowledgment-at-risk': 'Acknowledgment at risk',
  'acknowledgment-breach': 'Acknowledgment breached',
  'update-due': 'Update due',
  'resolution-at-risk': 'Resolution at risk',
  'resolution-breach': 'Resolution breached',
  resolved: 'Resolved',
};

function notificationsOf(alert: Alert, zone: string, now: Instant): TimedText[] {
  const n = alert.notified;
  const out: TimedText[] = [];
  const add = (text: string, at: Instant | null) => {
    if (at !== null) out.push(timed(text, at, zone, now));
  };
  add(KIND_WORDS['new-alert'], n.newAlertAt);
  add(KIND_WORDS['acknowledgment-at-risk'], n.acknowledgmentAtRiskAt);
  add(KIND_WORDS['acknowledgment-breach'], n.acknowledgmentBreachAt);
  add(KIND_WORDS['resolution-at-risk'], n.resolutionAtRiskAt);
  add(KIND_WORDS['resolution-breach'], n.resolutionBreachAt);
  alert.timeline.reminderAts.slice(0, n.remindersSent).forEach((at, i) => add(`${KIND_WORDS.reminder} ${i + 1}`, at));
  add(KIND_WORDS['update-due'], n.updateDueNotifiedFor);
  add(KIND_WORDS.resolved, n.resolvedAt);
  return out.sort((a, b) => a.atIso.localeCompare(b.atIso));
}

const attemptsText = (n: number) => (n === 1 ? '1 attempt' : `${n} attempts`);

/** A delivery's state in words, with what a person debugging it needs: attempts, last error, why. */
function deliveryRow(d: Delivery, zone: string, now: Instant): DeliveryRow {
  const notification = d.notification.kind === 'reminder' ? `${KIND_WORDS.reminder} ${d.notification.reminderNumber ?? 1}` : KIND_WORDS[d.notification.kind];
  const lastError = d.lastError === null ? null : `last error: ${singleLine(d.lastError, 400)}`;
  const [state, at, detail] = ((): [string, Instant, string | null] => {
    switch (d.state) {
      case 'pending':
        return ['pending', d.claimedAt, d.attempts > 0 ? attemptsText(d.attempts) : null];
      case 'retrying':
        return [`retrying after ${attemptsText(d.attempts)}`, d.nextAttemptAt ?? d.claimedAt, lastError === null ? 'next attempt at the time shown' : `${lastError}; next attempt at the time shown`];
      case 'sent':
        return [d.attempts > 1 ? `sent after ${attemptsText(d.attempts)}` : 'sent', d.doneAt ?? d.claimedAt, d.messageId === null ? null : `message id ${singleLine(d.messageId, 200)}`];
      case 'failed':
        return [`failed after ${attemptsText(d.attempts)}`, d.doneAt ?? d.claimedAt, singleLine(d.reason ?? d.lastError ?? 'no reason recorded', 400)];
      case 'skipped':
        return ['skipped', d.doneAt ?? d.claimedAt, d.reason === null ? null : singleLine(d.reason, 400)];
    }
  })();
  return { ...timed(notification, at, zone, now), notification, channel: d.channel, recipient: singleLine(d.recipient, 320), state, detail };
}

function deliveriesOf(alert: Alert, zone: string, now: Instant): DeliveryRow[] | null {
  if (alert.outbox === undefined) return null;
  return [...outboxOf(alert)].sort((a, b) => a.seq - b.seq).map((d) => deliveryRow(d, zone, now));
}

export function alertPageView(alert: Alert, zone: string, now: Instant): AlertPageView {
  const sla = evaluateSla(
    { policy: alert.sla, createdAt: alert.createdAt, timeline: alert.timeline, acknowledgedAt: alert.acknowledgedAt, resolvedAt: alert.resolvedAt },
    now,
  );
  const clock = businessClock(alert.sla.calendar);
  const status = boardStatus(sla);
  const who = (name: string | null) => singleLine(name ?? 'unknown', 200);
  const facts: Fact[] = [
    { label: 'Status', value: alert.status === 'open' ? 'open, not acknowledged' : alert.status === 'acknowledged' ? `acknowledged by ${who(alert.acknowledgedBy)}` : `resolved by ${who(alert.resolvedBy)}` },
    { label: 'Source', value: singleLine(`${alert.sourceName} via ${alert.integrationId} (${alert.format})`, 300) },
    { label: 'Source severity', value: alert.severity === null ? 'none given' : singleLine(alert.severity, 60) },
    { label: 'Received', value: `${utcText(alert.createdAt)} (${wallText(alert.createdAt, zone, now)})` },
    // Webhook deliveries of this alert by its source (repeats included), not our notifications.
    { label: 'Received from the source', value: alert.deliveries === 1 ? 'once' : `${alert.deliveries} times` },
    { label: 'SLA clock', value: alert.sla.calendar === null ? 'around the clock' : `business hours, calendar ${alert.sla.calendar.name} (${alert.sla.calendar.timezone})` },
    { label: 'Alert id', value: alert.id },
  ];
  return {
    id: alert.id,
    title: singleLine(alert.title, 300) || '(untitled alert)',
    priority: alert.priority,
    alertStatus: alert.status,
    status,
    statusWord: alert.status === 'resolved' ? 'resolved' : STATUS_WORDS[status],
    facts,
    description: alert.description === null ? null : multiLine(alert.description, 4000) || null,
    labels: entries(alert.labels, false),
    annotations: entries(alert.annotations, true),
    links: alert.links
      .filter((l) => URL.canParse(l.href) && ['http:', 'https:'].includes(new URL(l.href).protocol))
      .slice(0, 10)
      .map((l) => ({ href: new URL(l.href).href, text: singleLine(l.text ?? l.href, 300) })),
    acknowledgment: clockView('Acknowledge', sla.acknowledgment, clock, zone, now),
    resolution: clockView('Resolve', sla.resolution, clock, zone, now),
    responses: alert.responses.map((r) => ({
      ...timed(r.type, r.at, zone, now),
      type: r.type,
      by: singleLine(r.by, 200),
      how: HOW[r.via] ?? r.via,
      note: r.note === null ? null : multiLine(r.note, 4000),
    })),
    notifications: notificationsOf(alert, zone, now),
    failures: alert.notified.failures.map((f) => timed(singleLine(`${f.kind} by ${f.channel}: ${f.error}`, 500), f.at, zone, now)),
    deliveries: deliveriesOf(alert, zone, now),
    timeline: timelineModel(
      { createdAt: alert.createdAt, timeline: alert.timeline, calendar: alert.sla.calendar, responses: alert.responses.map((r) => ({ type: r.type, by: singleLine(r.by, 80), at: r.at })), resolvedAt: alert.resolvedAt, zone },
      now,
    ),
    actions: linkActionsFor(alert.status),
  };
}
