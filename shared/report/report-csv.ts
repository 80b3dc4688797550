/**
 * The alerts of a report period as CSV for spreadsheets, one row per alert opened in the
 * period: its priority, source, group, times, both clocks' outcomes and who answered. RFC
 * 4180 quoting (every field quoted, quotes doubled, CRLF line ends). Fields starting with
 * `=`, `+`, `-`, `@`, tab or CR get a leading `'` so a spreadsheet never runs a title as a
 * formula (CSV injection).
 */
import type { Alert } from '../domain/alert/alert.ts';
import { responseActor } from '../domain/alert/response.ts';
import { toIso, toIsoOrNull, type Instant } from '../domain/instant.ts';
import { evaluateAlertSla } from '../domain/sla/alert-sla.ts';
import { clockOutcome } from '../domain/sla/clock-outcome.ts';

export const CSV_HEADER = [
  'id',
  'priority',
  'title',
  'integration',
  'source',
  'group',
  'status',
  'created_at',
  'acknowledgment_deadline',
  'acknowledged_at',
  'acknowledged_by',
  'acknowledgment_outcome',
  'resolution_deadline',
  'resolved_at',
  'resolved_by',
  'resolved_by_kind',
  'resolution_outcome',
] as const;

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

/** One alert's row, its clocks evaluated at `now`. */
export function csvRow(alert: Alert, now: Instant, groupBy: string | null): string {
  const sla = evaluateAlertSla(alert, now);
  const resolution = alert.responses.find((r) => r.type === 'resolution');
  const personAnswer = alert.responses.find((r) => (r.type === 'acknowledgment' || r.type === 'resolution') && responseActor(r) === 'person');
  return csvLine([
    alert.id,
    alert.priority,
    alert.title,
    alert.integrationId,
    alert.sourceName,
    groupBy === null ? '' : (alert.labels[groupBy] ?? ''),
    alert.status,
    toIso(alert.createdAt),
    toIso(sla.acknowledgment.deadlineAt),
    sla.acknowledgment.answeredBy === 'person' ? (toIsoOrNull(sla.acknowledgment.answeredAt) ?? '') : '',
    sla.acknowledgment.answeredBy === 'person' ? (personAnswer?.by ?? alert.acknowledgedBy ?? '') : '',
    clockOutcome(sla.acknowledgment),
    toIso(sla.resolution.deadlineAt),
    toIsoOrNull(alert.resolvedAt) ?? '',
    alert.resolvedBy ?? '',
    resolution === undefined ? '' : responseActor(resolution),
    clockOutcome(sla.resolution),
  ]);
}
