import { describe, expect, it } from 'vitest';
import { budgetStatus } from '../../shared/domain/report/breach-budget.ts';

describe('budgetStatus', () => {
  it.each([
    { breaches: 0, allowed: 2, expected: 'within_budget' },
    { breaches: 1, allowed: 2, expected: 'within_budget' },
    { breaches: 2, allowed: 2, expected: 'budget_used_up' },
    { breaches: 3, allowed: 2, expected: 'over_budget' },
    // A perfect day is within budget even when no breach is allowed.
    { breaches: 0, allowed: 0, expected: 'within_budget' },
    { breaches: 1, allowed: 0, expected: 'over_budget' },
  ])('$breaches breaches of $allowed allowed: $expected', ({ breaches, allowed, expected }) => {
    expect(budgetStatus(breaches, allowed)).toBe(expected);
  });
});
