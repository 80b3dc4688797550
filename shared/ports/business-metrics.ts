/**
 * What sla-watch counts for the operators' dashboard: alerts opened per priority, notifications
 * sent and failed per channel (breaches among them), timers fired and how late. Recorded at the
 * edges (decorators of the store and the delivery sender, the timer entry point), never by the domain.
 *
 * Contract: `record` never throws and never waits; `flush` writes what was recorded (once per
 * invocation on Lambda) and never throws either: a metric lost is better than a request failed.
 */
import type { Priority } from '../domain/sla/priority.ts';
import type { TimerKind } from '../domain/alert/alert.ts';

export type BusinessEvent =
  | { readonly kind: 'alert-opened'; readonly priority: Priority }
  | { readonly kind: 'notification-sent'; readonly notification: string; readonly channel: 'email' | 'slack' }
  | { readonly kind: 'notification-failed'; readonly notification: string; readonly channel: 'email' | 'slack' }
  | { readonly kind: 'timer-fired'; readonly timer: TimerKind; readonly latenessMs: number };

export interface BusinessMetrics {
  record(event: BusinessEvent): void;
  flush(): void;
}
