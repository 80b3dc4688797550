/**
 * The SLA report (daily, weekly, monthly) as one email: a subject without untrusted text, the HTML card and its
 * plain-text alternative, both rendered from the same report.
 */
import type { PeriodReport } from '../domain/report/period-report.ts';
import type { EmailMessage } from '../ports/mailer.ts';
import { reportSubject } from './report-format.ts';
import { renderReportHtml } from './report-html.ts';
import { renderReportText } from './report-text.ts';

export function renderReportEmail(report: PeriodReport, to: readonly string[]): EmailMessage {
  return { to, subject: reportSubject(report), html: renderReportHtml(report, 'email'), text: renderReportText(report) };
}
