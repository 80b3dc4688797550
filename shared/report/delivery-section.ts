/**
 * The report's deliveries section, in each of its forms (text, HTML, JSON): sent, retried and
 * failed per channel, and the recipients whose deliveries failed, with why. Kept apart from
 * the rest of the report so it can change on its own; absent when the report has no
 * deliveries to speak of (a day without notifications).
 */
import type { DeliveryReport } from '../domain/report/delivery-tally.ts';
import { dataTable, heading, paragraph, sectionRow } from './html-parts.ts';

function hasDeliveries(report: DeliveryReport | undefined): report is DeliveryReport {
  if (report === undefined) return false;
  return Object.values(report.byChannel).some((c) => c.sent + c.failed + c.skipped + c.open > 0);
}

const CHANNEL_NAMES = { email: 'Email', slack: 'Slack' } as const;

export function deliveryText(report: DeliveryReport | undefined): string[] {
  if (!hasDeliveries(report)) return [];
  const lines = ['DELIVERIES'];
  for (const [channel, c] of Object.entries(report.byChannel) as [keyof typeof CHANNEL_NAMES, DeliveryReport['byChannel']['email']][]) {
    lines.push(`  ${CHANNEL_NAMES[channel]}: ${c.sent} sent, ${c.retried} retried, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped as stale` : ''}${c.open > 0 ? `, ${c.open} not yet sent` : ''}`);
  }
  if (report.failingRecipients.length > 0) {
    lines.push('  Failing recipients:');
    for (const f of report.failingRecipients) lines.push(`    ${f.recipient} (${f.channel}): ${f.failed} failed; last: ${f.reason}`);
  }
  return [...lines, ''];
}

export function deliverySectionHtml(report: DeliveryReport | undefined): string {
  if (!hasDeliveries(report)) return '';
  const rows = (Object.keys(CHANNEL_NAMES) as (keyof typeof CHANNEL_NAMES)[]).map((channel) => {
    const c = report.byChannel[channel];
    return [CHANNEL_NAMES[channel], String(c.sent), String(c.retried), String(c.failed)];
  });
  const failing =
    report.failingRecipients.length === 0
      ? ''
      : paragraph('Failing recipients', 'font-weight:bold;margin-top:8px;') +
        dataTable(
          ['Recipient', 'Channel', 'Last reason', 'Failed'],
          report.failingRecipients.map((f) => [f.recipient, f.channel, f.reason, String(f.failed)]),
          3,
        );
  return sectionRow(heading('Deliveries') + dataTable(['Channel', 'Sent', 'Retried', 'Failed'], rows, 1) + failing);
}

export function deliveryJson(report: DeliveryReport | undefined): DeliveryReport | null {
  return report ?? null;
}
