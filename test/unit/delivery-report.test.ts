import { describe, expect, it } from 'vitest';
import type { Delivery, DeliveryTarget } from '../../shared/domain/delivery/delivery.ts';
import { afterAttempt, DEFAULT_RETRY_POLICY } from '../../shared/domain/delivery/delivery-outcome.ts';
import { recordDeliveries, updateDelivery } from '../../shared/domain/delivery/outbox.ts';
import { alertDeliveries, DeliveryTally, mergeDeliveries } from '../../shared/domain/report/delivery-tally.ts';
import { renderReportHtml } from '../../shared/report/report-html.ts';
import { reportJson } from '../../shared/report/report-json.ts';
import { renderReportText } from '../../shared/report/report-text.ts';
import { makeAlert } from '../support/alert-fixtures.ts';
import { composeDayReport, REPORT_DATE } from '../support/report-fixtures.ts';

const T = Date.parse(`${REPORT_DATE}T09:00:00Z`);
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
  it('counts sent, retried and failed per channel and names the failing recipients with why, in text, HTML and JSON', () => {
    const alerts = [makeAlert({ dedupKey: 'one', createdAt: T, outbox: outbox() }), makeAlert({ dedupKey: 'two', createdAt: T, outbox: outbox() }), makeAlert({ dedupKey: 'old', createdAt: T })];
    const report = composeDayReport([alerts]);
    expect(report.deliveries.byChannel).toEqual({
      email: { sent: 2, retried: 0, failed: 2, skipped: 0, open: 0 },
      slack: { sent: 2, retried: 2, failed: 0, skipped: 0, open: 0 },
    });
    expect(report.deliveries.failingRecipients).toEqual([{ channel: 'email', recipient: 'unverified@example.test', failed: 2, reason: 'SES MessageRejected: Email address is not verified' }]);
    const text = renderReportText(report);
    expect(text).toContain(
      [
        'DELIVERIES',
        '  Email: 2 sent, 0 retried, 2 failed',
        '  Slack: 2 sent, 2 retried, 0 failed',
        '  Failing recipients:',
        '    unverified@example.test (email): 2 failed; last: SES MessageRejected: Email address is not verified',
      ].join('\n'),
    );
    const html = renderReportHtml(report, 'email');
    expect(html).toContain('Deliveries');
    expect(html).toContain('unverified@example.test');
    expect(reportJson(report).deliveries.failingRecipients).toHaveLength(1);
  });

  it('says nothing on a day without deliveries', () => {
    const report = composeDayReport([[makeAlert({ createdAt: T })]]);
    expect(renderReportText(report)).not.toContain('\nDELIVERIES\n');
    expect(renderReportHtml(report, 'email')).not.toContain('Failing recipients');
  });

  it('adds up days for a week: counts summed, a recipient failing on two days named once with the later reason', () => {
    const day = (reason: string, at: number) => {
      const tally = new DeliveryTally();
      const o = updateDelivery(recordDeliveries([], [{ kind: 'new-alert', alertId: 'a', dueAt: at }], targets, at), 2, (d) =>
        afterAttempt(d, { kind: 'permanent', error: reason }, at, DEFAULT_RETRY_POLICY, 0),
      );
      tally.add(alertDeliveries(makeAlert({ outbox: o })));
      return tally.data();
    };
    const week = mergeDeliveries([day('later reason', T + 86_400_000), day('earlier reason', T)]);
    expect(week.byChannel.email).toEqual({ sent: 0, retried: 0, failed: 2, skipped: 0, open: 2 });
    expect(week.failingRecipients).toEqual([{ channel: 'email', recipient: 'unverified@example.test', failed: 2, reason: 'later reason' }]);
  });
});
