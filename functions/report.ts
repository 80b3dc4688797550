/**
 * Lambda entry point of the daily report, run by a cron schedule at `reporting.time` in
 * `reporting.timezone` with an empty event (yesterday's report, in that zone). Invoked by hand
 * with `{"date": "YYYY-MM-DD"}` it sends that day's report. A refused email throws: Lambda
 * retries the event, then dead-letters it.
 */
import { sendDailyReport } from '../shared/app/send-report.ts';
import { serve } from './runtime/aws-root.ts';
import { parseReportEvent } from './runtime/report-event.ts';

export interface ReportResult {
  readonly outcome: 'sent' | 'no_recipients';
  readonly date?: string;
  readonly messageId?: string;
}

export const handler = serve(({ deps, mailer }) => async (event: unknown): Promise<ReportResult> => {
  const outcome = await sendDailyReport(deps, { mailer }, parseReportEvent(event));
  switch (outcome.kind) {
    case 'sent':
      return { outcome: 'sent', date: outcome.report.date, messageId: outcome.messageId };
    case 'no_recipients':
      return { outcome: 'no_recipients' };
  }
});
