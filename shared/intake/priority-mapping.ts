/**
 * From what a source says about urgency to one of our priorities. Sources speak their own
 * words (Alertmanager's `labels.severity` is free text, PagerDuty has four levels), so each
 * integration may map its words (`priority_map`, keys lower-cased by the configuration) over
 * the built-in mapping below; a word neither knows, or no word at all, gets the integration's
 * default priority. A generic event may name the priority itself, which wins.
 */
import type { IntegrationConfig } from '../config/app-config.ts';
import type { Priority } from '../domain/sla/priority.ts';

/**
 * Built-in words: PagerDuty's four severities, the usual Alertmanager ones, and our own
 * priority names (so `severity: low` means low without any configuration).
 */
export const BUILT_IN_PRIORITY_MAP: Readonly<Record<string, Priority>> = {
  critical: 'critical',
  page: 'critical',
  error: 'high',
  high: 'high',
  warning: 'medium',
  medium: 'medium',
  info: 'low',
  low: 'low',
};

type PriorityRules = Pick<IntegrationConfig, 'priorityMap' | 'defaultPriority'>;

export function resolvePriority(integration: PriorityRules, severity: string | null, named: Priority | null = null): Priority {
  if (named !== null) return named;
  if (severity === null) return integration.defaultPriority;
  const word = severity.trim().toLowerCase();
  // Own-property lookups only: a severity of "constructor" must not find Object.prototype's.
  if (Object.hasOwn(integration.priorityMap, word)) return integration.priorityMap[word] as Priority;
  if (Object.hasOwn(BUILT_IN_PRIORITY_MAP, word)) return BUILT_IN_PRIORITY_MAP[word] as Priority;
  return integration.defaultPriority;
}
