/**
 * The breach budget of a priority for a report period: `allowed_breaches` of the policy
 * against the alerts that breached. Zero breaches is always within budget, even when none are
 * allowed: "used up" would tell a team with a perfect day that it has nothing left to spend.
 */
export type BudgetStatus = 'within_budget' | 'budget_used_up' | 'over_budget';

export function budgetStatus(breaches: number, allowedBreaches: number): BudgetStatus {
  if (breaches === 0 || breaches < allowedBreaches) return 'within_budget';
  return breaches === allowedBreaches ? 'budget_used_up' : 'over_budget';
}
