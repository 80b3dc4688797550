/**
 * The board: every open alert, the most pressing first (by the next deadline of a clock still
 * running: acknowledgment until acknowledged, then resolution; breached ones, whose deadline
 * is past, come first), with counts per priority over everything open, filters by priority,
 * status, integration and label, and one page of rows at a time (a page stays small however
 * many alerts are open).
 */
import type { Alert } from '../../domain/alert/alert.ts';
import { singleLine } from '../../domain/clean-text.ts';
import { businessClock } from '../../domain/calendar/business-clock.ts';
import type { Instant } from '../../domain/instant.ts';
import { PRIORITIES, type Priority } from '../../domain/sla/priority.ts';
import { evaluateSla, type SlaEvaluation } from '../../domain/sla/sla-evaluation.ts';
import { clockView, type ClockView } from './clock-view.ts';
import { ageText, isoText, utcText } from './time-text.ts';

export type BoardStatus = 'compliant' | 'at_risk' | 'breached';
export const BOARD_STATUSES: readonly BoardStatus[] = ['compliant', 'at_risk', 'breached'];
export const STATUS_WORDS: Readonly<Record<BoardStatus, string>> = { compliant: 'compliant', at_risk: 'at risk', breached: 'breached' };

export const BOARD_PAGE_SIZE = 100;

export interface BoardFilters {
  readonly priority: Priority | null;
  readonly status: BoardStatus | null;
  readonly integration: string | null;
  /** `key=value` */
  readonly label: string | null;
  /** 1-based. */
  readonly page: number;
}

export const NO_FILTERS: BoardFilters = { priority: null, status: null, integration: null, label: null, page: 1 };

export interface BoardRow {
  readonly id: string;
  readonly href: string;
  readonly priority: Priority;
  readonly title: string;
  readonly source: string;
  readonly integration: string;
  readonly ageText: string;
  readonly createdIso: string;
  readonly createdUtc: string;
  readonly status: BoardStatus;
  readonly acknowledged: boolean;
  readonly acknowledgment: ClockView;
  readonly resolution: ClockView;
}

export interface BoardView {
  readonly openCount: number;
  readonly counts: readonly { readonly priority: Priority; readonly count: number }[];
  readonly statusCounts: readonly { readonly status: BoardStatus; readonly count: number }[];
  readonly filters: BoardFilters;
  readonly integrations: readonly string[];
  readonly matching: number;
  readonly rows: readonly BoardRow[];
  readonly page: number;
  readonly pages: number;
  /** How often the page's script reloads the board: often when small, gently when large. */
  readonly refreshMs: number;
}

/** Worst of the two clocks: a missed clock is a breach too (the report counts it so). */
export function boardStatus(sla: Pick<SlaEvaluation, 'acknowledgment' | 'resolution'>): BoardStatus {
  const states = [sla.acknowledgment.state, sla.resolution.state];
  if (states.some((s) => s === 'breached' || s === 'missed')) return 'breached';
  if (states.some((s) => s === 'at_risk')) return 'at_risk';
  return 'compliant';
}

/**
 * The same status from the stored timeline alone, with the states evaluateSla gives (a
 * resolution answers an unacknowledged clock; answering at the deadline is missed) but no
 * business-time arithmetic: the board classifies every open alert on each refresh and
 * evaluates in full only the rows it shows.
 */
export function boardStatusAt(alert: Alert, now: Instant): BoardStatus {
  const state = (atRiskAt: Instant, deadlineAt: Instant, answeredAt: Instant | null) =>
    answeredAt !== null ? (answeredAt < deadlineAt ? 'met' : 'missed') : now >= deadlineAt ? 'breached' : now >= atRiskAt ? 'at_risk' : 'compliant';
  const { acknowledgment, resolution } = alert.timeline;
  return boardStatus({
    acknowledgment: { state: state(acknowledgment.atRiskAt, acknowledgment.deadlineAt, alert.acknowledgedAt ?? alert.resolvedAt) },
    resolution: { state: state(resolution.atRiskAt, resolution.deadlineAt, alert.resolvedAt) },
  } as Pick<SlaEvaluation, 'acknowledgment' | 'resolution'>);
}

/** The deadline of the clock that is still running: what the board sorts by. */
function nextDeadline(alert: Alert): Instant {
  return alert.acknowledgedAt === null ? alert.timeline.acknowledgment.deadlineAt : alert.timeline.resolution.deadlineAt;
}

interface Scored {
  readonly alert: Alert;
  readonly status: BoardStatus;
}

function matches(s: Scored, f: BoardFilters): boolean {
  if (f.priority !== null && s.alert.priority !== f.priority) return false;
  if (f.status !== null && s.status !== f.status) return false;
  if (f.integration !== null && s.alert.integrationId !== f.integration) return false;
  if (f.label !== null) {
    const at = f.label.indexOf('=');
    const key = at < 0 ? f.label : f.label.slice(0, at);
    const value = at < 0 ? null : f.label.slice(at + 1);
    const actual = s.alert.labels[key];
    if (actual === undefined || (value !== null && actual !== value)) return false;
  }
  return true;
}

export function boardRow(s: Scored, zoneOf: (alert: Alert) => string, now: Instant): BoardRow {
  const { alert } = s;
  const sla = evaluateSla(
    { policy: alert.sla, createdAt: alert.createdAt, timeline: alert.timeline, acknowledgedAt: alert.acknowledgedAt, resolvedAt: alert.resolvedAt },
    now,
  );
  const clock = businessClock(alert.sla.calendar);
  const zone = zoneOf(alert);
  return {
    id: alert.id,
    href: `/console/alerts/${encodeURIComponent(alert.id)}`,
    priority: alert.priority,
    title: singleLine(alert.title, 200) || '(untitled alert)',
    source: singleLine(alert.sourceName, 120),
    integration: alert.integrationId,
    ageText: ageText(alert.createdAt, now),
    createdIso: isoText(alert.createdAt),
    createdUtc: utcText(alert.createdAt),
    status: s.status,
    acknowledged: alert.acknowledgedAt !== null,
    acknowledgment: clockView('Acknowledge', sla.acknowledgment, clock, zone, now),
    resolution: clockView('Resolve', sla.resolution, clock, zone, now),
  };
}

export function buildBoardView(open: readonly Alert[], filters: BoardFilters, zoneOf: (alert: Alert) => string, now: Instant): BoardView {
  const scored: Scored[] = open.map((alert) => ({ alert, status: boardStatusAt(alert, now) }));
  const counts = PRIORITIES.map((priority) => ({ priority, count: scored.filter((s) => s.alert.priority === priority).length }));
  const statusCounts = BOARD_STATUSES.map((status) => ({ status, count: scored.filter((s) => s.status === status).length }));
  const integrations = [...new Set(open.map((a) => a.integrationId))].sort();
  const matching = scored.filter((s) => matches(s, filters));
  matching.sort((a, b) => nextDeadline(a.alert) - nextDeadline(b.alert) || a.alert.createdAt - b.alert.createdAt || (a.alert.id < b.alert.id ? -1 : 1));
  const pages = Math.max(1, Math.ceil(matching.length / BOARD_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pages);
  const rows = matching.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE).map((s) => boardRow(s, zoneOf, now));
  return {
    openCount: open.length,
    counts,
    statusCounts,
    filters,
    integrations,
    matching: matching.length,
    rows,
    page,
    pages,
    refreshMs: open.length <= 1000 ? 1500 : 15_000,
  };
}
