import { describe, expect, it } from 'vitest';
import type { Priority } from '../../shared/domain/sla/priority.ts';
import { resolvePriority } from '../../shared/intake/priority-mapping.ts';

const integration = { priorityMap: { sev1: 'critical', warning: 'high' } as Record<string, Priority>, defaultPriority: 'medium' as Priority };

describe('priority mapping', () => {
  it.each([
    ['critical', 'critical'],
    ['page', 'critical'],
    ['error', 'high'],
    ['High', 'high'],
    ['info', 'low'],
    ['low', 'low'],
    ['SEV1', 'critical'],
    [' sev1 ', 'critical'],
    ['warning', 'high'],
    ['whatever', 'medium'],
    ['constructor', 'medium'],
  ])('severity %j -> %s', (severity, priority) => {
    expect(resolvePriority(integration, severity)).toBe(priority);
  });

  it('gives the default priority without a severity', () => {
    expect(resolvePriority({ priorityMap: {}, defaultPriority: 'low' }, null)).toBe('low');
  });

  it('maps warning to medium with no configured map', () => {
    expect(resolvePriority({ priorityMap: {}, defaultPriority: 'low' }, 'warning')).toBe('medium');
  });

  it('lets a named priority win over the severity', () => {
    expect(resolvePriority(integration, 'info', 'critical')).toBe('critical');
  });
});
