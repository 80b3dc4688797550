/**
 * The per-day trend of a weekly or monthly report, drawn twice from the same numbers:
 * - for email, bars of table cells (a column per day: alerts opened as a grey bar scaled to
 *   the busiest day, acknowledgment compliance as a green cell over a red one), since mail
 *   clients draw tables and nothing else reliably;
 * - for the page, one inline SVG (no script, no external asset: the page's CSP allows
 *   nothing else), compliance as a line over alert bars.
 * Every label is a number or a date; the titles inside the SVG are escaped all the same.
 */
import type { TrendDay } from '../domain/report/period-report.ts';
import { escapeHtml } from '../http/html/escape.ts';
import { shareText } from './report-format.ts';

const BAR_HEIGHT = 60;
const GREEN = '#15803d';
const RED = '#dc2626';
const GREY = '#9ca3af';

function dayLabel(date: string): string {
  return date.slice(8, 10);
}

/** Email: a table with one column per day. */
export function trendTableHtml(days: readonly TrendDay[]): string {
  const busiest = Math.max(1, ...days.map((d) => d.opened));
  const width = Math.floor(100 / Math.max(1, days.length));
  const alertsRow = days
    .map((d) => {
      const height = Math.round((d.opened / busiest) * BAR_HEIGHT);
      const bar = height === 0 ? '' : `<div style="height:${height}px;line-height:${height}px;font-size:1px;background-color:${GREY};">&nbsp;</div>`;
      return `<td width="${width}%" valign="bottom" style="vertical-align:bottom;padding:0 1px;height:${BAR_HEIGHT}px;" title="${escapeHtml(`${d.date}: ${d.opened} alerts`)}">${bar}</td>`;
    })
    .join('');
  const complianceRow = days
    .map((d) => {
      const share = d.acknowledgmentCompliance;
      if (share === null) return `<td style="padding:0 1px;"><div style="height:16px;line-height:16px;font-size:1px;background-color:#e5e7eb;">&nbsp;</div></td>`;
      const met = Math.round(share * 16);
      const cells =
        (16 - met > 0 ? `<div style="height:${16 - met}px;line-height:${16 - met}px;font-size:1px;background-color:${RED};">&nbsp;</div>` : '') +
        (met > 0 ? `<div style="height:${met}px;line-height:${met}px;font-size:1px;background-color:${GREEN};">&nbsp;</div>` : '');
      return `<td style="padding:0 1px;" title="${escapeHtml(`${d.date}: ${shareText(share)} acknowledged within SLA`)}">${cells}</td>`;
    })
    .join('');
  const labels = days.map((d) => `<td style="padding:2px 0 0 0;text-align:center;font-size:10px;color:#4b5563;">${escapeHtml(dayLabel(d.date))}</td>`).join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;table-layout:fixed;"><tr>${alertsRow}</tr><tr><td colspan="${days.length}" style="height:4px;font-size:1px;line-height:4px;">&nbsp;</td></tr><tr>${complianceRow}</tr><tr>${labels}</tr></table>`;
}

/** Page: one inline SVG, 600 x 160. */
export function trendSvg(days: readonly TrendDay[]): string {
  const w = 600;
  const h = 160;
  const top = 10;
  const bottom = 130;
  const step = w / Math.max(1, days.length);
  const busiest = Math.max(1, ...days.map((d) => d.opened));
  const bars = days
    .map((d, i) => {
      const height = ((bottom - top) * d.opened) / busiest;
      return `<rect x="${(i * step + step * 0.15).toFixed(1)}" y="${(bottom - height).toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${height.toFixed(1)}" fill="${GREY}"><title>${escapeHtml(`${d.date}: ${d.opened} alerts, ${d.breaches} breached`)}</title></rect>`;
    })
    .join('');
  const points = days
    .map((d, i) => (d.acknowledgmentCompliance === null ? null : `${(i * step + step / 2).toFixed(1)},${(bottom - (bottom - top) * d.acknowledgmentCompliance).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const line = points.length === 0 ? '' : `<polyline points="${points.join(' ')}" fill="none" stroke="${GREEN}" stroke-width="2"/>`;
  const dots = days
    .map((d, i) =>
      d.acknowledgmentCompliance === null
        ? ''
        : `<circle cx="${(i * step + step / 2).toFixed(1)}" cy="${(bottom - (bottom - top) * d.acknowledgmentCompliance).toFixed(1)}" r="3" fill="${d.acknowledgmentCompliance < 1 ? RED : GREEN}"><title>${escapeHtml(`${d.date}: ${shareText(d.acknowledgmentCompliance)} acknowledged within SLA`)}</title></circle>`,
    )
    .join('');
  const labels = days
    .map((d, i) => `<text x="${(i * step + step / 2).toFixed(1)}" y="148" font-size="10" text-anchor="middle" fill="#4b5563">${escapeHtml(dayLabel(d.date))}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="Alerts per day (bars) and acknowledgment compliance (line)">` +
    `<line x1="0" y1="${top}" x2="${w}" y2="${top}" stroke="#e5e7eb"/><line x1="0" y1="${bottom}" x2="${w}" y2="${bottom}" stroke="#e5e7eb"/>` +
    `${bars}${line}${dots}${labels}</svg>`
  );
}
