/**
 * The deliveries of a report's alerts, per channel: how many were sent, how many needed more
 * than one attempt (retried), how many failed for good, were skipped as stale, or are still
 * pending; and the recipients whose deliveries failed, most failures first. It counts the
 * deliveries recorded on the alerts opened in the period (those kept on each alert: the
 * newest finished ones, see outbox.ts). Pure; fed alert by alert like the day tally, kept in
 * a day's rollup as mergeable data, and merged for weeks and months.
 */
import type { Alert } from '../alert/alert.ts';
import { DELIVERY_CHANNELS, type DeliveryChannel } from '../delivery/delivery.ts';
import { outboxOf } from '../delivery/outbox.ts';

export interface ChannelDeliveries {
  readonly sent: number;
  /** Sent after more than one attempt, or still retrying. */
  readonly retried: number;
  readonly failed: number;
  readonly skipped: number;
  /** Not yet sent (pending or retrying). */
  readonly open: number;
}

export interface FailingRecipient {
  readonly channel: DeliveryChannel;
  readonly recipient: string;
  readonly failed: number;
  /** The reason of the last failure recorded. */
  readonly reason: string;
}

export interface DeliveryReport {
  readonly byChannel: Readonly<Record<DeliveryChannel, ChannelDeliveries>>;
  /** Most failures first, at most MAX_FAILING_RECIPIENTS. */
  readonly failingRecipients: readonly FailingRecipient[];
}

/** A day's deliveries as stored in its rollup: the failing recipients with when they last failed. */
export interface DeliveryDayData {
  readonly byChannel: Readonly<Record<DeliveryChannel, ChannelDeliveries>>;
  readonly failing: readonly (FailingRecipient & { readonly lastAt: number })[];
}

export const MAX_FAILING_RECIPIENTS = 20;

type Counts = { -readonly [K in keyof ChannelDeliveries]: number };
type Failing = FailingRecipient & { lastAt: number };

const noCounts = (): Counts => ({ sent: 0, retried: 0, failed: 0, skipped: 0, open: 0 });

function failingKey(f: Pick<FailingRecipient, 'channel' | 'recipient'>): string {
  return `${f.channel} ${f.recipient.toLowerCase()}`;
}

/** `known` and `more` failures of one recipient together; the later failure's reason wins. */
function joinFailing(known: Failing | undefined, more: Failing): Failing {
  if (known === undefined) return { ...more };
  const newer = more.lastAt >= known.lastAt;
  return { ...known, failed: known.failed + more.failed, reason: newer ? more.reason : known.reason, lastAt: Math.max(known.lastAt, more.lastAt) };
}

function mostFailing(failing: Iterable<Failing>): Failing[] {
  return [...failing].sort((a, b) => b.failed - a.failed || a.recipient.localeCompare(b.recipient)).slice(0, MAX_FAILING_RECIPIENTS);
}

/**
 * One alert's deliveries as a report counts them: counts per channel and the failures joined
 * per recipient. Small and mergeable, so the alert's report view carries it (report-view.ts)
 * instead of the whole outbox, and a day adds one per alert.
 */
export interface AlertDeliveries {
  /** Only the channels the alert has deliveries on. */
  readonly byChannel: Partial<Record<DeliveryChannel, ChannelDeliveries>>;
  readonly failing: readonly (FailingRecipient & { readonly lastAt: number })[];
}

export function alertDeliveries(alert: Pick<Alert, 'outbox'>): AlertDeliveries {
  const byChannel: Partial<Record<DeliveryChannel, Counts>> = {};
  const failing = new Map<string, Failing>();
  for (const d of outboxOf(alert)) {
    const counts = (byChannel[d.channel] ??= noCounts());
    if (d.attempts > 1 && d.state !== 'failed') counts.retried += 1;
    switch (d.state) {
      case 'sent':
        counts.sent += 1;
        break;
      case 'failed': {
        counts.failed += 1;
        const entry: Failing = { channel: d.channel, recipient: d.recipient, failed: 1, reason: d.reason ?? '', lastAt: d.doneAt ?? 0 };
        failing.set(failingKey(entry), joinFailing(failing.get(failingKey(entry)), entry));
        break;
      }
      case 'skipped':
        counts.skipped += 1;
        break;
      case 'pending':
      case 'retrying':
        counts.open += 1;
        break;
    }
  }
  return { byChannel, failing: [...failing.values()] };
}

export class DeliveryTally {
  private readonly counts: Record<DeliveryChannel, Counts> = { email: noCounts(), slack: noCounts() };
  private readonly failing = new Map<string, Failing>();
  private open = 0;

  /** Adds one alert's deliveries (joining failures in claim order, as if delivery by delivery). */
  add(deliveries: AlertDeliveries): void {
    for (const channel of DELIVERY_CHANNELS) {
      const more = deliveries.byChannel[channel];
      if (more === undefined) continue;
      const counts = this.counts[channel];
      for (const key of Object.keys(counts) as (keyof Counts)[]) counts[key] += more[key];
      this.open += more.open;
    }
    for (const f of deliveries.failing) this.failing.set(failingKey(f), joinFailing(this.failing.get(failingKey(f)), { ...f }));
  }

  /** Whether some delivery is still to be made: a day with one is not settled. */
  get hasOpen(): boolean {
    return this.open > 0;
  }

  data(): DeliveryDayData {
    const byChannel = Object.fromEntries(DELIVERY_CHANNELS.map((c) => [c, { ...this.counts[c] }])) as Record<DeliveryChannel, ChannelDeliveries>;
    return { byChannel, failing: mostFailing(this.failing.values()) };
  }
}

/** The deliveries of several days as one report: counts added, failing recipients joined. */
export function mergeDeliveries(days: readonly DeliveryDayData[]): DeliveryReport {
  const counts: Record<DeliveryChannel, Counts> = { email: noCounts(), slack: noCounts() };
  const failing = new Map<string, Failing>();
  for (const day of days) {
    for (const channel of DELIVERY_CHANNELS) {
      const c = day.byChannel[channel];
      for (const key of Object.keys(c) as (keyof Counts)[]) counts[channel][key] += c[key];
    }
    for (const f of day.failing) failing.set(failingKey(f), joinFailing(failing.get(failingKey(f)), { ...f }));
  }
  return {
    byChannel: counts,
    failingRecipients: mostFailing(failing.values()).map(({ channel, recipient, failed, reason }) => ({ channel, recipient, failed, reason })),
  };
}
