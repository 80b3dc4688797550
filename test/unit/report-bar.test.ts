import { describe, expect, it } from 'vitest';
import { NO_OUTCOMES } from '../../shared/domain/sla/clock-outcome.ts';
import { barSegments, complianceBarHtml, SEGMENT_COLOURS } from '../../shared/report/compliance-bar.ts';

describe('barSegments (the compliance bar)', () => {
  const widths = (met: number, missed: number, breachedOpen: number, pending = 0) =>
    barSegments({ ...NO_OUTCOMES, met, missed, breached_open: breachedOpen, pending }).map((s) => [s.kind, s.percent]);

  it.each([
    { met: 0, missed: 0, open: 0, expected: [] },
    { met: 5, missed: 0, open: 0, expected: [['met', 100]] },
    { met: 3, missed: 1, open: 0, expected: [['met', 75], ['missed', 25]] },
    // Thirds: the remainder goes to the first, and the widths add up to 100.
    { met: 1, missed: 1, open: 1, expected: [['met', 34], ['missed', 33], ['breached_open', 33]] },
    // One miss among a thousand still shows as 1%.
    { met: 999, missed: 1, open: 0, expected: [['met', 99], ['missed', 1]] },
    { met: 9998, missed: 1, open: 1, expected: [['met', 98], ['missed', 1], ['breached_open', 1]] },
  ])('$met met, $missed missed, $open breached and open', ({ met, missed, open, expected }) => {
    const segments = widths(met, missed, open);
    expect(segments).toEqual(expected);
    if (segments.length > 0) expect(segments.reduce((sum, [, p]) => sum + (p as number), 0)).toBe(100);
  });

  it('draws a breach still open in red, never in the grey of pending clocks', () => {
    const html = complianceBarHtml({ ...NO_OUTCOMES, met: 3, breached_open: 1, pending: 2 });
    expect(html).toContain(`bgcolor="${SEGMENT_COLOURS.breached_open}"`);
    expect(SEGMENT_COLOURS.breached_open).toMatch(/^#[7-9a-f][0-9a-f]/); // a red
    expect(SEGMENT_COLOURS.breached_open).not.toBe(SEGMENT_COLOURS.pending);
    expect(widths(3, 0, 1, 2)).toEqual([['met', 50], ['breached_open', 17], ['pending', 33]]);
  });
});
