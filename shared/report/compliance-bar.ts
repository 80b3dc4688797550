/**
 * The compliance bar of one SLA clock: a row of table cells whose widths are the shares of
 * each outcome, the one kind of chart that every mail client draws (no images, no CSS widths
 * that Outlook ignores: `width` attributes and `bgcolor` as well as inline styles). Shares are
 * whole percents that add up to exactly 100 (largest remainder), and any non-zero count gets
 * at least 1%, so a single breach among thousands stays visible. A breach still open is red,
 * like a miss (darker): it is the worst news in the report, never a neutral grey.
 */
import type { ClockOutcome, OutcomeCounts } from '../domain/sla/clock-outcome.ts';

export type SegmentKind = ClockOutcome;

export interface BarSegment {
  readonly kind: SegmentKind;
  readonly count: number;
  /** Whole percent, 1..100. */
  readonly percent: number;
}

/** Drawn in this order: the good, the bad, then what is not decided. */
export const SEGMENT_ORDER: readonly SegmentKind[] = ['met', 'missed', 'breached_open', 'closed_by_source', 'pending'];

export const SEGMENT_COLOURS: Readonly<Record<SegmentKind, string>> = {
  met: '#15803d',
  missed: '#dc2626',
  breached_open: '#7f1d1d',
  closed_by_source: '#a16207',
  pending: '#9ca3af',
};

export const SEGMENT_LABELS: Readonly<Record<SegmentKind, string>> = {
  met: 'met',
  missed: 'missed',
  breached_open: 'breached, still open',
  closed_by_source: 'closed by source',
  pending: 'pending',
};

/** Whole percents of `counts` adding up to 100, none of a non-zero count below 1. */
export function wholePercents(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total === 0) return counts.map(() => 0);
  const shares = counts.map((count, index) => {
    const exact = (count * 100) / total;
    return { count, index, percent: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = 100 - shares.reduce((sum, s) => sum + s.percent, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left === 0) break;
    if (share.count === 0) continue;
    share.percent += 1;
    left -= 1;
  }
  for (const share of shares) {
    if (share.count === 0 || share.percent > 0) continue;
    const largest = shares.reduce((max, s) => (s.percent > max.percent ? s : max));
    largest.percent -= 1;
    share.percent = 1;
  }
  return shares.map((s) => s.percent);
}

/** Non-empty segments in SEGMENT_ORDER; empty when there is nothing to draw. */
export function barSegments(counts: OutcomeCounts): BarSegment[] {
  const present = SEGMENT_ORDER.map((kind) => ({ kind, count: counts[kind] })).filter((s) => s.count > 0);
  const percents = wholePercents(present.map((s) => s.count));
  return present.map((s, i) => ({ ...s, percent: percents[i] as number }));
}

/** The bar as a full-width table; a grey empty bar when nothing was counted. */
export function complianceBarHtml(counts: OutcomeCounts): string {
  const segments = barSegments(counts);
  const cell = (colour: string, percent: number) =>
    `<td width="${percent}%" bgcolor="${colour}" style="width:${percent}%;background-color:${colour};height:10px;line-height:10px;font-size:1px;">&nbsp;</td>`;
  const cells = segments.length === 0 ? cell('#e5e7eb', 100) : segments.map((s) => cell(SEGMENT_COLOURS[s.kind], s.percent)).join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;table-layout:fixed;"><tr>${cells}</tr></table>`;
}
