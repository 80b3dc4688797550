import { describe, expect, it } from 'vitest';
import type { Delivery, DeliveryTarget } from '../../shared/domain/delivery/delivery.ts';
import { afterAttempt, DEFAULT_RETRY_POLICY } from '../../shared/domain/delivery/delivery-outcome.ts';
import { recordDeliveries, updateDelivery } from '../../shared/domain/delivery/outbox.ts';
import { DeliveryTally } from '../../shared/domain/report/delivery-tally.ts';
import { deliverySectionHtml, deliveryText } from '../../shared/report/delivery-section.ts';
import { makeAlert } from '../support/alert-fixtures.ts';

const T = Date.parse('2026-03-02T09:00:00Z');
const targets = (): readonly DeliveryTarget[] => [
  { channel: 'email', recipient: 'ana@example.test' },
  { channel: 'email', recipient: 'unverified@example.test' },
  { channel: 'slack', recipient: 'default' },
];

function outbox(): Delivery[] {
  let o = recordDeliveries([], [{ kind: 'acknowledgment-breach', alertId: 'a', dueAt: T }], targets, T);
  const policy = DEFAULT_RETRY_POLICY;
  o = updateDelivery(o, 1, (d) => afterAttempt(d, { kind: 'accepted', messageId: 'm' }, T, policy, 0));
  o = updateDelivery(o, 2, (d) => afterAttempt(d, { kind: 'permanent', error: 'SES MessageRejected: Email address is not verified' }, T, policy, 0));
  o = updateDelivery(o, 3, (d) => afterAttempt(d, { kind: 'transient', error: 'HTTP 429', retryAfterMs: 1000 }, T, policy, 0));
  o = updateDelivery(o, 3, (d) => afterAttempt(d, { kind: 'accepted', messageId: null }, T + 2000, policy, 0));
  return o;
}

describe('the report of deliveries', () => {
  it('counts sent, retried and failed per channel and names the failing recipients with why', () => {
    const tally = new DeliveryTally();
    tally.add([makeAlert({ dedupKey: 'one', outbox: outbox() }), makeAlert({ dedupKey: 'two', outbox: outbox() }), makeAlert({ dedupKey: 'old' })]);
    const report = tally.finish();
    expect(report.byChannel).toEqual({
      email: { sent: 2, retried: 0, failed: 2, skipped: 0, open: 0 },
      slack: { sent: 2, retried: 2, failed: 0, skipped: 0, open: 0 },
    });
    expect(report.failingRecipients).toEqual([{ channel: 'email', recipient: 'unverified@example.test', failed: 2, reason: 'SES MessageRejected: Email address is not verified' }]);
    expect(deliveryText(report)).toEqual([
      'DELIVERIES',
      '  Email: 2 sent, 0 retried, 2 failed',
      '  Slack: 2 sent, 2 retried, 0 failed',
      '  Failing recipients:',
      '    unverified@example.test (email): 2 failed; last: SES MessageRejected: Email address is not verified',
      '',
    ]);
    expect(deliverySectionHtml(report)).toContain('unverified@example.test');
  });

  it('says nothing on a day without deliveries', () => {
    const tally = new DeliveryTally();
    tally.add([makeAlert()]);
    expect(deliveryText(tally.finish())).toEqual([]);
    expect(deliverySectionHtml(undefined)).toBe('');
  });
});
