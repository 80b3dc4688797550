/**
 * Properties of the business clock on random calendars: agreement with the brute-force
 * minute stepper (minute-stepper.ts) near DST changes in several zones, and invariants that
 * hold at millisecond precision over years (monotonicity, elapsed/deadline round trips).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessClock } from '../../shared/domain/calendar/business-clock.ts';
import { WEEKDAYS, type WeekdayName, type WindowSpec } from '../../shared/domain/calendar/calendar-spec.ts';
import { at, calendar } from './calendar-fixtures.ts';
import { COVERED_DAYS, DAY_MIN, MIN, scenarios, tableOf, text } from './minute-stepper.ts';

// Window edges lean towards the small hours, where DST changes happen.
const edge = fc.oneof(
  fc.integer({ min: 0, max: DAY_MIN }),
  fc.integer({ min: 0, max: 48 }).map((five) => five * 5),
  fc.constantFrom(0, 60, 90, 105, 120, 135, 150, 180, 1380, 1410, DAY_MIN),
);
const dayWindows = fc.uniqueArray(edge, { maxLength: 4 }).map((edges) => {
  const sorted = [...edges].sort((a, b) => a - b);
  const windows: WindowSpec[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) windows.push({ start: text(sorted[i] as number), end: text(sorted[i + 1] as number) });
  return windows;
});
const weekWindows = fc.tuple(...WEEKDAYS.map(() => dayWindows)).map((days) => {
  const windows: Partial<Record<WeekdayName, WindowSpec[]>> = {};
  days.forEach((list, i) => {
    if (list.length > 0) windows[WEEKDAYS[i] as WeekdayName] = list;
  });
  if (Object.keys(windows).length === 0) windows.wed = [{ start: '10:00', end: '11:00' }];
  return windows;
});

// Generated values stay small and readable; the minute tables are built in the property.
const scenarioCase = fc.record({
  scenario: fc.constantFrom(...scenarios),
  windows: weekWindows,
  holidayOffsets: fc.uniqueArray(fc.integer({ min: -COVERED_DAYS, max: COVERED_DAYS }), { maxLength: 3 }),
  startMinute: fc.integer({ min: 0, max: 4 * DAY_MIN }),
  otherMinute: fc.integer({ min: 0, max: 6 * DAY_MIN }),
  durationMinutes: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 3000 })),
});

type ScenarioCase = typeof scenarioCase extends fc.Arbitrary<infer T> ? T : never;

function stepperCase({ scenario, windows, holidayOffsets, startMinute, otherMinute }: ScenarioCase) {
  const table = tableOf(scenario);
  const holidays = holidayOffsets.map((offset) => new Date((table.centreDay + offset) * DAY_MIN * MIN).toISOString().slice(0, 10));
  const spec = calendar('property', scenario.zone, windows, holidays);
  const { business, coverFrom, coverTo } = table.business(spec);
  const start = coverFrom + startMinute; // within the first four covered days
  return { table, clock: businessClock(spec), business, coverTo, start, other: Math.min(coverTo, start + otherMinute) };
}

describe('business clock against a minute-by-minute stepper', () => {
  it('deadline is the end of the minute in which the business minutes reach the duration', () => {
    fc.assert(
      fc.property(scenarioCase, (generated) => {
        const { table, clock, business, coverTo, start } = stepperCase(generated);
        const { durationMinutes } = generated;
        const deadline = clock.deadline(table.atOf(start), durationMinutes * MIN);
        let expected = durationMinutes === 0 ? start : -1;
        for (let i = start, counted = 0; expected < 0 && i < coverTo; i++) {
          if (business[i] && ++counted === durationMinutes) expected = i + 1;
        }
        if (expected >= 0) expect(new Date(deadline)).toEqual(new Date(table.atOf(expected)));
        // The stepper ran out of table: the deadline lies beyond what it covers.
        else expect(deadline).toBeGreaterThanOrEqual(table.atOf(coverTo));
      }),
      { numRuns: 1500 },
    );
  });

  it('elapsed, nextBusinessInstant and isBusinessTime count the same minutes', () => {
    fc.assert(
      fc.property(scenarioCase, (generated) => {
        const { table, clock, business, coverTo, start, other } = stepperCase(generated);
        let counted = 0;
        for (let i = start; i < other; i++) if (business[i]) counted++;
        expect(clock.elapsed(table.atOf(start), table.atOf(other))).toBe(counted * MIN);
        expect(clock.isBusinessTime(table.atOf(start))).toBe(business[start]);
        const next = business.findIndex((inside, i) => inside && i >= start && i < coverTo);
        if (next >= 0) expect(new Date(clock.nextBusinessInstant(table.atOf(start)))).toEqual(new Date(table.atOf(next)));
        else expect(clock.nextBusinessInstant(table.atOf(start))).toBeGreaterThanOrEqual(table.atOf(coverTo));
      }),
      { numRuns: 1000 },
    );
  });
});

const zones = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'];
const anyInstant = fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2029-01-01T00:00:00Z') });
const anyDuration = fc.oneof(fc.integer({ min: 0, max: 4 * 3_600_000 }), fc.integer({ min: 0, max: 60 * 8 * 3_600_000 }), fc.integer({ min: 0, max: 3 }));
const anyClock = fc
  .record({ zone: fc.constantFrom(...zones), windows: weekWindows, holidays: fc.array(fc.integer({ min: 19_723, max: 21_550 }), { maxLength: 20 }) })
  .map(({ zone, windows, holidays }) => businessClock(calendar('property', zone, windows, holidays.map((day) => new Date(day * DAY_MIN * MIN).toISOString().slice(0, 10)))));

describe('business clock invariants at millisecond precision', () => {
  it('deadline is monotonic in the start and in the duration', () => {
    fc.assert(
      fc.property(anyClock, anyInstant, anyInstant, anyDuration, anyDuration, (clock, a, b, d1, d2) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(clock.deadline(s1, short)).toBeLessThanOrEqual(clock.deadline(s2, short));
        expect(clock.deadline(s1, short)).toBeLessThanOrEqual(clock.deadline(s1, long));
      }),
      { numRuns: 400 },
    );
  });

  it('elapsed(start, deadline(start, d)) is d, and the deadline is the first such instant', () => {
    fc.assert(
      fc.property(anyClock, anyInstant, anyDuration, (clock, start, duration) => {
        const deadline = clock.deadline(start, duration);
        expect(clock.elapsed(start, deadline)).toBe(duration);
        if (duration > 0) {
          expect(clock.elapsed(start, deadline - 1)).toBe(duration - 1);
          expect(clock.isBusinessTime(deadline - 1)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('deadline(start, elapsed(start, t)) <= t', () => {
    fc.assert(
      fc.property(anyClock, anyInstant, fc.integer({ min: 0, max: 90 * 86_400_000 }), (clock, start, span) => {
        const t = start + span;
        expect(clock.deadline(start, clock.elapsed(start, t))).toBeLessThanOrEqual(t);
      }),
      { numRuns: 400 },
    );
  });

  it('deadlines chain: deadline(deadline(s, a), b) = deadline(s, a + b)', () => {
    fc.assert(
      fc.property(anyClock, anyInstant, anyDuration, anyDuration, (clock, start, a, b) => {
        expect(clock.deadline(clock.deadline(start, a), b)).toBe(clock.deadline(start, a + b));
      }),
      { numRuns: 400 },
    );
  });
});
