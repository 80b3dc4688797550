/**
 * The SLA report (daily, weekly, monthly) as one email: a subject without untrusted text, the HTML card and its
 * plain-text alternative, both rendered from the same report. With `pageUrl` (a view link
 * signed for the one recipient of this message) both open with a link to the report's page.
 */
import type { PeriodReport } from '../domain/report/period-report.ts';
import type { EmailMessage } from '../ports/mailer.ts';
import { link, MUTED } from './html-parts.ts';
import { reportSubject } from './report-format.ts';
import { HTML_SECTIONS, renderReportHtml, type HtmlSection } from './report-html.ts';
import { renderReportText } from './report-text.ts';

const PAGE_LINK_TEXT = 'Open this report in your browser';

function pageLinkSection(pageUrl: string): HtmlSection {
  return () => `<tr><td style="padding:10px 20px 0 20px;font-size:12px;${MUTED}">${link(PAGE_LINK_TEXT, pageUrl)} (this link is for you only)</td></tr>`;
}

export function renderReportEmail(report: PeriodReport, to: readonly string[], pageUrl: string | null = null): EmailMessage {
  if (pageUrl === null) return { to, subject: reportSubject(report), html: renderReportHtml(report, 'email'), text: renderReportText(report) };
  return {
    to,
    subject: reportSubject(report),
    html: renderReportHtml(report, 'email', [pageLinkSection(pageUrl), ...HTML_SECTIONS]),
    text: `${PAGE_LINK_TEXT} (this link is for you only): ${pageUrl}\n\n${renderReportText(report)}`,
  };
}
