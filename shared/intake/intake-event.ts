/**
 * One thing an alerting tool told sla-watch, in our words, whatever format it arrived in: a
 * problem started (or is still going on), someone acknowledged it at the source, or it is over.
 *
 * Every format normalizer turns a request body into a list of these (an Alertmanager group
 * carries many; a PagerDuty event one; an Uptime Kuma pending heartbeat none). They are plain
 * data, checked and clipped (see intake-limits.ts), so the ingest use case never looks at the
 * raw body again.
 */
import type { AlertLink } from '../domain/alert/alert.ts';
import type { Instant } from '../domain/instant.ts';
import type { Priority } from '../domain/sla/priority.ts';

/**
 * `test`: the sending tool's test button (Grafana's test notification, a generic event with
 * `"test": true`): answered with outcome `test`, logged, never stored.
 */
export type IntakeAction = 'trigger' | 'acknowledge' | 'resolve' | 'test';

export interface IntakeEvent {
  readonly action: IntakeAction;
  /** Identity of the problem at the source (fingerprint@startsAt, dedup_key, monitor id...). */
  readonly dedupKey: string;
  /**
   * Whether a trigger after the alert was resolved opens a new occurrence. False where the key
   * names one occurrence already (Alertmanager/Grafana `fingerprint@startsAt`): a firing
   * delivered after its resolution is out of order and is ignored.
   */
  readonly reopenAfterResolve: boolean;
  /** Empty for acknowledge/resolve events that carry none (only a trigger creates an alert). */
  readonly title: string;
  readonly description: string | null;
  readonly sourceName: string;
  /** The severity as the source said it, mapped to a priority by priority-mapping.ts. */
  readonly severity: string | null;
  /** A priority the source named directly (generic format); wins over the severity. */
  readonly priority: Priority | null;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly links: readonly AlertLink[];
  /** When the source says the problem started, if it says. */
  readonly sourceStartedAt: Instant | null;
  /** Who acknowledged or resolved, as recorded on the response (e.g. `pagerduty:Nagios`). */
  readonly by: string;
}
