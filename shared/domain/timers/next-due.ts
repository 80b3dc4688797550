/**
 * The next instant at which something is due for an alert, and the timer kind to arm for it:
 * the earliest pending item, and among items on that instant the most severe kind
 * (breach > at-risk > reminder), so the timer targets the function that matters most. The
 * receiving function handles everything due by then whatever the kind, so the kind only picks
 * the target.
 */
import type { Alert, TimerKind } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import { pendingItems, timerSeverity } from './due-items.ts';

export interface NextDue {
  readonly at: Instant;
  readonly kind: TimerKind;
}

export function nextDue(alert: Alert): NextDue | null {
  let best: NextDue | null = null;
  for (const { at, timerKind } of pendingItems(alert)) {
    if (best === null || at < best.at || (at === best.at && timerSeverity(timerKind) > timerSeverity(best.kind))) {
      best = { at, kind: timerKind };
    }
  }
  return best;
}
