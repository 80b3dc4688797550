import type { BuildReportRequest } from '../app/build-report.ts';
import type { DailyReport } from '../domain/report/daily-report.ts';

/**
 * Builds the daily report of one day. Where it runs is the composition root's choice: on AWS
 * the report function builds it in its own invocation; on one machine a worker thread does
 * (infra/local/report-thread.ts), so its aggregation never holds up intake. Contract: the
 * same answers and errors as the buildDailyReport use case (InvalidRequestError for a bad
 * date, StoreUnavailableError when the store fails).
 */
export type ReportBuilder = (request: BuildReportRequest) => Promise<DailyReport>;
