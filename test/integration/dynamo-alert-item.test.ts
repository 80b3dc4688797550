import { describe, expect, it } from 'vitest';
import { fromAlertItem, toAlertItem } from '../../shared/adapters/dynamo/alert-item.ts';
import { DAY_MS, HOUR_MS } from '../../shared/domain/instant.ts';
import { makeAlert } from '../support/alert-fixtures.ts';

describe('an alert as a DynamoDB item', () => {
  it('round-trips every field, including labels DynamoDB maps would refuse', () => {
    const alert = makeAlert({ labels: { '': 'x', 'a.b': 'ü 🔥' }, description: null, sourceStartedAt: null });
    expect(fromAlertItem(toAlertItem(alert))).toEqual(alert);
  });

  it('carries the keys the report, list and sweeper indexes read', () => {
    const createdAt = Date.UTC(2026, 11, 31, 23, 59, 59, 999);
    const item = toAlertItem(makeAlert({ createdAt, status: 'acknowledged', priority: 'critical', version: 4 }));
    expect(item).toMatchObject({
      pk: { S: expect.stringMatching(/^ALERT#a[a-z2-7]{20}$/) },
      version: { N: '4' },
      createdAt: { N: String(createdAt) },
      day: { S: '2026-12-31' },
      listPk: { S: 'ALERT' },
      status: { S: 'acknowledged' },
      priority: { S: 'critical' },
    });
  });

  it('appears in the due index only while a timer is pending', () => {
    const dueAt = Date.UTC(2026, 10, 30, 12, 24);
    const armed = toAlertItem(makeAlert({ timer: { name: 'a1.at-risk.1', dueAt, kind: 'at-risk', generation: 1 } }));
    expect(armed.duePk).toEqual({ S: 'ALERT' });
    expect(armed.dueAt).toEqual({ N: String(dueAt) });
    const idle = toAlertItem(makeAlert({ timer: null }));
    expect(idle.duePk).toBeUndefined();
    expect(idle.dueAt).toBeUndefined();
  });

  it('expires a resolved alert 400 days after its resolution (epoch seconds), never an open one', () => {
    const resolvedAt = Date.UTC(2026, 10, 30, 14, 0, 0, 700);
    const resolved = toAlertItem(makeAlert({ status: 'resolved', resolvedAt, acknowledgedAt: resolvedAt - HOUR_MS }));
    expect(resolved.expiresAt).toEqual({ N: String(Math.floor((resolvedAt + 400 * DAY_MS) / 1000)) });
    expect(toAlertItem(makeAlert()).expiresAt).toBeUndefined();
  });

  it('refuses to read an item without an alert document', () => {
    expect(() => fromAlertItem({ pk: { S: 'DEDUP#x#y' }, latest: { N: '2' } })).toThrow(/no alert document/);
  });
});
