/**
 * Priorities, from the most to the least urgent. The set is fixed: every priority has a
 * complete policy (the configuration fills what a file leaves out from the defaults).
 */
export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}
