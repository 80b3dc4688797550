/**
 * Everything a notification shows, worked out once as plain (unescaped, cleaned and capped)
 * text: the HTML email, the text email and the Slack message are three renderings of this one
 * view, so they never disagree about a deadline or a status. The SLA figures come from
 * `evaluateSla` at `now`, in business time on the alert's own policy snapshot.
 */
import type { AppConfig } from '../../config/app-config.ts';
import type { Alert } from '../../domain/alert/alert.ts';
import type { Instant } from '../../domain/instant.ts';
import type { ActionLink } from '../../domain/links/action-links.ts';
import type { Notification, NotificationKind } from '../../domain/notifications/notification.ts';
import type { Priority } from '../../domain/sla/priority.ts';
import { evaluateAlertSla } from '../../domain/sla/alert-sla.ts';
import type { ClockEvaluation } from '../../domain/sla/sla-evaluation.ts';
import { multiLine, singleLine } from '../../domain/clean-text.ts';
import { durationForPeople, instantForPeople } from './format-time.ts';
import { kindWording } from './kind-wording.ts';
import { subjectLine } from './subject.ts';

export interface ViewFact {
  readonly label: string;
  readonly value: string;
}

export interface ViewLink {
  readonly href: string;
  readonly text: string;
}

export interface NotificationView {
  readonly kind: NotificationKind;
  readonly alertId: string;
  readonly subject: string;
  readonly headline: string;
  readonly callToAction: string;
  readonly title: string;
  readonly priority: Priority;
  readonly facts: readonly ViewFact[];
  readonly description: string | null;
  readonly labels: readonly ViewFact[];
  readonly annotations: readonly ViewFact[];
  /** Links the source sent (dashboards, runbooks): absolute http(s) only. */
  readonly sourceLinks: readonly ViewLink[];
  /** Signed links for this recipient; empty for Slack and for resolved alerts. */
  readonly actionLinks: readonly ActionLink[];
  /** This recipient's signed link to the alert's console page (read only); null for Slack. */
  readonly viewUrl: string | null;
}

export interface ViewContext {
  readonly config: AppConfig;
  readonly now: Instant;
  readonly actionLinks: readonly ActionLink[];
  readonly viewUrl?: string;
}

const LIMITS = { title: 300, fact: 300, key: 100, value: 500, annotation: 2000, description: 4000, entries: 40, links: 10 };

/** `10m left`, `at risk, 4m of business time left`, `BREACHED, overdue by 1h`, `met`, `missed by 5m`. */
export function clockSummary(clock: ClockEvaluation, businessTime: boolean): string {
  const unit = businessTime ? ' of business time' : '';
  switch (clock.state) {
    case 'compliant':
      return `${durationForPeople(clock.remainingMs)}${unit} left`;
    case 'at_risk':
      return `at risk, ${durationForPeople(clock.remainingMs)}${unit} left`;
    case 'breached':
      return `BREACHED, overdue by ${durationForPeople(clock.overrunMs)}${unit}`;
    case 'met':
      return 'met';
    case 'missed':
      return `missed by ${durationForPeople(clock.overrunMs)}${unit}`;
    case 'closed_by_source':
      return 'closed by its source, not acknowledged';
  }
}

function statusText(alert: Alert, zone: string): string {
  const at = (instant: Instant | null): string => (instant === null ? 'an unknown time' : instantForPeople(instant, zone));
  const by = (who: string | null): string => singleLine(who ?? 'unknown', LIMITS.fact);
  switch (alert.status) {
    case 'open':
      return 'open, not acknowledged';
    case 'acknowledged':
      return `acknowledged by ${by(alert.acknowledgedBy)} at ${at(alert.acknowledgedAt)}`;
    case 'resolved':
      return `resolved by ${by(alert.resolvedBy)} at ${at(alert.resolvedAt)}`;
  }
}

function entries(record: Readonly<Record<string, string>>, valueChars: number, multi: boolean): ViewFact[] {
  return Object.keys(record)
    .sort()
    .slice(0, LIMITS.entries)
    .map((key) => {
      const value = record[key] ?? '';
      return { label: singleLine(key, LIMITS.key), value: multi ? multiLine(value, valueChars) : singleLine(value, valueChars) };
    });
}

function sourceLinks(alert: Alert): ViewLink[] {
  return alert.links
    .filter((link) => URL.canParse(link.href) && ['http:', 'https:'].includes(new URL(link.href).protocol))
    .slice(0, LIMITS.links)
    .map((link) => ({ href: new URL(link.href).href, text: singleLine(link.text ?? link.href, LIMITS.fact) }));
}

/** The zone local times are shown in: the calendar's, else the report's (24x7 policies). */
export function displayZone(alert: Alert, config: AppConfig): string {
  return alert.sla.calendar?.timezone ?? config.reporting.timezone;
}

export function buildNotificationView(notification: Notification, alert: Alert, context: ViewContext): NotificationView {
  const { config, now } = context;
  const zone = displayZone(alert, config);
  const wording = kindWording(notification, alert.sla.reminders.max);
  const title = singleLine(alert.title, LIMITS.title) || '(untitled alert)';
  const sla = evaluateAlertSla(alert, now);
  const calendar = alert.sla.calendar;
  const businessTime = calendar !== null;
  const facts: ViewFact[] = [
    { label: 'Priority', value: alert.priority.toUpperCase() + (alert.severity === null ? '' : ` (source severity: ${singleLine(alert.severity, 60)})`) },
    { label: 'Status', value: statusText(alert, zone) },
    { label: 'Source', value: singleLine(`${alert.sourceName} via ${alert.integrationId} (${alert.format})`, LIMITS.fact) },
    { label: 'Received', value: instantForPeople(alert.createdAt, zone) },
    { label: 'Acknowledge by', value: `${instantForPeople(sla.acknowledgment.deadlineAt, zone)} — ${clockSummary(sla.acknowledgment, businessTime)}` },
    { label: 'Resolve by', value: `${instantForPeople(sla.resolution.deadlineAt, zone)} — ${clockSummary(sla.resolution, businessTime)}` },
    { label: 'SLA clock', value: calendar === null ? 'around the clock' : `business hours, calendar ${calendar.name} (${calendar.timezone})` },
  ];
  if (notification.kind === 'update-due' && alert.lastUpdateAt !== null) {
    facts.push({ label: 'Last update', value: instantForPeople(alert.lastUpdateAt, zone) });
  }
  facts.push({ label: 'Alert id', value: singleLine(alert.id, LIMITS.fact) });
  return {
    kind: notification.kind,
    alertId: alert.id,
    subject: subjectLine(alert.priority, wording.subjectWords, title),
    headline: wording.headline,
    callToAction: wording.callToAction,
    title,
    priority: alert.priority,
    facts,
    description: alert.description === null ? null : multiLine(alert.description, LIMITS.description) || null,
    labels: entries(alert.labels, LIMITS.value, false),
    annotations: entries(alert.annotations, LIMITS.annotation, true),
    sourceLinks: sourceLinks(alert),
    actionLinks: context.actionLinks,
    viewUrl: context.viewUrl ?? null,
  };
}
