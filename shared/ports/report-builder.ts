import type { BuildReportRequest } from '../app/build-report.ts';
import type { PeriodReport } from '../domain/report/period-report.ts';

/**
 * Builds a report (a day, a week or a month). Where it runs is the composition root's choice: on AWS
 * the report function builds it in its own invocation; on one machine a worker thread does
 * (infra/local/report-thread.ts), so its aggregation never holds up intake. Contract: the
 * same answers and errors as the buildReport use case (InvalidRequestError for a bad
 * period, StoreUnavailableError when the store fails).
 */
export type ReportBuilder = (request: BuildReportRequest) => Promise<PeriodReport>;
