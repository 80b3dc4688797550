/**
 * The compliance bar of one SLA clock: a row of table cells whose widths are the shares of
 * met, missed and still-open alerts, the one kind of chart that every mail client draws (no
 * images, no CSS widths that Outlook ignores: `width` attributes and `bgcolor` as well as
 * inline styles). Shares are whole percents that add up to exactly 100 (largest remainder),
 * and any non-zero count gets at least 1%, so a single miss among thousands stays visible.
 */
import type { ClockCompliance } from '../domain/report/daily-report.ts';

export type SegmentKind = 'met' | 'missed' | 'open';

export interface BarSegment {
  readonly kind: SegmentKind;
  readonly count: number;
  /** Whole percent, 1..100. */
  readonly percent: number;
}

export const SEGMENT_COLOURS: Readonly<Record<SegmentKind, string>> = {
  met: '#15803d',
  missed: '#b91c1c',
  open: '#9ca3af',
};

export const SEGMENT_LABELS: Readonly<Record<SegmentKind, string>> = {
  met: 'met',
  missed: 'missed',
  open: 'still open',
};

/** Non-empty segments in the order met, missed, open; empty when there is nothing to draw. */
export function barSegments(compliance: ClockCompliance): BarSegment[] {
  const counts = [
    { kind: 'met' as const, count: compliance.met },
    { kind: 'missed' as const, count: compliance.missed },
    { kind: 'open' as const, count: compliance.open },
  ].filter((s) => s.count > 0);
  const total = counts.reduce((sum, s) => sum + s.count, 0);
  if (total === 0) return [];
  const shares = counts.map((s, index) => {
    const exact = (s.count * 100) / total;
    return { ...s, index, percent: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = 100 - shares.reduce((sum, s) => sum + s.percent, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left === 0) break;
    share.percent += 1;
    left -= 1;
  }
  for (const share of shares) {
    if (share.percent > 0) continue;
    const largest = shares.reduce((max, s) => (s.percent > max.percent ? s : max));
    largest.percent -= 1;
    share.percent = 1;
  }
  return shares.map(({ kind, count, percent }) => ({ kind, count, percent }));
}

/** The bar as a full-width table; a grey empty bar when nothing was counted. */
export function complianceBarHtml(compliance: ClockCompliance): string {
  const segments = barSegments(compliance);
  const cell = (colour: string, percent: number) =>
    `<td width="${percent}%" bgcolor="${colour}" style="width:${percent}%;background-color:${colour};height:10px;line-height:10px;font-size:1px;">&nbsp;</td>`;
  const cells = segments.length === 0 ? cell('#e5e7eb', 100) : segments.map((s) => cell(SEGMENT_COLOURS[s.kind], s.percent)).join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;table-layout:fixed;"><tr>${cells}</tr></table>`;
}
