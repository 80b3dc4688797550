/**
 * The SLA report as HTML: the email body, and the same card as a page for the browser (with
 * links to the previous and next period, and the trend as an inline SVG instead of table
 * cells). Layout per html-parts.ts (tables and inline styles only, everything escaped); words
 * and numbers per report-format.ts, so the HTML and the text alternative say the same. The
 * card is a list of sections (`HTML_SECTIONS`): another section is one more function.
 */
import type { BudgetStatus } from '../domain/report/breach-budget.ts';
import { deliverySectionHtml } from './delivery-section.ts';
import type { BacklogState, PeriodReport, PriorityReport, SourceCount } from '../domain/report/period-report.ts';
import { PRIORITIES, type Priority } from '../domain/sla/priority.ts';
import { escapeHtml } from '../http/html/escape.ts';
import { complianceBarHtml, SEGMENT_COLOURS, SEGMENT_LABELS, SEGMENT_ORDER } from './compliance-bar.ts';
import { badge, CELL, dataTable, heading, htmlDocument, link, MUTED, paragraph, sectionRow, swatch, table } from './html-parts.ts';
import {
  BACKLOG_STATE_LABELS,
  breachText,
  budgetText,
  changeText,
  clockLine,
  durationsText,
  generatedText,
  groupText,
  instantText,
  omittedText,
  periodSpan,
  PRIORITY_LABELS,
  reportSubject,
  reportTitle,
  scopeText,
  shareText,
  sourceText,
  titleText,
} from './report-format.ts';
import { trendSvg, trendTableHtml } from './trend-chart.ts';

/** `console`: the page's card inside the console frame, which draws its own navigation. */
export type ReportHtmlVariant = 'email' | 'page' | 'console';
export type HtmlSection = (report: PeriodReport, variant: ReportHtmlVariant) => string;

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

const STATE_COLOURS: Readonly<Record<BacklogState, string>> = {
  breached: '#b91c1c',
  at_risk: '#a16207',
  on_track: '#4b5563',
};

const INTERVAL_PATHS = { daily: 'daily', weekly: 'weekly', monthly: 'monthly' } as const;

function navigation(report: PeriodReport, variant: ReportHtmlVariant): string {
  if (variant !== 'page') return '';
  const path = (label: string) => `/reports/${INTERVAL_PATHS[report.interval]}/${encodeURIComponent(label)}`;
  const previous = `<a href="${escapeHtml(path(report.navigation.previous))}" style="color:#1d4ed8;">&larr; ${escapeHtml(report.navigation.previous)}</a>`;
  const next = report.navigation.next === null ? '' : `<a href="${escapeHtml(path(report.navigation.next))}" style="color:#1d4ed8;">${escapeHtml(report.navigation.next)} &rarr;</a>`;
  return `<tr><td style="padding:10px 20px 0 20px;font-size:12px;">${table(`<tr><td>${previous}</td><td align="right" style="text-align:right;">${next}</td></tr>`)}</td></tr>`;
}

function header(report: PeriodReport, variant: ReportHtmlVariant): string {
  const t = report.totals;
  const b = report.backlog.total;
  const figure = (value: number, label: string, colour = '#111827') =>
    `<td width="20%" style="padding:8px;text-align:center;"><div style="font-size:22px;font-weight:bold;color:${colour};">${escapeHtml(String(value))}</div><div style="${MUTED}font-size:12px;">${escapeHtml(label)}</div></td>`;
  return (
    navigation(report, variant) +
    `<tr><td style="padding:18px 20px 6px 20px;"><div style="font-size:20px;font-weight:bold;">${escapeHtml(reportTitle(report))}</div>` +
    paragraph(`${periodSpan(report)} (${report.timezone})`, MUTED) +
    paragraph(`${generatedText(report)}. ${scopeText(report)}`, `${MUTED}font-size:12px;`) +
    `</td></tr>` +
    `<tr><td style="padding:0 12px 8px 12px;">${table(
      `<tr>${figure(t.opened, 'alerts opened')}${figure(t.breaches, 'breached', t.breaches > 0 ? '#b91c1c' : '#111827')}${figure(b.open, 'open now')}${figure(b.breached, 'open and breached', b.breached > 0 ? '#7f1d1d' : '#111827')}${figure(t.resolvedBySourceUnacknowledged, 'resolved by source, never acknowledged')}</tr>`,
    )}</td></tr>`
  );
}

