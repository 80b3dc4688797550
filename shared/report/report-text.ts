/**
 * The SLA report as plain text: the email's text alternative and what the CLI prints. Same
 * words and numbers as the HTML (report-format.ts), laid out section by section (the list in
 * `TEXT_SECTIONS`: a new section is one more function); untrusted text is single-line and
 * free of control characters, so a title cannot forge lines in the mail or escape codes in a
 * terminal.
 */
import { deliveryText } from './delivery-section.ts';
import type { PeriodReport, PriorityReport, SourceCount } from '../domain/report/period-report.ts';
import { PRIORITIES } from '../domain/sla/priority.ts';
import {
  alertsText,
  BACKLOG_STATE_LABELS,
  breachText,
  budgetText,
  changeText,
  clockLine,
  deliveriesText,
  durationsText,
  generatedText,
  groupText,
  instantText,
  omittedText,
  periodSpan,
  PRIORITY_LABELS,
  reportTitle,
  scopeText,
  shareText,
  sourceText,
  titleText,
} from './report-format.ts';

export type TextSection = (report: PeriodReport) => readonly string[];

function header(report: PeriodReport): string[] {
  const t = report.totals;
  const b = report.backlog.total;
  return [
    reportTitle(report),
    `${periodSpan(report)} (${report.timezone})`,
    `${generatedText(report)}.`,
    scopeText(report),
    '',
    `${t.opened} alerts opened, ${t.breaches} breached, ${t.resolvedBySourceUnacknowledged} resolved by source and never acknowledged.`,
    `Open now: ${b.open}, of which ${b.breached} breached and ${b.atRisk} at risk.`,
    '',
  ];
}

function priorityBlock(report: PeriodReport, p: PriorityReport): string[] {
  const head = `${PRIORITY_LABELS[p.priority].toUpperCase()}: ${budgetText(p.budget, p.breaches, p.allowedBreaches)}`;
  if (p.opened === 0) return [head, '  No alerts opened.', ''];
  const onCalendar = p.calendars.some((name) => name !== '24x7');
  const times = (label: string, wall: string, business: string) => `  ${label}: ${wall}${onCalendar ? `; business time ${business}` : ''}`;
  const previous = report.previous?.priorities.find((q) => q.priority === p.priority);
  const change =
    previous === undefined
      ? []
      : [
          `  Against ${report.previous?.label}: acknowledged ${changeText(p.acknowledgment.compliance, previous.acknowledgmentCompliance, 'pts')}, resolved ${changeText(p.resolution.compliance, previous.resolutionCompliance, 'pts')}, breaches ${changeText(p.breaches, previous.breaches, 'count')}`,
        ];
  return [
    head,
    `  ${p.opened} opened. Calendar: ${p.calendars.join(', ')}.`,
    `  ${clockLine('Acknowledged within SLA', p.acknowledgment)}`,
    `  ${clockLine('Resolved within SLA', p.resolution)}`,
    times('Time to acknowledge (people)', durationsText(p.mtta.wall), durationsText(p.mtta.business)),
    times('Time to resolve', durationsText(p.mttr.wall), durationsText(p.mttr.business)),
    `  Resolved by source, never acknowledged: ${p.resolvedBySourceUnacknowledged}`,
    ...change,
    '',
  ];
}

function priorities(report: PeriodReport): string[] {
  return report.priorities.flatMap((p) => priorityBlock(report, p));
}

function backlog(report: PeriodReport): string[] {
  const { backlog: b } = report;
  const counts = PRIORITIES.filter((p) => b.byPriority[p].open > 0).map(
    (p) => `${PRIORITY_LABELS[p]} ${b.byPriority[p].open} open (${b.byPriority[p].breached} breached, ${b.byPriority[p].atRisk} at risk)`,
  );
  if (b.total.open === 0) return ['STILL OPEN: nothing', ''];
  return [
    `STILL OPEN (${b.total.open}, oldest first, whatever day they were opened)`,
    `  ${counts.join('; ')}`,
    ...b.items.map((item) => `- [${BACKLOG_STATE_LABELS[item.state]}] [${item.priority}] ${titleText(item.title)}, opened ${instantText(item.createdAt, report.timezone)}; ${item.status}. ${item.link}`),
    ...(b.omitted === 0 ? [] : [`${omittedText(b.omitted, 'open alert')}.`]),
    '',
  ];
}

function groups(report: PeriodReport): string[] {
  const table = report.groups;
  if (table === null) return [];
  if (table.rows.length === 0) return [`BY ${table.label.toUpperCase()}: no alerts`, ''];
  return [
    `BY ${table.label.toUpperCase()}`,
    ...table.rows.map(
      (r) =>
        `  ${groupText(r.group)}: ${alertsText(r.alerts)}, acknowledged ${shareText(r.acknowledgment.compliance)}, resolved ${shareText(r.resolution.compliance)}, ${r.breaches} breached, MTTA ${durationsText(r.mtta)}`,
    ),
    ...(table.omitted === 0 ? [] : [`  ${omittedText(table.omitted, 'group')}.`]),
    '',
  ];
}

function trend(report: PeriodReport): string[] {
  if (report.trend === null) return [];
  return [
    'PER DAY (date: alerts, breaches, acknowledged within SLA, resolved within SLA)',
    ...report.trend.map((d) => `  ${d.date}: ${d.opened}, ${d.breaches}, ${shareText(d.acknowledgmentCompliance)}, ${shareText(d.resolutionCompliance)}`),
    '',
  ];
}

function breached(report: PeriodReport): string[] {
  const alerts = report.breachedAlerts;
  if (alerts === null) return [];
  if (alerts.length === 0) return ['BREACHED ALERTS: none', ''];
  const omitted = report.breachedAlertsOmitted;
  return [
    `BREACHED ALERTS (${alerts.length + omitted})`,
    ...alerts.flatMap((a) => [
      `- [${a.priority}] ${titleText(a.title)}`,
      `  Opened ${instantText(a.createdAt, report.timezone)}; ${a.status}. ${a.clocks.map(breachText).join('; ')}.`,
      `  ${a.link}`,
    ]),
    ...(omitted === 0 ? [] : [`${omittedText(omitted)} (the most urgent and oldest are listed above).`]),
    '',
  ];
}

function sourcesBlock(label: string, sources: readonly SourceCount[]): string[] {
  if (sources.length === 0) return [];
  return [label, ...sources.map((s, i) => `  ${i + 1}. ${sourceText(s)}: ${alertsText(s.alerts)}, ${deliveriesText(s.deliveries)}`), ''];
}

function sources(report: PeriodReport): string[] {
  return [...sourcesBlock('NOISIEST SOURCES BY ALERTS OPENED', report.noisiestByAlerts), ...sourcesBlock('NOISIEST SOURCES BY DELIVERIES RECEIVED', report.noisiestByDeliveries)];
}

/** The sections, in order: another section is one more entry. */
export const TEXT_SECTIONS: readonly TextSection[] = [header, priorities, backlog, groups, trend, breached, sources, deliveryText];

export function renderReportText(report: PeriodReport, sections: readonly TextSection[] = TEXT_SECTIONS): string {
  return `${sections.flatMap((section) => section(report)).join('\n').trimEnd()}\n`;
}
