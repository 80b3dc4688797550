/**
 * The report's deliveries section, in each of its forms (text, HTML, JSON): sent, retried and
 * failed per channel, and the recipients whose deliveries failed, with why. Absent from the
 * text and HTML when the period's alerts had no deliveries at all (a quiet day).
 */
import type { DeliveryReport } from '../domain/report/delivery-tally.ts';
import type { PeriodReport } from '../domain/report/period-report.ts';
import { dataTable, heading, paragraph, sectionRow } from './html-parts.ts';
import { titleText } from './report-format.ts';

function hasDeliveries(report: DeliveryReport): boolean {
  return Object.values(report.byChannel).some((c) => c.sent + c.failed + c.skipped + c.open > 0);
}

const CHANNEL_NAMES = { email: 'Email', slack: 'Slack' } as const;
const CHANNELS = Object.keys(CHANNEL_NAMES) as (keyof typeof CHANNEL_NAMES)[];

export function deliveryText(report: PeriodReport): string[] {
  const deliveries = report.deliveries;
  if (!hasDeliveries(deliveries)) return [];
  const lines = ['DELIVERIES'];
  for (const channel of CHANNELS) {
    const c = deliveries.byChannel[channel];
    const skipped = c.skipped > 0 ? `, ${c.skipped} skipped as stale` : '';
    const open = c.open > 0 ? `, ${c.open} not yet sent` : '';
    lines.push(`  ${CHANNEL_NAMES[channel]}: ${c.sent} sent, ${c.retried} retried, ${c.failed} failed${skipped}${open}`);
  }
  if (deliveries.failingRecipients.length > 0) {
    lines.push('  Failing recipients:');
    // Recipients and reasons come from configuration and providers: single-line, as titles are.
    for (const f of deliveries.failingRecipients) lines.push(`    ${titleText(f.recipient)} (${f.channel}): ${f.failed} failed; last: ${titleText(f.reason)}`);
  }
  return [...lines, ''];
}

export function deliverySectionHtml(report: PeriodReport): string {
  const deliveries = report.deliveries;
  if (!hasDeliveries(deliveries)) return '';
  const rows = CHANNELS.map((channel) => {
    const c = deliveries.byChannel[channel];
    return [CHANNEL_NAMES[channel], String(c.sent), String(c.retried), String(c.failed), String(c.skipped), String(c.open)];
  });
  const failing =
    deliveries.failingRecipients.length === 0
      ? ''
      : paragraph('Failing recipients', 'font-weight:bold;margin-top:8px;') +
        dataTable(
          ['Recipient', 'Channel', 'Last reason', 'Failed'],
          deliveries.failingRecipients.map((f) => [f.recipient, f.channel, f.reason, String(f.failed)]),
          3,
        );
  return sectionRow(heading('Deliveries') + dataTable(['Channel', 'Sent', 'Retried', 'Failed', 'Skipped', 'Not yet sent'], rows, 1) + failing);
}
