/**
 * The daily report as plain text: the email's text alternative and what the CLI prints. Same
 * words and numbers as the HTML (report-format.ts); untrusted text is single-line and free of
 * control characters, so a title cannot forge lines in the mail or escape codes in a terminal.
 */
import { deliveryText } from './delivery-section.ts';
import type { ClockCompliance, DailyReport, PriorityReport, SourceCount } from '../domain/report/daily-report.ts';
import {
  alertsText,
  breachText,
  budgetText,
  dayHeading,
  daySpan,
  deliveriesText,
  durationsText,
  generatedText,
  instantText,
  omittedText,
  PRIORITY_LABELS,
  shareText,
  sourceText,
  titleText,
} from './report-format.ts';

function clockLine(label: string, c: ClockCompliance): string {
  return `  ${label}: ${shareText(c.metShare)} (${c.met} met, ${c.missed} missed, ${c.open} still open)`;
}

function priorityBlock(p: PriorityReport): string[] {
  const head = `${PRIORITY_LABELS[p.priority].toUpperCase()}: ${budgetText(p.budget, p.breaches, p.allowedBreaches)}`;
  if (p.opened === 0) return [head, '  No alerts opened.'];
  const onCalendar = p.calendars.some((name) => name !== '24x7');
  const times = (label: string, wall: string, business: string) => `  ${label}: ${wall}${onCalendar ? `; business time ${business}` : ''}`;
  return [
    head,
    `  ${p.opened} opened; ${p.stillOpen} still open, ${p.atRisk} at risk now. Calendar: ${p.calendars.join(', ')}.`,
    clockLine('Acknowledged within SLA', p.acknowledgment),
    clockLine('Resolved within SLA', p.resolution),
    times('Time to acknowledge', durationsText(p.mtta.wall), durationsText(p.mtta.business)),
    times('Time to resolve', durationsText(p.mttr.wall), durationsText(p.mttr.business)),
  ];
}

function breachedBlock(report: DailyReport): string[] {
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

export function renderReportText(report: DailyReport): string {
  const t = report.totals;
  const lines = [
    `SLA report: ${dayHeading(report)}`,
    `${daySpan(report)} (${report.timezone})`,
    `${generatedText(report)}. Alerts opened on this day, as they stood then.`,
    '',
    `${t.opened} alerts opened, ${t.breaches} breached, ${t.stillOpen} still open, ${t.atRisk} at risk now.`,
    '',
    ...report.priorities.flatMap((p) => [...priorityBlock(p), '']),
    ...breachedBlock(report),
    ...sourcesBlock('NOISIEST SOURCES BY ALERTS OPENED', report.noisiestByAlerts),
    ...sourcesBlock('NOISIEST SOURCES BY DELIVERIES RECEIVED', report.noisiestByDeliveries),
    ...deliveryText(report.deliveries),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
