/**
 * The CloudWatch names of the business metrics: the EMF adapter writes them and the CDK
 * dashboard draws them, from these same constants. The namespace is per deployment
 * (`sla-watch/<stack name>`), so two stacks in one account never add up.
 */
export const METRIC_NAMESPACE_PREFIX = 'sla-watch/';

export function metricNamespace(stackName: string): string {
  return `${METRIC_NAMESPACE_PREFIX}${stackName}`;
}

/** Powertools adds a `service` dimension to every metric: this is its value. */
export const METRIC_SERVICE = 'sla-watch';

export const METRICS = {
  alertsOpened: 'AlertsOpened',
  notificationsSent: 'NotificationsSent',
  notificationsFailed: 'NotificationsFailed',
  breaches: 'Breaches',
  timersFired: 'TimersFired',
  timerLateness: 'TimerLateness',
} as const;

/** Dimension names; each metric has exactly one, so the dashboard can ask for each value. */
export const DIMENSIONS = { priority: 'Priority', channel: 'Channel', clock: 'Clock', timer: 'TimerKind' } as const;

/** Notification kinds that announce a breach, and the clock each is for. */
export const BREACH_KINDS: Readonly<Record<string, 'acknowledgment' | 'resolution'>> = {
  'acknowledgment-breach': 'acknowledgment',
  'resolution-breach': 'resolution',
};
