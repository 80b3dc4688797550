import { describe, expect, it } from 'vitest';
import { clockOutcome, compliance } from '../../shared/domain/sla/clock-outcome.ts';

describe('the outcome of an SLA clock', () => {
  it.each([
    ['met', 'met'],
    ['missed', 'missed'],
    ['breached', 'breached_open'],
    ['at_risk', 'pending'],
    ['compliant', 'pending'],
  ] as const)('a clock %s is %s', (state, outcome) => {
    expect(clockOutcome({ state })).toBe(outcome);
  });

  it('counts a breach still open against compliance, and leaves pending clocks out', () => {
    expect(compliance({ met: 3, missed: 0, breached_open: 1, pending: 5 })).toBe(0.75);
    expect(compliance({ met: 1, missed: 1, breached_open: 0, pending: 0 })).toBe(0.5);
  });

  it('has no compliance while nothing is decided', () => {
    expect(compliance({ met: 0, missed: 0, breached_open: 0, pending: 2 })).toBeNull();
  });
});

describe('who answered the acknowledgment clock', () => {
  it('reads responses stored without an actor as their via meant then', async () => {
    const { responseActor } = await import('../../shared/domain/alert/response.ts');
    expect(responseActor({ via: 'webhook' })).toBe('source');
    expect(responseActor({ via: 'system' })).toBe('system');
    expect(responseActor({ via: 'link' })).toBe('person');
    expect(responseActor({ via: 'api' })).toBe('person');
    expect(responseActor({ via: 'webhook', actor: 'person' })).toBe('person');
  });

  it('is closed by source before the deadline, missed after it, and stays out of compliance', () => {
    expect(clockOutcome({ state: 'closed_by_source' })).toBe('closed_by_source');
    expect(compliance({ met: 0, missed: 0, breached_open: 0, pending: 0, closed_by_source: 3 })).toBeNull();
  });
});
