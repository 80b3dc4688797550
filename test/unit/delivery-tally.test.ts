/**
 * The deliveries section of a report as a reader checks it: who keeps failing (one line per
 * person, however the address is capitalised; most failures first; the latest reason), what
 * was retried, skipped or is still open, and a day with an open delivery is not settled.
 */
import { describe, expect, it } from 'vitest';
import type { Delivery, DeliveryChannel, DeliveryState } from '../../shared/domain/delivery/delivery.ts';
import { alertDeliveries, DeliveryTally, mergeDeliveries, type DeliveryDayData } from '../../shared/domain/report/delivery-tally.ts';
import { makeAlert } from '../support/alert-fixtures.ts';

const T = Date.parse('2026-11-30T09:00:00Z');

function delivery(seq: number, recipient: string, state: DeliveryState, extra: Partial<Delivery> = {}): Delivery {
  const done = state === 'sent' || state === 'failed' || state === 'skipped';
  return {
    seq,
    notification: { kind: 'new-alert', alertId: 'a', dueAt: T },
    channel: 'email' as DeliveryChannel,
    recipient,
    claimedAt: T,
    state,
    attempts: state === 'pending' ? 0 : 1,
    nextAttemptAt: state === 'retrying' ? T + 60_000 : null,
    lastError: state === 'failed' ? 'rejected' : null,
    messageId: state === 'sent' ? 'm' : null,
    doneAt: done ? T : null,
    reason: state === 'failed' ? 'rejected' : state === 'skipped' ? 'stale' : null,
    leaseUntil: null,
    ...extra,
  };
}

function day(deliveries: Delivery[]): { tally: DeliveryTally; data: DeliveryDayData } {
  const tally = new DeliveryTally();
  tally.add(alertDeliveries(makeAlert({ createdAt: T, outbox: deliveries })));
  return { tally, data: tally.data() };
}

describe('the deliveries of a day', () => {
  it('name a recipient once whatever the capitals of the address, apart from the others', () => {
    const { data } = day([delivery(1, 'Ana@Example.test', 'failed'), delivery(2, 'ana@example.test', 'failed'), delivery(3, 'bo@example.test', 'failed')]);
    expect(data.failing.map((f) => [f.recipient, f.failed])).toEqual([
      ['Ana@Example.test', 2],
      ['bo@example.test', 1],
    ]);
  });

  it('list the recipients failing most first, then by address, at most 20', () => {
    const many = Array.from({ length: 22 }, (_, i) => delivery(i + 1, `r${String(i).padStart(2, '0')}@example.test`, 'failed'));
    const { data } = day([delivery(100, 'zed@example.test', 'failed'), delivery(101, 'zed@example.test', 'failed'), ...many.reverse()]);
    expect(data.failing).toHaveLength(20);
    expect(data.failing.slice(0, 3).map((f) => f.recipient)).toEqual(['zed@example.test', 'r00@example.test', 'r01@example.test']);
  });

  it('count a delivery that failed after three attempts as failed, not retried; skipped and open ones apart', () => {
    const { tally, data } = day([
      delivery(1, 'a@example.test', 'failed', { attempts: 3 }),
      delivery(2, 'b@example.test', 'sent', { attempts: 2 }),
      delivery(3, 'c@example.test', 'skipped'),
      delivery(4, 'd@example.test', 'retrying', { attempts: 1 }),
      delivery(5, 'e@example.test', 'pending'),
    ]);
    expect(data.byChannel.email).toEqual({ sent: 1, retried: 1, failed: 1, skipped: 1, open: 2 });
    expect(tally.hasOpen).toBe(true);
  });

  it('are settled when nothing is left to send', () => {
    expect(day([delivery(1, 'a@example.test', 'sent'), delivery(2, 'b@example.test', 'skipped')]).tally.hasOpen).toBe(false);
  });
});

describe('the deliveries of a week', () => {
  it('keep the reason of the latest failure, whatever order the days come in', () => {
    const failedOn = (at: number, reason: string) => day([delivery(1, 'ana@example.test', 'failed', { doneAt: at, reason })]).data;
    const week = mergeDeliveries([failedOn(T, 'monday'), failedOn(T + 2 * 86_400_000, 'wednesday'), failedOn(T + 86_400_000, 'tuesday')]);
    expect(week.failingRecipients).toEqual([{ channel: 'email', recipient: 'ana@example.test', failed: 3, reason: 'wednesday' }]);
  });
});
