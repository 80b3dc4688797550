/**
 * The daily report as HTML: the email body, and the same card as a page for the browser.
 * Layout per html-parts.ts (tables and inline styles only, everything escaped); words and
 * numbers per report-format.ts, so the HTML and the text alternative say the same.
 */
import { deliverySectionHtml } from './delivery-section.ts';
import type { BreachedAlert, ClockCompliance, DailyReport, PriorityReport, SourceCount } from '../domain/report/daily-report.ts';
import type { BudgetStatus } from '../domain/report/breach-budget.ts';
import type { Priority } from '../domain/sla/priority.ts';
import { complianceBarHtml, SEGMENT_COLOURS, SEGMENT_LABELS } from './compliance-bar.ts';
import { badge, CELL, dataTable, heading, htmlDocument, link, MUTED, paragraph, sectionRow, swatch, table } from './html-parts.ts';
import {
  breachText,
  budgetText,
  dayHeading,
  daySpan,
  durationsText,
  generatedText,
  instantText,
  omittedText,
  PRIORITY_LABELS,
  reportSubject,
  shareText,
  sourceText,
  titleText,
} from './report-format.ts';
import { escapeHtml } from '../http/html/escape.ts';

export type ReportHtmlVariant = 'email' | 'page';

const PRIORITY_COLOURS: Readonly<Record<Priority, string>> = {
  critical: '#b91c1c',
  high: '#c2410c',
  medium: '#a16207',
  low: '#1d4ed8',
};

const BUDGET_COLOURS: Readonly<Record<BudgetStatus, string>> = {
  within_budget: '#15803d',
  budget_used_up: '#a16207',
  over_budget: '#b91c1c',
};

function header(report: DailyReport): string {
  const t = report.totals;
  const figure = (value: number, label: string) =>
    `<td width="25%" style="padding:8px;text-align:center;"><div style="font-size:22px;font-weight:bold;">${escapeHtml(String(value))}</div><div style="${MUTED}font-size:12px;">${escapeHtml(label)}</div></td>`;
  return (
    `<tr><td style="padding:18px 20px 6px 20px;"><div style="font-size:20px;font-weight:bold;">${escapeHtml(`SLA report: ${dayHeading(report)}`)}</div>` +
    paragraph(`${daySpan(report)} (${report.timezone})`, MUTED) +
    paragraph(`${generatedText(report)}. Alerts opened on this day, as they stood then.`, `${MUTED}font-size:12px;`) +
    `</td></tr>` +
    `<tr><td style="padding:0 12px 8px 12px;">${table(
      `<tr>${figure(t.opened, 'alerts opened')}${figure(t.breaches, 'breached')}${figure(t.stillOpen, 'still open')}${figure(t.atRisk, 'at risk now')}</tr>`,
    )}</td></tr>`
  );
}

function clockBlock(label: string, compliance: ClockCompliance): string {
  const counts = `${compliance.met} met, ${compliance.missed} missed, ${compliance.open} still open`;
  return paragraph(`${label}: ${shareText(compliance.metShare)} (${counts})`) + complianceBarHtml(compliance);
}

function timesTable(p: PriorityReport): string {
  const onCalendar = p.calendars.some((name) => name !== '24x7');
  const row = (label: string, wall: string, business: string) =>
    `<tr><td style="${CELL}${MUTED}">${escapeHtml(label)}</td><td style="${CELL}">${escapeHtml(wall)}</td>${onCalendar ? `<td style="${CELL}">${escapeHtml(business)}</td>` : ''}</tr>`;
  const head = row('', 'Wall clock', 'Business time');
  return table(
    head +
      row('Time to acknowledge', durationsText(p.mtta.wall), durationsText(p.mtta.business)) +
      row('Time to resolve', durationsText(p.mttr.wall), durationsText(p.mttr.business)),
    'margin-top:8px;',
  );
}

