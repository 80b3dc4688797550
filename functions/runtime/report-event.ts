/**
 * The event of the report function: `{}` (or nothing) from the daily schedule, meaning
 * yesterday in the reporting time zone, or `{"date": "YYYY-MM-DD"}` from an operator invoking
 * it by hand. Anything else is an error rather than a silent default report.
 */
import type { BuildReportRequest } from '../../shared/app/build-report.ts';
import { InvalidRequestError } from '../../shared/errors.ts';

export function parseReportEvent(event: unknown): BuildReportRequest {
  if (event === null || event === undefined) return {};
  if (typeof event !== 'object' || Array.isArray(event)) throw new InvalidRequestError('not a report event', ['event: expected an object']);
  const date: unknown = (event as Record<string, unknown>)['date'];
  if (date === undefined) return {};
  // The format is checked by the use case, which knows what a report date is.
  if (typeof date !== 'string') throw new InvalidRequestError('not a report event', ['date: expected a date YYYY-MM-DD']);
  return { date };
}
