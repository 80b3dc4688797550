/**
 * Lambda entry point of the reports, run by cron schedules at `reporting.time` in
 * `reporting.timezone`: daily with an empty event (yesterday's report, in that zone), weekly
 * and monthly with `{"interval": ...}`. Invoked by hand with `{"date": ...}`, `{"week": ...}`
 * or `{"month": ...}` it sends that period's report (report-event.ts). A refused email throws:
 * Lambda retries the event, then dead-letters it.
 */
import { sendReport } from '../shared/app/send-report.ts';
import { serve } from './runtime/aws-root.ts';
import { parseReportEvent } from './runtime/report-event.ts';

export interface ReportResult {
  readonly outcome: 'sent' | 'no_recipients';
  readonly interval?: string;
  readonly period?: string;
  readonly messageId?: string;
}

export const handler = serve(({ deps, mailer, linkSecret }) => async (event: unknown): Promise<ReportResult> => {
  const outcome = await sendReport(deps, { mailer, linkSecret }, parseReportEvent(event));
  switch (outcome.kind) {
    case 'sent':
      return { outcome: 'sent', interval: outcome.report.interval, period: outcome.report.label, messageId: outcome.messageId };
    case 'no_recipients':
      return { outcome: 'no_recipients' };
  }
});