function legend(): string {
  const items = SEGMENT_ORDER.map((k) => swatch(SEGMENT_COLOURS[k], SEGMENT_LABELS[k])).join(' &nbsp; ');
  return `<tr><td style="padding:0 20px 10px 20px;font-size:12px;${MUTED}">${items}</td></tr>`;
}

function timesTable(p: PriorityReport): string {
  const onCalendar = p.calendars.some((name) => name !== '24x7');
  const row = (label: string, wall: string, business: string) =>
    `<tr><td style="${CELL}${MUTED}">${escapeHtml(label)}</td><td style="${CELL}">${escapeHtml(wall)}</td>${onCalendar ? `<td style="${CELL}">${escapeHtml(business)}</td>` : ''}</tr>`;
  return table(
    row('', 'Wall clock', 'Business time') +
      row('Time to acknowledge (people)', durationsText(p.mtta.wall), durationsText(p.mtta.business)) +
      row('Time to resolve', durationsText(p.mttr.wall), durationsText(p.mttr.business)),
    'margin-top:8px;',
  );
}

function changeLine(report: PeriodReport, p: PriorityReport): string {
  const previous = report.previous?.priorities.find((q) => q.priority === p.priority);
  if (report.previous === null || previous === undefined) return '';
  return paragraph(
    `Against ${report.previous.label}: acknowledged ${changeText(p.acknowledgment.compliance, previous.acknowledgmentCompliance, 'pts')}, resolved ${changeText(p.resolution.compliance, previous.resolutionCompliance, 'pts')}, breaches ${changeText(p.breaches, previous.breaches, 'count')}`,
    `${MUTED}font-size:12px;`,
  );
}

function prioritySection(report: PeriodReport, p: PriorityReport): string {
  const budget = badge(budgetText(p.budget, p.breaches, p.allowedBreaches), BUDGET_COLOURS[p.budget]);
  const title = table(
    `<tr><td style="vertical-align:middle;">${heading(PRIORITY_LABELS[p.priority], PRIORITY_COLOURS[p.priority])}</td><td align="right" style="text-align:right;vertical-align:middle;">${budget}</td></tr>`,
  );
  if (p.opened === 0) return sectionRow(title + paragraph('No alerts opened.', MUTED) + changeLine(report, p));
  return sectionRow(
    title +
      paragraph(`${p.opened} opened. Calendar: ${p.calendars.join(', ')}. Resolved by source, never acknowledged: ${p.resolvedBySourceUnacknowledged}.`) +
      paragraph(clockLine('Acknowledged within SLA', p.acknowledgment)) +
      complianceBarHtml(p.acknowledgment) +
      '<div style="height:6px;line-height:6px;font-size:1px;">&nbsp;</div>' +
      paragraph(clockLine('Resolved within SLA', p.resolution)) +
      complianceBarHtml(p.resolution) +
      changeLine(report, p) +
      timesTable(p),
  );
}

function priorities(report: PeriodReport): string {
  return legend() + report.priorities.map((p) => prioritySection(report, p)).join('');
}

