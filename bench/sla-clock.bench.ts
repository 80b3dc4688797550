/**
 * The SLA clock: median time per deadline, warm (the calendar's days already cached, as in a
 * running process) and cold (a calendar seen for the first time, its days computed from time
 * zone rules). Starts vary so the walk crosses weekends, DST changes and holidays. Each sample
 * times a batch of deadlines with process.hrtime.bigint; the result is the median over many
 * samples of the per-deadline time. Goal: median <= 2 µs.
 *
 * Run alone: npx tsx bench/sla-clock.bench.ts
 */
import { pathToFileURL } from 'node:url';
import { businessClock, type BusinessClock } from '../shared/domain/calendar/business-clock.ts';
import type { CalendarSpec, WeekdayName } from '../shared/domain/calendar/calendar-spec.ts';
import { DAY_MS, HOUR_MS } from '../shared/domain/instant.ts';
import type { BenchResult } from './bench-result.ts';
import { median, printResults } from './bench-result.ts';

const BATCH = 1000;
const SAMPLES = 300;
const STARTS = 4096;

const officeHours = (name: string, timezone: string, holidays: string[] = []): CalendarSpec => ({
  name,
  timezone,
  windows: Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri'] as WeekdayName[]).map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidays,
});

const yearEnd = ['2026-11-26', '2026-11-27', '2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-18'];

/** A deterministic spread of starts: reproducible runs, no clock reads. */
function starts(fromIso: string, spanMs: number, seed: number): number[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const from = Date.parse(fromIso);
  return Array.from({ length: STARTS }, () => from + Math.floor(next() * spanMs));
}

interface Case {
  readonly name: string;
  readonly spec: CalendarSpec | null;
  readonly starts: number[];
  readonly durationMs: number;
}

let sink = 0;

function timeBatch(clock: BusinessClock, startList: number[], durationMs: number, offset: number): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) sink += clock.deadline(startList[(offset + i) % startList.length] as number, durationMs);
  return Number(process.hrtime.bigint() - t0) / BATCH;
}

function warm(c: Case): BenchResult {
  const clock = businessClock(c.spec);
  for (const start of c.starts) sink += clock.deadline(start, c.durationMs); // fill the day cache
  for (let s = 0; s < 20; s++) timeBatch(clock, c.starts, c.durationMs, s * BATCH); // let the JIT settle
  const perDeadline: number[] = [];
  for (let s = 0; s < SAMPLES; s++) perDeadline.push(timeBatch(clock, c.starts, c.durationMs, s * BATCH));
  const sorted = [...perDeadline].sort((a, b) => a - b);
  return {
    name: `deadline: ${c.name}`,
    value: median(perDeadline) / 1000,
    unit: 'µs',
    detail: `p10 ${(sorted[Math.floor(SAMPLES * 0.1)]! / 1000).toFixed(3)}, p90 ${(sorted[Math.floor(SAMPLES * 0.9)]! / 1000).toFixed(3)}; ${SAMPLES}×${BATCH}`,
  };
}

/** The first deadlines on a calendar never seen: every day walked is computed from zone rules. */
function cold(c: Case & { spec: CalendarSpec }): BenchResult {
  const perDeadline: number[] = [];
  for (let s = 0; s < 30; s++) {
    const fresh = businessClock({ ...c.spec, name: `${c.spec.name} cold ${s}` });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) sink += fresh.deadline(c.starts[i] as number, c.durationMs);
    perDeadline.push(Number(process.hrtime.bigint() - t0) / 100);
  }
  return { name: `deadline, cold calendar: ${c.name}`, value: median(perDeadline) / 1000, unit: 'µs', detail: '100 deadlines on a calendar seen for the first time' };
}

function lookup(): BenchResult {
  const json = JSON.stringify(officeHours('default', 'UTC', yearEnd));
  const copies = Array.from({ length: BATCH }, () => JSON.parse(json) as CalendarSpec);
  const perCall: number[] = [];
  for (let s = 0; s < 100; s++) {
    const t0 = process.hrtime.bigint();
    for (const copy of copies) sink += businessClock(copy).name.length;
    perCall.push(Number(process.hrtime.bigint() - t0) / BATCH);
    for (let i = 0; i < copies.length; i++) copies[i] = JSON.parse(json) as CalendarSpec; // fresh objects: no WeakMap hits
  }
  return { name: 'businessClock(deserialized copy of a spec)', value: median(perCall) / 1000, unit: 'µs', detail: 'memo lookup by content' };
}

export async function benchSlaClock(): Promise<BenchResult[]> {
  const utc = officeHours('bench-utc', 'UTC');
  const newYork = officeHours('bench-ny', 'America/New_York');
  const withHolidays = officeHours('bench-holidays', 'Europe/London', yearEnd);
  const cases: Case[] = [
    { name: 'around the clock, 4 h', spec: null, starts: starts('2026-01-01T00:00:00Z', 365 * DAY_MS, 1), durationMs: 4 * HOUR_MS },
    { name: 'UTC office hours, 4 business h', spec: utc, starts: starts('2026-01-01T00:00:00Z', 365 * DAY_MS, 2), durationMs: 4 * HOUR_MS },
    { name: 'UTC office hours, 24 business h', spec: utc, starts: starts('2026-01-01T00:00:00Z', 365 * DAY_MS, 3), durationMs: 24 * HOUR_MS },
    { name: 'New York office hours, 4 business h across 2026-03-08', spec: newYork, starts: starts('2026-03-04T00:00:00Z', 7 * DAY_MS, 4), durationMs: 4 * HOUR_MS },
    { name: 'New York office hours, 24 business h across 2026-11-01', spec: newYork, starts: starts('2026-10-26T00:00:00Z', 7 * DAY_MS, 5), durationMs: 24 * HOUR_MS },
    { name: 'London office hours with holidays, 30-day spans', spec: withHolidays, starts: starts('2026-11-15T00:00:00Z', 45 * DAY_MS, 6), durationMs: 21 * 8 * HOUR_MS },
  ];
  const results = cases.map(warm);
  results.push(cold({ ...cases[2]!, spec: utc }), cold({ ...cases[4]!, spec: newYork }), lookup());
  if (sink === 42) console.log(''); // keeps the results observable so no loop is optimised away
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchSlaClock());
}
