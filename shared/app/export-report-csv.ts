/**
 * Use case: the alerts opened in a report period as CSV rows (report-csv.ts), streamed page
 * by page from the day index, so a month of alerts never sits in memory at once. The period
 * is checked as for the report (a malformed or future label is an InvalidRequestError).
 */
import { reportPeriod } from '../domain/report/report-period.ts';
import { periodProblem } from '../domain/report/report-period.ts';
import { InvalidRequestError } from '../errors.ts';
import { CSV_HEADER, csvLine, csvRow } from '../report/report-csv.ts';
import { LABEL_FIELDS, REPORT_PAGE_SIZE, type BuildReportDeps, type BuildReportRequest } from './build-report.ts';

export function exportReportCsv(deps: BuildReportDeps, request: Required<BuildReportRequest>): AsyncIterable<string> {
  const { config, clock, store } = deps;
  const now = clock.now();
  const zone = config.reporting.timezone;
  const problem = periodProblem(request.interval, LABEL_FIELDS[request.interval], request.label, now, zone);
  if (problem !== null) throw new InvalidRequestError(`invalid ${request.interval} report period`, [problem]);
  const period = reportPeriod(request.interval, request.label, zone);
  const groupBy = config.reporting.groupBy;
  return (async function* rows() {
    yield csvLine(CSV_HEADER);
    for await (const page of store.listCreatedBetween(period.fromAt, period.toAt, REPORT_PAGE_SIZE)) {
      yield page.map((alert) => csvRow(alert, now, groupBy)).join('');
    }
  })();
}
