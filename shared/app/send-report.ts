/**
 * Use case: build an SLA report (daily, weekly or monthly) and mail it to
 * `reporting.recipients`, HTML with a text alternative. Run by the schedules
 * (EventBridge Scheduler on AWS, the local loop on one machine) and by `sla-watch report
 * --send`. Whether a schedule runs at all (`reporting.enabled`, `reporting.intervals`) is the
 * caller's business; an explicit send always sends.
 *
 * The mailer is an extra argument rather than a member of AppDeps, which holds what every
 * use case needs; only this one mails directly instead of through the delivery outbox. `build`
 * lets the composition root build the report elsewhere (a worker thread locally). A MailError
 * propagates: the scheduler's retry, or the operator, sends again. With `linkSecret` each
 * recipient gets a message of their own whose links are view links signed for them
 * (mail-report-each.ts); without it, one message to all with plain links.
 */
import type { PeriodReport } from '../domain/report/period-report.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { ReportBuilder } from '../ports/report-builder.ts';
import { renderReportEmail } from '../report/report-email.ts';
import type { AppDeps } from './app-deps.ts';
import { buildReport, type BuildReportRequest } from './build-report.ts';
import { mailReportEach } from './mail-report-each.ts';

export type SendReportDeps = Pick<AppDeps, 'config' | 'store' | 'clock' | 'logger' | 'rollups'>;

export type SendReportOutcome =
  | { readonly kind: 'sent'; readonly report: PeriodReport; readonly messageId: string; readonly recipients: number }
  | { readonly kind: 'no_recipients' };

export async function sendReport(
  deps: SendReportDeps,
  { mailer, build, linkSecret }: { readonly mailer: Mailer; readonly build?: ReportBuilder; readonly linkSecret?: string | Buffer },
  request: BuildReportRequest = {},
): Promise<SendReportOutcome> {
  const recipients = deps.config.reporting.recipients;
  if (recipients.length === 0) {
    deps.logger.warn('report not sent: sla.reporting.recipients is empty');
    return { kind: 'no_recipients' };
  }
  const report = await (build ?? ((r: BuildReportRequest) => buildReport(deps, r)))(request);
  const { messageId } =
    linkSecret === undefined ? await mailer.send(renderReportEmail(report, recipients)) : await mailReportEach(deps, mailer, report, recipients, linkSecret);
  deps.logger.info('report sent', {
    interval: report.interval,
    period: report.label,
    recipients: recipients.length,
    alerts: report.totals.opened,
    breaches: report.totals.breaches,
    messageId,
  });
  return { kind: 'sent', report, messageId, recipients: recipients.length };
}

/** The daily report (the schedule's default), kept for callers that send only that. */
export function sendDailyReport(deps: SendReportDeps, mail: { readonly mailer: Mailer; readonly linkSecret?: string | Buffer }, request: { readonly date?: string } = {}): Promise<SendReportOutcome> {
  return sendReport(deps, mail, request.date === undefined ? { interval: 'daily' } : { interval: 'daily', label: request.date });
}
