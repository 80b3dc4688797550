/**
 * The event of the report function: `{}` (or nothing) from the daily schedule, meaning
 * yesterday in the reporting time zone; `{"interval": "weekly"}` / `{"interval": "monthly"}`
 * from the weekly and monthly schedules (last week, last month); or, from an operator
 * invoking it by hand, one of `{"date": "YYYY-MM-DD"}`, `{"week": "2026-W49"}`,
 * `{"month": "2026-12"}`. Anything else is an error rather than a silent default report.
 */
import type { BuildReportRequest } from '../../shared/app/build-report.ts';
import { REPORT_INTERVALS, type ReportInterval } from '../../shared/domain/report/report-period.ts';
import { InvalidRequestError } from '../../shared/errors.ts';

const LABEL_KEYS: readonly [string, ReportInterval][] = [
  ['date', 'daily'],
  ['week', 'weekly'],
  ['month', 'monthly'],
];

export function parseReportEvent(event: unknown): BuildReportRequest {
  if (event === null || event === undefined) return {};
  if (typeof event !== 'object' || Array.isArray(event)) throw new InvalidRequestError('not a report event', ['event: expected an object']);
  const fields = event as Record<string, unknown>;
  const given = LABEL_KEYS.filter(([key]) => fields[key] !== undefined);
  if (given.length > 1) throw new InvalidRequestError('not a report event', ['event: give at most one of date, week and month']);
  const [found] = given;
  if (found !== undefined) {
    const [key, interval] = found;
    const label = fields[key];
    // The format is checked by the use case, which knows what a period label is.
    if (typeof label !== 'string') throw new InvalidRequestError('not a report event', [`${key}: expected a string`]);
    return { interval, label };
  }
  const interval = fields['interval'];
  if (interval === undefined) return {};
  if (typeof interval !== 'string' || !(REPORT_INTERVALS as readonly string[]).includes(interval)) {
    throw new InvalidRequestError('not a report event', [`interval: expected one of ${REPORT_INTERVALS.join(', ')}`]);
  }
  return { interval: interval as ReportInterval };
}
