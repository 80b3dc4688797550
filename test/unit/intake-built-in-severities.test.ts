import { describe, expect, it } from 'vitest';
import type { Priority } from '../../shared/domain/sla/priority.ts';
import { BUILT_IN_PRIORITY_MAP, resolvePriority } from '../../shared/intake/priority-mapping.ts';

// Every word an unconfigured integration understands, whatever its default priority: a
// PagerDuty `warning` or an Alertmanager `severity: medium` must not fall back to the default.
const BUILT_IN: readonly [string, Priority][] = [
  ['critical', 'critical'],
  ['page', 'critical'],
  ['error', 'high'],
  ['high', 'high'],
  ['warning', 'medium'],
  ['medium', 'medium'],
  ['info', 'low'],
  ['low', 'low'],
];

describe('built-in severity words', () => {
  it('are exactly these eight', () => {
    expect(Object.entries(BUILT_IN_PRIORITY_MAP).sort()).toEqual([...BUILT_IN].sort());
  });

  it.each(BUILT_IN)('%s means %s with no priority map, whatever the default priority', (word, priority) => {
    for (const defaultPriority of ['critical', 'high', 'medium', 'low'] as const) {
      expect(resolvePriority({ priorityMap: {}, defaultPriority }, word)).toBe(priority);
    }
  });
});
