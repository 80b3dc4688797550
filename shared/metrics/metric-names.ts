/**
 * The metric names of sla-watch, in one place: the dashboard (contrib/grafana) and the alerting
 * rules (contrib/prometheus) query these, and a test checks that they still exist. Names
 * follow Prometheus conventions (`sla_watch_` prefix, base units in the name, `_seconds`),
 * and every label takes only a few fixed values (priorities, statuses, states, channels).
 */
export const METRIC = {
  alertsOpen: 'sla_watch_alerts_open',
  slaState: 'sla_watch_sla_state',
  alertsOpenedToday: 'sla_watch_alerts_opened_today',
  slaOutcomesToday: 'sla_watch_sla_outcomes_today',
  breachBudgetUsed: 'sla_watch_breach_budget_used',
  breachBudgetAllowed: 'sla_watch_breach_budget_allowed',
  timeToAcknowledge: 'sla_watch_time_to_acknowledge_seconds',
  timeToResolve: 'sla_watch_time_to_resolve_seconds',
  deliveries: 'sla_watch_deliveries',
  oldestDueTimerLateness: 'sla_watch_oldest_due_timer_lateness_seconds',
  computedAt: 'sla_watch_metrics_computed_timestamp_seconds',
} as const;

