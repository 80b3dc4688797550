/**
 * Use case: SES reported bounces or complaints (one SNS message each); suppress every address
 * that must not be mailed again (ses-feedback-event.ts decides which) and log each at `warn`,
 * so operators see who stopped getting notifications and can fix or clear the address.
 */
import { suppressionsOf } from '../adapters/ses/ses-feedback-event.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { Suppression, SuppressionList } from '../ports/suppression-list.ts';

export interface MailFeedbackDeps {
  readonly suppressions: SuppressionList;
  readonly clock: Clock;
  readonly logger: Logger;
}

export async function recordMailFeedback(deps: MailFeedbackDeps, messages: readonly string[]): Promise<readonly Suppression[]> {
  const now = deps.clock.now();
  const all = messages.flatMap((message) => suppressionsOf(message, now));
  for (const entry of all) {
    await deps.suppressions.suppress(entry);
    deps.logger.warn('email address suppressed: no more mail to it until cleared', { recipient: entry.address, reason: entry.reason, detail: entry.detail });
  }
  return all;
}
