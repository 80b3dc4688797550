/**
 * Use case: build the daily SLA report and mail it to `reporting.recipients`, HTML with a
 * text alternative, in one message. Run by the daily schedule (EventBridge Scheduler on AWS,
 * the local loop on one machine) and by `sla-watch report --send`. Whether the schedule runs
 * at all (`reporting.enabled`) is the caller's business; an explicit send always sends.
 *
 * The mailer is an extra argument rather than a member of AppDeps, which holds what every
 * use case needs; only this one mails directly instead of through the notifier. `build` lets the
 * composition root build the report elsewhere (a worker thread locally). A MailError
 * propagates: the scheduler's retry, or the operator, sends again.
 */
import type { DailyReport } from '../domain/report/daily-report.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { ReportBuilder } from '../ports/report-builder.ts';
import { renderReportEmail } from '../report/report-email.ts';
import type { AppDeps } from './app-deps.ts';
import { buildDailyReport, type BuildReportRequest } from './build-report.ts';

export type SendReportDeps = Pick<AppDeps, 'config' | 'store' | 'clock' | 'logger'>;

export type SendReportOutcome =
  | { readonly kind: 'sent'; readonly report: DailyReport; readonly messageId: string; readonly recipients: number }
  | { readonly kind: 'no_recipients' };

export async function sendDailyReport(
  deps: SendReportDeps,
  { mailer, build }: { readonly mailer: Mailer; readonly build?: ReportBuilder },
  request: BuildReportRequest = {},
): Promise<SendReportOutcome> {
  const recipients = deps.config.reporting.recipients;
  if (recipients.length === 0) {
    deps.logger.warn('daily report not sent: sla.reporting.recipients is empty');
    return { kind: 'no_recipients' };
  }
  const report = await (build ?? ((r: BuildReportRequest) => buildDailyReport(deps, r)))(request);
  const { messageId } = await mailer.send(renderReportEmail(report, recipients));
  deps.logger.info('daily report sent', {
    date: report.date,
    recipients: recipients.length,
    alerts: report.totals.opened,
    breaches: report.totals.breaches,
    messageId,
  });
  return { kind: 'sent', report, messageId, recipients: recipients.length };
}