function backlog(report: PeriodReport): string {
  const b = report.backlog;
  if (b.total.open === 0) return sectionRow(heading('Still open') + paragraph('Nothing is open.', MUTED));
  const counts = dataTable(
    ['Priority', 'Open', 'Breached', 'At risk'],
    PRIORITIES.map((p) => [PRIORITY_LABELS[p], String(b.byPriority[p].open), String(b.byPriority[p].breached), String(b.byPriority[p].atRisk)]),
    1,
  );
  const rows = b.items
    .map(
      (item) =>
        `<tr><td style="${CELL}white-space:nowrap;font-weight:bold;color:${STATE_COLOURS[item.state]};">${escapeHtml(BACKLOG_STATE_LABELS[item.state])}</td>` +
        `<td style="${CELL}white-space:nowrap;color:${PRIORITY_COLOURS[item.priority]};">${escapeHtml(PRIORITY_LABELS[item.priority])}</td>` +
        `<td style="${CELL}word-break:break-word;">${link(titleText(item.title), item.link)}<div style="${MUTED}font-size:12px;">${escapeHtml(`Opened ${instantText(item.createdAt, report.timezone)}; ${item.status}`)}</div></td></tr>`,
    )
    .join('');
  const more = b.omitted === 0 ? '' : paragraph(`${omittedText(b.omitted, 'open alert')} (the oldest are listed above).`, MUTED);
  return sectionRow(
    heading(`Still open (${b.total.open})`) +
      paragraph('Whatever day they were opened, oldest first: a breach stays here until it is resolved.', `${MUTED}font-size:12px;`) +
      counts +
      table(rows, 'margin-top:8px;') +
      more,
  );
}

function groups(report: PeriodReport): string {
  const g = report.groups;
  if (g === null) return '';
  if (g.rows.length === 0) return sectionRow(heading(`By ${g.label}`) + paragraph('No alerts opened.', MUTED));
  const rows = g.rows.map((r) => [groupText(r.group), String(r.alerts), shareText(r.acknowledgment.compliance), shareText(r.resolution.compliance), String(r.breaches), durationsText(r.mtta)]);
  const more = g.omitted === 0 ? '' : paragraph(`${omittedText(g.omitted, 'group')}.`, MUTED);
  return sectionRow(heading(`By ${g.label}`) + dataTable([g.label, 'Alerts', 'Acknowledged', 'Resolved', 'Breaches', 'MTTA (people)'], rows, 1) + more);
}

function trend(report: PeriodReport, variant: ReportHtmlVariant): string {
  if (report.trend === null) return '';
  const chart = variant === 'email' ? trendTableHtml(report.trend) : trendSvg(report.trend);
  return sectionRow(
    heading('Per day') + paragraph('Alerts opened (grey) and the share acknowledged within SLA (green met, red not).', `${MUTED}font-size:12px;`) + chart,
  );
}

function breached(report: PeriodReport): string {
  const alerts = report.breachedAlerts;
  if (alerts === null) return '';
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

function sources(report: PeriodReport): string {
  if (report.noisiestByAlerts.length === 0) return '';
  return sectionRow(heading('Noisiest sources') + sourcesTable('By alerts opened', report.noisiestByAlerts) + sourcesTable('By deliveries received', report.noisiestByDeliveries));
}

function footer(_report: PeriodReport, variant: ReportHtmlVariant): string {
  const why = variant === 'email' ? 'You receive this because your address is in sla.reporting.recipients. ' : '';
  return (
    `<tr><td style="padding:12px 20px 18px 20px;border-top:1px solid #e5e7eb;font-size:12px;${MUTED}">` +
    escapeHtml(
      `${why}Compliance is met out of met, missed and breached-and-still-open; pending clocks and acknowledgments closed by the source are shown apart. ` +
        'Only a person answers the acknowledgment SLA: an alert its source resolved first was never acknowledged. Medians and 90th percentiles are nearest-rank; ' +
        'business time counts only the hours of the SLA calendar. A breach is an alert with either clock missed or past its deadline.',
    ) +
    `</td></tr>`
  );
}

/** The sections, in order: another section is one more entry. */
export const HTML_SECTIONS: readonly HtmlSection[] = [header, priorities, backlog, groups, trend, breached, sources, deliverySectionHtml, footer];

/** The report as a complete HTML document: `email` for the mail body, `page` for the browser. */
export function renderReportHtml(report: PeriodReport, variant: ReportHtmlVariant, sections: readonly HtmlSection[] = HTML_SECTIONS): string {
  return htmlDocument(reportSubject(report), sections.map((section) => section(report, variant)).join(''));
}
