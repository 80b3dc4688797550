import { describe, expect, it } from 'vitest';
import { fromAlertItem, toAlertItem } from '../../shared/adapters/dynamo/alert-item.ts';
import { DAY_MS, HOUR_MS } from '../../shared/domain/instant.ts';
import { shardOf } from '../../shared/store/shard-keys.ts';
import { makeAlert } from '../support/alert-fixtures.ts';

describe('an alert as a DynamoDB item', () => {
  it('round-trips every field, including labels DynamoDB maps would refuse', () => {
    const alert = makeAlert({ labels: { '': 'x', 'a.b': 'ü 🔥' }, description: null, sourceStartedAt: null });
    expect(fromAlertItem(toAlertItem(alert))).toEqual(alert);
  });

  it('carries the keys the report, list and sweeper indexes read', () => {
    const createdAt = Date.UTC(2026, 11, 31, 23, 59, 59, 999);
    const alert = makeAlert({ createdAt, status: 'acknowledged', priority: 'critical', version: 4 });
    const shard = shardOf(alert.id, 16);
    expect(toAlertItem(alert)).toMatchObject({
      pk: { S: `ALERT#${alert.id}` },
      version: { N: '4' },
      createdAt: { N: String(createdAt) },
      createdKey: { S: `00${createdAt}#${alert.id}` },
      dayPk: { S: `2026-12-31#${shard}` },
      listPk: { S: `ALERT#${shard}` },
      openPk: { S: `OPEN#${shard}` },
      status: { S: 'acknowledged' },
      priority: { S: 'critical' },
    });
  });

  it('spreads alerts over the shards by id, evenly, and keeps each in one shard', () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 1_600; i += 1) {
      const item = toAlertItem(makeAlert({ dedupKey: `spread-${i}` }));
      const shard = Number(item.listPk?.S?.split('#')[1]);
      expect(item.dayPk?.S?.endsWith(`#${shard}`)).toBe(true);
      counts[shard] = (counts[shard] ?? 0) + 1;
    }
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(140);
    const one = toAlertItem(makeAlert({ dedupKey: 'spread-0' }), undefined, 1);
    expect([one.listPk?.S, one.dayPk?.S?.slice(-2)]).toEqual(['ALERT#0', '#0']);
  });

  it('appears in the due index only while a timer is pending', () => {
    const dueAt = Date.UTC(2026, 10, 30, 12, 24);
    const alert = makeAlert({ timer: { name: 'a1.at-risk.1', dueAt, kind: 'at-risk', generation: 1 } });
    const armed = toAlertItem(alert);
    expect(armed.duePk).toEqual({ S: `ALERT#${shardOf(alert.id, 16)}` });
    expect(armed.dueKey).toEqual({ S: `00${dueAt}#${alert.id}` });
    const idle = toAlertItem(makeAlert({ timer: null }));
    expect(idle.duePk).toBeUndefined();
    expect(idle.dueKey).toBeUndefined();
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
