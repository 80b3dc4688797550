import { describe, expect, it } from 'vitest';
import { alertId, isAlertId } from '../../shared/domain/alert/alert-id.ts';

describe('alertId', () => {
  it('gives every delivery of one occurrence the same short, URL-safe id', () => {
    const id = alertId('alertmanager-main', 'fp-3f2a9c@2026-11-30T11:59:30Z', 1);
    expect(id).toBe(alertId('alertmanager-main', 'fp-3f2a9c@2026-11-30T11:59:30Z', 1));
    expect(id).toMatch(/^a[a-z2-7]{20}$/);
    expect(isAlertId(id)).toBe(true);
    expect(encodeURIComponent(id)).toBe(id);
  });

  it('is pinned: ids already stored and linked in mails never change meaning', () => {
    expect(alertId('alertmanager-main', 'fp-3f2a9c@2026-11-30T11:59:30Z', 1)).toBe('aile52h742mxss4mpl6n3');
  });

  it('tells occurrences, dedup keys and integrations apart, even when joining them would collide', () => {
    const ids = new Set([
      alertId('am', 'key', 1),
      alertId('am', 'key', 2),
      alertId('am', 'key2', 1),
      alertId('grafana', 'key', 1),
      alertId('a', 'm:key', 1),
      alertId('a:m', 'key', 1),
    ]);
    expect(ids.size).toBe(6);
  });

  it('refuses an occurrence that is not a positive integer', () => {
    expect(() => alertId('am', 'key', 0)).toThrow(RangeError);
    expect(() => alertId('am', 'key', 1.5)).toThrow(RangeError);
  });

  it('recognizes only ids it could have made', () => {
    expect(isAlertId('a' + 'b'.repeat(20))).toBe(true);
    for (const bad of ['', 'a', 'b' + 'c'.repeat(20), 'a' + 'B'.repeat(20), 'a' + '1'.repeat(20), 'a' + 'b'.repeat(21), '../etc/passwd']) {
      expect(isAlertId(bad)).toBe(false);
    }
  });
});
