/**
 * The one handler behind the at-risk, breach and reminder functions: check the payload, then
 * handle the timer. They are three functions (three entry points) so that each kind has its
 * own metrics, alarms and logs, not because they behave differently: the stored alert decides
 * what is due, whatever kind of timer woke it up. Errors propagate: EventBridge Scheduler
 * invokes these asynchronously, so Lambda retries a failed event and then dead-letters it.
 */
import { handleTimer } from '../../shared/app/handle-timer.ts';
import { metrics, serve } from './aws-root.ts';
import { parseTimerEvent } from './timer-event.ts';

export interface TimerHandlerResult {
  readonly alertId: string;
  readonly outcome: string;
}

export const timerHandler = serve(({ deps }) => async (event: unknown): Promise<TimerHandlerResult> => {
  const payload = parseTimerEvent(event);
  // How late Scheduler delivered it (about a minute at most when healthy), for the dashboard.
  metrics.record({ kind: 'timer-fired', timer: payload.kind, latenessMs: deps.clock.now() - Date.parse(payload.dueAt) });
  const result = await handleTimer(deps, payload);
  return { alertId: payload.alertId, outcome: result.kind };
});
