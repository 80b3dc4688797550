import { describe, expect, it } from 'vitest';
import { alertId } from '../../shared/domain/alert/alert-id.ts';
import { MAX_TIMER_NAME_LENGTH, parseTimerName, timerName } from '../../shared/domain/timers/timer-name.ts';

const ID = alertId('alertmanager-main', 'fp-1', 1);

describe('timerName', () => {
  it('names a timer after its alert, kind and generation, within EventBridge Scheduler rules', () => {
    for (const kind of ['at-risk', 'breach', 'reminder'] as const) {
      const name = timerName(ID, kind, 12);
      expect(name).toBe(`${ID}.${kind}.12`);
      expect(name).toMatch(/^[0-9a-zA-Z\-_.]{1,64}$/);
    }
    expect(timerName(ID, 'reminder', Number.MAX_SAFE_INTEGER).length).toBeLessThanOrEqual(MAX_TIMER_NAME_LENGTH);
  });

  it('is deterministic, so arming the same timer twice finds the name taken', () => {
    expect(timerName(ID, 'breach', 3)).toBe(timerName(ID, 'breach', 3));
    expect(timerName(ID, 'breach', 3)).not.toBe(timerName(ID, 'breach', 4));
  });

  it('parses back what it made and nothing else', () => {
    expect(parseTimerName(timerName(ID, 'at-risk', 0))).toEqual({ alertId: ID, kind: 'at-risk', generation: 0 });
    for (const bad of ['', ID, `${ID}.snooze.1`, `${ID}.breach.`, `${ID}.breach.01`, `${ID}.breach.-1`, `a.b.breach.1`, `${'a'.repeat(60)}.breach.1`]) {
      expect(parseTimerName(bad)).toBeNull();
    }
  });

  it('parses back generations of any length, and names of exactly the 64-character limit', () => {
    for (const generation of [7, 10, 123, Number.MAX_SAFE_INTEGER]) {
      expect(parseTimerName(timerName(ID, 'breach', generation))).toEqual({ alertId: ID, kind: 'breach', generation });
    }
    const longest = timerName('a'.repeat(53), 'reminder', 1);
    expect(longest).toHaveLength(MAX_TIMER_NAME_LENGTH);
    expect(parseTimerName(longest)).toEqual({ alertId: 'a'.repeat(53), kind: 'reminder', generation: 1 });
    expect(parseTimerName(`a.breach.${'9'.repeat(20)}`)).toBeNull();
    expect(() => timerName('a'.repeat(54), 'reminder', 1)).toThrow(`timer name "${'a'.repeat(54)}.reminder.1" is longer than 64 characters`);
  });

  it('says what is wrong with input that cannot make a name', () => {
    expect(() => timerName('has.dot', 'breach', 1)).toThrow('alert id "has.dot" cannot be part of a timer name');
    expect(() => timerName(ID, 'snooze' as never, 1)).toThrow('unknown timer kind "snooze"');
    expect(() => timerName(ID, 'breach', -1)).toThrow('timer generation must be a non-negative integer, got -1');
  });

  it('refuses input that cannot make a valid name', () => {
    expect(() => timerName('has.dot', 'breach', 1)).toThrow(RangeError);
    expect(() => timerName('has space', 'breach', 1)).toThrow(RangeError);
    expect(() => timerName('', 'breach', 1)).toThrow(RangeError);
    expect(() => timerName(ID, 'snooze' as never, 1)).toThrow(RangeError);
    expect(() => timerName(ID, 'breach', -1)).toThrow(RangeError);
    expect(() => timerName(ID, 'breach', 1.5)).toThrow(RangeError);
    expect(() => timerName('a'.repeat(60), 'reminder', 1)).toThrow(/longer than 64/);
  });
});
