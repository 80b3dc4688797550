import { describe, expect, it } from 'vitest';
import type { Delivery, DeliveryTarget } from '../../shared/domain/delivery/delivery.ts';
import { afterAttempt, backoffMs, DEFAULT_RETRY_POLICY, skipped } from '../../shared/domain/delivery/delivery-outcome.ts';
import { nextReadyAt, OUTBOX_KEEP_DONE, readyDeliveries, recordDeliveries, staleReason, updateDelivery } from '../../shared/domain/delivery/outbox.ts';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../../shared/domain/instant.ts';
import type { Notification } from '../../shared/domain/notifications/notification.ts';

const T = Date.parse('2026-03-02T09:00:00Z');
const note = (kind: Notification['kind'], dueAt = T): Notification => ({ kind, alertId: 'a1', dueAt });
const targets = (...recipients: string[]) => (): readonly DeliveryTarget[] => recipients.map((r) => (r.includes('@') ? { channel: 'email', recipient: r } : { channel: 'slack', recipient: r }));
const describeAll = (outbox: readonly Delivery[]) => outbox.map((d) => `${d.seq} ${d.notification.kind} ${d.channel}:${d.recipient} ${d.state}`);

describe('outbox: order per recipient', () => {
  const outbox = recordDeliveries([], [note('new-alert'), note('acknowledgment-breach')], targets('ana@example.test', 'bo@example.test', 'default'), T);

  it('each lane offers only its first open delivery: the new-alert email before its breach', () => {
    expect(describeAll(readyDeliveries(outbox, T))).toEqual([
      '1 new-alert email:ana@example.test pending',
      '2 new-alert email:bo@example.test pending',
      '3 new-alert slack:default pending',
    ]);
  });

  it('once the new-alert is sent to one recipient, that recipient is offered the breach; the others still wait their turn', () => {
    const sent = updateDelivery(outbox, 1, (d) => afterAttempt(d, { kind: 'accepted', messageId: 'm1' }, T + 1, DEFAULT_RETRY_POLICY, 0));
    expect(describeAll(readyDeliveries(sent, T + 1))).toEqual([
      '2 new-alert email:bo@example.test pending',
      '3 new-alert slack:default pending',
      '4 acknowledgment-breach email:ana@example.test pending',
    ]);
  });

  it('a lane waiting for a retry holds its later deliveries back, and says when it is ready', () => {
    const retrying = updateDelivery(outbox, 3, (d) => afterAttempt(d, { kind: 'transient', error: 'HTTP 429', retryAfterMs: 30 * SECOND_MS }, T, DEFAULT_RETRY_POLICY, 0));
    expect(describeAll(readyDeliveries(retrying, T + 1)).some((d) => d.includes('slack'))).toBe(false);
    expect(describeAll(readyDeliveries(retrying, T + 30 * SECOND_MS)).filter((d) => d.includes('slack'))).toEqual(['3 new-alert slack:default retrying']);
    expect(nextReadyAt(retrying)).toBe(T);
    expect(nextReadyAt(retrying.filter((d) => d.channel === 'slack'))).toBe(T + 30 * SECOND_MS);
  });

  it('a leased delivery is not offered again until its lease runs out (its sender crashed)', () => {
    const leased = updateDelivery(outbox, 1, (d) => ({ ...d, leaseUntil: T + MINUTE_MS }));
    expect(readyDeliveries(leased, T + 1).map((d) => d.seq)).toEqual([2, 3]);
    expect(readyDeliveries(leased, T + MINUTE_MS).map((d) => d.seq)).toEqual([1, 2, 3]);
  });

  it('nothing open: no instant', () => {
    expect(nextReadyAt([])).toBeNull();
  });
});