function prioritySection(p: PriorityReport): string {
  const budget = badge(budgetText(p.budget, p.breaches, p.allowedBreaches), BUDGET_COLOURS[p.budget]);
  const title = table(
    `<tr><td style="vertical-align:middle;">${heading(PRIORITY_LABELS[p.priority], PRIORITY_COLOURS[p.priority])}</td><td align="right" style="text-align:right;vertical-align:middle;">${budget}</td></tr>`,
  );
  if (p.opened === 0) return sectionRow(title + paragraph('No alerts opened.', MUTED));
  return sectionRow(
    title +
      paragraph(`${p.opened} opened; ${p.stillOpen} still open, ${p.atRisk} at risk now. Calendar: ${p.calendars.join(', ')}.`) +
      clockBlock('Acknowledged within SLA', p.acknowledgment) +
      '<div style="height:6px;line-height:6px;font-size:1px;">&nbsp;</div>' +
      clockBlock('Resolved within SLA', p.resolution) +
      timesTable(p),
  );
}

function legend(): string {
  const items = (['met', 'missed', 'open'] as const).map((k) => swatch(SEGMENT_COLOURS[k], SEGMENT_LABELS[k])).join(' &nbsp; ');
  return `<tr><td style="padding:0 20px 10px 20px;font-size:12px;${MUTED}">${items}</td></tr>`;
}

function breachedSection(report: DailyReport, alerts: readonly BreachedAlert[]): string {
  if (alerts.length === 0) return sectionRow(heading('Breached alerts') + paragraph('None.', MUTED));
  const rows = alerts
    .map(
      (a) =>
        `<tr><td style="${CELL}white-space:nowrap;color:${PRIORITY_COLOURS[a.priority]};">${escapeHtml(PRIORITY_LABELS[a.priority])}</td>` +
        `<td style="${CELL}word-break:break-word;">${link(titleText(a.title), a.link)}<div style="${MUTED}font-size:12px;">${escapeHtml(`Opened ${instantText(a.createdAt, report.timezone)}; ${a.status}`)}</div></td>` +
        `<td style="${CELL}">${a.clocks.map((c) => escapeHtml(breachText(c))).join('<br>')}</td></tr>`,
    )
    .join('');
  const omitted = report.breachedAlertsOmitted;
  const more = omitted === 0 ? '' : paragraph(`${omittedText(omitted)} (the most urgent and oldest are listed above).`, MUTED);
  return sectionRow(heading(`Breached alerts (${alerts.length + omitted})`) + table(rows) + more);
}

function sourcesTable(label: string, sources: readonly SourceCount[]): string {
  if (sources.length === 0) return '';
  const rows = sources.map((s) => [sourceText(s), String(s.alerts), String(s.deliveries)]);
  return paragraph(label, 'font-weight:bold;margin-top:8px;') + dataTable(['Source', 'Alerts', 'Deliveries'], rows, 1);
}

function sourcesSection(report: DailyReport): string {
  if (report.noisiestByAlerts.length === 0) return '';
  return sectionRow(
    heading('Noisiest sources') +
      sourcesTable('By alerts opened', report.noisiestByAlerts) +
      sourcesTable('By deliveries received', report.noisiestByDeliveries),
  );
}

function footer(variant: ReportHtmlVariant): string {
  const why =
    variant === 'email' ? 'You receive this because your address is in sla.reporting.recipients. ' : '';
  return (
    `<tr><td style="padding:12px 20px 18px 20px;border-top:1px solid #e5e7eb;font-size:12px;${MUTED}">` +
    escapeHtml(
      `${why}Shares are answered within the SLA out of all answered. Medians and 90th percentiles are nearest-rank; ` +
        'business time counts only the hours of the SLA calendar. A breach is an alert with either clock missed or past its deadline.',
    ) +
    `</td></tr>`
  );
}

/** The report as a complete HTML document: `email` for the mail body, `page` for the browser. */
export function renderReportHtml(report: DailyReport, variant: ReportHtmlVariant): string {
  const card =
    header(report) +
    legend() +
    report.priorities.map(prioritySection).join('') +
    (report.breachedAlerts === null ? '' : breachedSection(report, report.breachedAlerts)) +
    sourcesSection(report) +
    deliverySectionHtml(report.deliveries) +
    footer(variant);
  return htmlDocument(reportSubject(report), card);
}
