/**
 * The event a timer function receives: the TimerPayload that SchedulerTimers put in the
 * schedule's input, delivered by EventBridge Scheduler as the Lambda event. Checked before
 * anything is read, so a malformed event fails with every problem named; the function then
 * throws, Lambda retries the event and finally puts it in the dead-letter queue, where an
 * operator sees it (the DLQ alarm) instead of it vanishing.
 */
import * as z from 'zod/mini';
import { TIMER_KINDS } from '../../shared/domain/timers/timer-name.ts';
import { InvalidRequestError } from '../../shared/errors.ts';
import type { TimerPayload } from '../../shared/ports/timers.ts';

const timerPayload = z.object({
  alertId: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: z.enum(TIMER_KINDS as readonly ['at-risk', 'breach', 'reminder']),
  generation: z.int().check(z.gte(0)),
  dueAt: z.string().check(z.minLength(1)),
});

export function parseTimerEvent(event: unknown): TimerPayload {
  const result = timerPayload.safeParse(event);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`);
  throw new InvalidRequestError('not a timer payload', details);
}