describe('outbox: bounded', () => {
  it(`keeps every open delivery and the newest ${OUTBOX_KEEP_DONE} finished ones`, () => {
    let outbox: Delivery[] = [];
    for (let i = 0; i < 150; i += 1) {
      outbox = recordDeliveries(outbox, [note('update-due', T + i)], targets('ana@example.test'), T + i);
      const seq = outbox.at(-1)?.seq as number;
      if (i < 140) outbox = updateDelivery(outbox, seq, (d) => afterAttempt(d, { kind: 'accepted', messageId: `m${i}` }, T + i, DEFAULT_RETRY_POLICY, 0));
    }
    expect(outbox.filter((d) => d.state === 'sent')).toHaveLength(OUTBOX_KEEP_DONE);
    expect(outbox.filter((d) => d.state === 'pending')).toHaveLength(10);
    expect(outbox[0]?.seq).toBe(41);
    // Numbering continues after pruning.
    expect(recordDeliveries(outbox, [note('resolved')], targets('ana@example.test'), T).at(-1)?.seq).toBe(151);
  });
});

describe('attempt outcomes', () => {
  const [pending] = recordDeliveries([], [note('acknowledgment-breach')], targets('ana@example.test'), T) as [Delivery];

  it('accepted: sent with the provider message id', () => {
    expect(afterAttempt(pending, { kind: 'accepted', messageId: 'ses-1' }, T + 5, DEFAULT_RETRY_POLICY, 0.5)).toMatchObject({
      state: 'sent',
      messageId: 'ses-1',
      doneAt: T + 5,
      attempts: 1,
    });
  });

  it('permanent: failed at once with the reason, never retried', () => {
    const failed = afterAttempt(pending, { kind: 'permanent', error: 'SES MessageRejected: Email address is not verified' }, T, DEFAULT_RETRY_POLICY, 0);
    expect(failed).toMatchObject({ state: 'failed', reason: 'SES MessageRejected: Email address is not verified', attempts: 1, nextAttemptAt: null });
    expect(readyDeliveries([failed], T + 100 * HOUR_MS)).toEqual([]);
  });

  it('transient: retried with exponential backoff and jitter, Retry-After honoured', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, DEFAULT_RETRY_POLICY, 0, null))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, DEFAULT_RETRY_POLICY, 0.999_999, null))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(30, DEFAULT_RETRY_POLICY, 1, null)).toBe(15 * MINUTE_MS);
    expect(backoffMs(1, DEFAULT_RETRY_POLICY, 0, 30_000)).toBe(30_000);
    const retrying = afterAttempt(pending, { kind: 'transient', error: 'SES Throttling: Maximum sending rate exceeded', retryAfterMs: null }, T, DEFAULT_RETRY_POLICY, 0);
    expect(retrying).toMatchObject({ state: 'retrying', attempts: 1, nextAttemptAt: T + 1000, lastError: 'SES Throttling: Maximum sending rate exceeded' });
  });

  it('transient past the 24 h horizon: failed, saying it gave up', () => {
    const late = { ...pending, attempts: 40, state: 'retrying' as const };
    const failed = afterAttempt(late, { kind: 'transient', error: 'HTTP 503', retryAfterMs: null }, T + 24 * HOUR_MS - MINUTE_MS, DEFAULT_RETRY_POLICY, 0);
    expect(failed).toMatchObject({ state: 'failed', reason: 'gave up after 41 attempts over 24 h: HTTP 503' });
  });
});

describe('stale deliveries', () => {
  const [reminder, breach, atRisk, resolved] = recordDeliveries(
    [],
    [note('reminder'), note('acknowledgment-breach'), note('resolution-at-risk'), note('resolved')],
    targets('ana@example.test'),
    T,
  ) as [Delivery, Delivery, Delivery, Delivery];
  const open = { acknowledgedAt: null, resolvedAt: null };
  const acked = { acknowledgedAt: T + 1, resolvedAt: null };
  const done = { acknowledgedAt: T + 1, resolvedAt: T + 2 };

  it('a reminder still queued when the alert was acknowledged is skipped; a breach always goes', () => {
    expect(staleReason(reminder, open)).toBeNull();
    expect(staleReason(reminder, acked)).toBe('the alert was acknowledged before it was sent');
    expect(staleReason(breach, done)).toBeNull();
    expect(staleReason(resolved, done)).toBeNull();
  });

  it('a resolution at-risk is stale only once resolved', () => {
    expect(staleReason(atRisk, acked)).toBeNull();
    expect(staleReason(atRisk, done)).toBe('the alert was resolved before it was sent');
    expect(skipped(atRisk, 'why', T)).toMatchObject({ state: 'skipped', reason: 'why', doneAt: T });
  });
});
