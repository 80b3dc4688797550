import { describe, expect, it } from 'vitest';
import { barSegments } from '../../shared/report/compliance-bar.ts';

describe('barSegments (the compliance bar)', () => {
  const widths = (met: number, missed: number, open: number) =>
    barSegments({ met, missed, open, metShare: null }).map((s) => [s.kind, s.percent]);

  it.each([
    { met: 0, missed: 0, open: 0, expected: [] },
    { met: 5, missed: 0, open: 0, expected: [['met', 100]] },
    { met: 3, missed: 1, open: 0, expected: [['met', 75], ['missed', 25]] },
    // Thirds: the remainder goes to the first, and the widths add up to 100.
    { met: 1, missed: 1, open: 1, expected: [['met', 34], ['missed', 33], ['open', 33]] },
    { met: 2, missed: 1, open: 0, expected: [['met', 67], ['missed', 33]] },
    // One miss among a thousand still shows as 1%.
    { met: 999, missed: 1, open: 0, expected: [['met', 99], ['missed', 1]] },
    { met: 9998, missed: 1, open: 1, expected: [['met', 98], ['missed', 1], ['open', 1]] },
  ])('$met met, $missed missed, $open open', ({ met, missed, open, expected }) => {
    const segments = widths(met, missed, open);
    expect(segments).toEqual(expected);
    if (segments.length > 0) expect(segments.reduce((sum, [, p]) => sum + (p as number), 0)).toBe(100);
  });
});
