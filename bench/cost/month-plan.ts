/**
 * The simulated slice of a month: who sends what, and when, for each alert. Deterministic
 * (seeded), so every run counts the same operations.
 *
 * Alerts arrive over two weekdays and a weekend (two thirds on the weekdays, as a month has 22
 * weekdays to 8 weekend days), with priorities in exact shares (10% critical, 30% high, 40%
 * medium, 20% low), through Alertmanager: a first firing delivery, one repeat (a group
 * re-sent), and a `resolved` delivery. In between, measured on each alert's own SLA timeline:
 * - half are acknowledged through the email link (the page, then its button) in time, a
 *   quarter through the link after the deadline (so reminders, at-risk, breach and the
 *   escalation all happen), a tenth by a bot through the API in time, the rest never (the
 *   alert resolves on its own, acknowledged by its resolution);
 * - 40% of the acknowledged post an update through `POST /alerts/{id}/responses`;
 * - three quarters are resolved before the resolution clock is at risk, 15% while it is at
 *   risk, 10% after its deadline.
 */
import type { AppConfig } from '../../shared/config/app-config.ts';
import { DAY_MS, MINUTE_MS, SECOND_MS, type Instant } from '../../shared/domain/instant.ts';
import type { Priority } from '../../shared/domain/sla/priority.ts';
import { slaTimeline } from '../../shared/domain/sla/sla-timeline.ts';
import { seededRandom, type Random } from './prng.ts';

export type AckVia = 'link' | 'api';

export interface AlertPlan {
  /** Alertmanager's fingerprint of the alert. */
  readonly fingerprint: string;
  readonly priority: Priority;
  readonly firstAt: Instant;
  readonly repeatAt: Instant;
  /** `openAt`: when the link's page is opened (the button is pressed at `at`). */
  readonly ack: { readonly via: AckVia; readonly at: Instant; readonly openAt: Instant } | null;
  readonly updateAt: Instant | null;
  readonly resolveAt: Instant;
}

export const PRIORITY_SHARES: Readonly<Record<Priority, number>> = { critical: 0.1, high: 0.3, medium: 0.4, low: 0.2 };
const WEEKDAY_SHARE = 2 / 3;
const ACK_ON_TIME_BY_LINK = 0.5;
const ACK_LATE_BY_LINK = 0.25;
const ACK_ON_TIME_BY_API = 0.1;
const UPDATE_SHARE = 0.4;
const RESOLVED_BEFORE_AT_RISK = 0.75;
const RESOLVED_WHILE_AT_RISK = 0.15;
/** A page is read this long before its button is pressed. */
const PAGE_READ_MS = 20 * SECOND_MS;

export interface MonthPlanOptions {
  readonly alerts: number;
  readonly seed: number;
  /** 00:00 UTC of the first of the two weekdays (a Thursday, so the weekend follows). */
  readonly startAt: Instant;
  readonly policies: AppConfig['policies'];
}

/** Exactly `total` priorities in PRIORITY_SHARES, the remainder of rounding to the largest share. */
function priorities(total: number, random: Random): Priority[] {
  const entries = Object.entries(PRIORITY_SHARES) as [Priority, number][];
  const counts = entries.map(([priority, share]) => [priority, Math.floor(total * share)] as const);
  const remainder = total - counts.reduce((sum, [, n]) => sum + n, 0);
  const list = counts.flatMap(([priority, n]) => Array.from({ length: n }, () => priority));
  for (let i = 0; i < remainder; i += 1) list.push('medium');
  return random.shuffle(list);
}

const second = (at: number): Instant => Math.round(at / SECOND_MS) * SECOND_MS;

export function planMonth(options: MonthPlanOptions): AlertPlan[] {
  const random = seededRandom(options.seed);
  const weekdayAlerts = Math.round(options.alerts * WEEKDAY_SHARE);
  return priorities(options.alerts, random).map((priority, i) => {
    const from = options.startAt + (i < weekdayAlerts ? 0 : 2 * DAY_MS);
    const firstAt = second(random.between(from, from + 2 * DAY_MS));
    return planAlert(i, priority, firstAt, options.policies, random);
  });
}

function planAlert(index: number, priority: Priority, firstAt: Instant, policies: AppConfig['policies'], random: Random): AlertPlan {
  const { acknowledgment, resolution } = slaTimeline(policies[priority], firstAt);
  const within = (fromAt: Instant, toAt: Instant, min: number, max: number) => second(fromAt + random.between(min, max) * (toAt - fromAt));

  const resolutionDraw = random.next();
  let resolveAt =
    resolutionDraw < RESOLVED_BEFORE_AT_RISK
      ? within(firstAt, resolution.atRiskAt, 0.15, 0.98)
      : resolutionDraw < RESOLVED_BEFORE_AT_RISK + RESOLVED_WHILE_AT_RISK
        ? within(resolution.atRiskAt, resolution.deadlineAt, 0.05, 0.95)
        : second(resolution.deadlineAt + random.between(10, 120) * MINUTE_MS);

  const ackDraw = random.next();
  let ack: { via: AckVia; at: Instant } | null = null;
  if (ackDraw < ACK_ON_TIME_BY_LINK) ack = { via: 'link', at: within(firstAt, acknowledgment.deadlineAt, 0.1, 0.95) };
  else if (ackDraw < ACK_ON_TIME_BY_LINK + ACK_LATE_BY_LINK) ack = { via: 'link', at: second(acknowledgment.deadlineAt + random.between(1, 45) * MINUTE_MS) };
  else if (ackDraw < ACK_ON_TIME_BY_LINK + ACK_LATE_BY_LINK + ACK_ON_TIME_BY_API) ack = { via: 'api', at: within(firstAt, acknowledgment.deadlineAt, 0.1, 0.95) };
  // Nobody resolves what they have not seen yet: the resolution follows the acknowledgment.
  if (ack !== null && resolveAt <= ack.at + MINUTE_MS) resolveAt = second(ack.at + random.between(5, 60) * MINUTE_MS);

  const updateAt = ack !== null && random.next() < UPDATE_SHARE ? within(ack.at, resolveAt, 0.2, 0.8) : null;
  return {
    fingerprint: `c057${index.toString(16).padStart(12, '0')}`,
    priority,
    firstAt,
    repeatAt: Math.max(firstAt + SECOND_MS, within(firstAt, resolveAt, 0.05, 0.5)),
    ack: ack === null ? null : { ...ack, openAt: Math.max(firstAt + SECOND_MS, ack.at - PAGE_READ_MS) },
    updateAt,
    resolveAt,
  };
}
