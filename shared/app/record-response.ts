/**
 * Records a response (acknowledgment, update, resolution, escalation) on an alert: validated,
 * applied by the domain rules (applyResponse) with a conditional write retried on conflict, so
 * concurrent responders are all recorded; then the timer is re-armed for the new plan
 * (acknowledgment: reminders stop, update-due starts; resolution: only the `resolved`
 * notification remains).
 *
 * The `resolved` notification: the resolution is stored first, with a timer due at once for
 * the notification (nextDue keeps it pending until `notified.resolvedAt` is set). It is then
 * sent inline through processDue, which claims and sends it and drops the timer. If that send
 * fails the response is still recorded (the caller gets success: retrying would only meet a
 * 409) and the due timer leaves the notification to the timer and the sweeper: nothing is lost,
 * and the claim keeps it from being sent twice.
 */
import type { ResponseInput, ResponseOutcome } from '../domain/alert/apply-response.ts';
import { applyResponse, responseProblems } from '../domain/alert/apply-response.ts';
import { cleanLine, cleanText } from '../domain/clean-text.ts';
import { UnprocessableError } from '../errors.ts';
import type { AppDeps } from './app-deps.ts';
import { armTimer } from './arm-timer.ts';
import { processDue } from './process-due.ts';
import { retryOnConflict } from './retry-on-conflict.ts';

export interface RecordResponseInput extends ResponseInput {
  readonly alertId: string;
}

export type RecordResponseResult = ResponseOutcome;

/**
 * The text gate for responses (clean-text.ts), whatever they came through (API, link page,
 * webhook): `by` one clean line, the note clean text. Lengths are checked after cleaning.
 */
function gated(input: RecordResponseInput): RecordResponseInput {
  const by = typeof input.by === 'string' ? cleanLine(input.by) : input.by;
  const note = typeof input.note === 'string' ? cleanText(input.note) : input.note;
  return { ...input, by, note };
}

/** Throws UnprocessableError, NotFoundError, or ConflictError (resolved, or at the response cap). */
export async function recordResponse(deps: AppDeps, sent: RecordResponseInput): Promise<RecordResponseResult> {
  const input = gated(sent);
  const problems = responseProblems(input);
  if (problems.length > 0) throw new UnprocessableError('invalid response', problems);
  const { alertId } = input;
  const changed = await retryOnConflict<ResponseOutcome>(deps.store, alertId, (current) => {
    const outcome = applyResponse(current, input, deps.clock.now());
    return outcome.kind === 'recorded' ? { kind: 'write', alert: outcome.alert, result: outcome } : { kind: 'keep', result: outcome };
  });
  const outcome = changed.result;
  if (outcome.kind === 'already') return { kind: 'already', alert: changed.after };

  deps.logger.info('response recorded', { alertId, responseId: outcome.response.id, type: outcome.response.type, via: outcome.response.via });
  const now = deps.clock.now();
  const dueNow = changed.after.timer !== null && changed.after.timer.dueAt <= now;
  // Something due at once (the `resolved` notification) is handled right here, so its timer is
  // not scheduled only to fire a moment later; the old timer is cancelled either way.
  await armTimer(deps, { alertId, before: changed.before.timer, after: dueNow ? null : changed.after.timer, now });
  if (!dueNow) return outcome;
  try {
    const processed = await processDue(deps, alertId, now);
    return processed.kind === 'not-found' ? outcome : { ...outcome, alert: processed.alert };
  } catch (error) {
    deps.logger.warn('notification after a response not sent yet: left to its timer and the sweeper', {
      alertId,
      responseId: outcome.response.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return outcome;
  }
}
