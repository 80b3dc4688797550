/**
 * A brute-force business-time stepper for the property tests, written independently of the
 * implementation: it reads the local wall time of every minute of a span with Intl (no luxon,
 * no offset arithmetic), resolves a window edge by looking its wall time up in that table (the
 * first minute showing it when ambiguous; inside a gap, the offset in force before the gap),
 * and marks business minutes one by one.
 */
import { WEEKDAYS, type CalendarSpec, type WeekdayName } from '../../shared/domain/calendar/calendar-spec.ts';

export const MIN = 60_000;
export const DAY_MIN = 1440;
export const COVERED_DAYS = 5; // local days each side of a scenario's centre that the stepper covers

export interface Scenario {
  readonly zone: string;
  readonly centre: string; // a local date, usually a DST change
}

export const scenarios: Scenario[] = [
  { zone: 'UTC', centre: '2026-11-30' },
  { zone: 'America/New_York', centre: '2026-03-08' },
  { zone: 'America/New_York', centre: '2026-11-01' },
  { zone: 'Europe/London', centre: '2026-03-29' },
  { zone: 'Europe/London', centre: '2026-10-25' },
  { zone: 'Australia/Lord_Howe', centre: '2026-04-05' },
  { zone: 'Australia/Lord_Howe', centre: '2026-10-04' },
  { zone: 'America/Santiago', centre: '2026-04-05' },
  { zone: 'America/Santiago', centre: '2026-09-06' },
  { zone: 'Pacific/Chatham', centre: '2026-09-27' },
  { zone: 'Asia/Kolkata', centre: '2026-06-01' },
  { zone: 'Pacific/Kiritimati', centre: '2026-06-01' },
];

/** Local wall time of every minute of a span, and which minutes a calendar makes business time. */
export class MinuteTable {
  readonly firstAt: number;
  readonly walls: number[] = []; // local wall time of minute i, in minutes since 1970-01-01 local
  private readonly firstIndexOfWall = new Map<number, number>();
  readonly centreDay: number;

  constructor(readonly scenario: Scenario) {
    this.centreDay = Date.parse(`${scenario.centre}T00:00:00Z`) / (DAY_MIN * MIN);
    this.firstAt = (this.centreDay - COVERED_DAYS - 2) * DAY_MIN * MIN;
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: scenario.zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    const minutes = (2 * COVERED_DAYS + 4) * DAY_MIN;
    for (let i = 0; i < minutes; i++) {
      const parts = Object.fromEntries(format.formatToParts(new Date(this.firstAt + i * MIN)).map((p) => [p.type, p.value]));
      const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) / MIN;
      this.walls.push(wall);
      if (!this.firstIndexOfWall.has(wall)) this.firstIndexOfWall.set(wall, i);
    }
  }

  /** Minute index of a wall time, by lookup; inside a gap, read with the offset before it. */
  resolve(wall: number): number {
    const found = this.firstIndexOfWall.get(wall);
    if (found !== undefined) return found;
    for (let i = 1; i < this.walls.length; i++) {
      const before = this.walls[i - 1] as number;
      if (before < wall && wall < (this.walls[i] as number)) return i - 1 + (wall - before);
    }
    throw new Error(`wall time ${wall} outside the table`);
  }

  /** business[i]: minute i is business time; cover: the minute indices the stepper vouches for. */
  business(spec: CalendarSpec): { business: boolean[]; coverFrom: number; coverTo: number } {
    const business = new Array<boolean>(this.walls.length).fill(false);
    const holidays = new Set(spec.holidays);
    const firstDay = this.centreDay - COVERED_DAYS;
    const lastDay = this.centreDay + COVERED_DAYS;
    for (let day = firstDay; day <= lastDay; day++) {
      const date = new Date(day * DAY_MIN * MIN);
      if (holidays.has(date.toISOString().slice(0, 10))) continue;
      const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7] as WeekdayName;
      for (const window of spec.windows[weekday] ?? []) {
        const from = this.resolve(day * DAY_MIN + hhmm(window.start));
        const to = this.resolve(day * DAY_MIN + hhmm(window.end));
        for (let i = from; i < to; i++) business[i] = true;
      }
    }
    return { business, coverFrom: this.resolve(firstDay * DAY_MIN), coverTo: this.resolve((lastDay + 1) * DAY_MIN) };
  }

  atOf(index: number): number {
    return this.firstAt + index * MIN;
  }
}

const hhmm = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
export const text = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const tables = new Map<Scenario, MinuteTable>();
export const tableOf = (scenario: Scenario): MinuteTable => {
  let table = tables.get(scenario);
  if (table === undefined) tables.set(scenario, (table = new MinuteTable(scenario)));
  return table;
};
