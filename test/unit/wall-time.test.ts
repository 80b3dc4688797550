import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS, toIso } from '../../shared/domain/instant.ts';
import { resolveWallTime, zoneOffsets } from '../../shared/domain/calendar/wall-time.ts';

const wall = (date: string, time: string): number =>
  Date.parse(`${date}T00:00:00Z`) + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * MINUTE_MS;

describe('resolveWallTime', () => {
  it.each([
    { name: 'an ordinary New York time', zone: 'America/New_York', date: '2026-07-01', time: '09:00', instant: '2026-07-01T13:00:00.000Z' },
    { name: 'New York 02:30 in the spring gap moves to 03:30 EDT', zone: 'America/New_York', date: '2026-03-08', time: '02:30', instant: '2026-03-08T07:30:00.000Z' },
    { name: 'New York 01:30 on fall-back day is the first, EDT', zone: 'America/New_York', date: '2026-11-01', time: '01:30', instant: '2026-11-01T05:30:00.000Z' },
    { name: 'London 01:30 in the spring gap moves to 02:30 BST', zone: 'Europe/London', date: '2026-03-29', time: '01:30', instant: '2026-03-29T01:30:00.000Z' },
    { name: 'London 01:30 on fall-back day is the first, BST', zone: 'Europe/London', date: '2026-10-25', time: '01:30', instant: '2026-10-25T00:30:00.000Z' },
    { name: 'Lord Howe 01:45 in the 30-min overlap is the first, +11', zone: 'Australia/Lord_Howe', date: '2026-04-05', time: '01:45', instant: '2026-04-04T14:45:00.000Z' },
    { name: 'Lord Howe 02:15 in the 30-min gap moves to 02:45', zone: 'Australia/Lord_Howe', date: '2026-10-04', time: '02:15', instant: '2026-10-03T15:45:00.000Z' },
    { name: 'Santiago midnight in the gap moves to 01:00', zone: 'America/Santiago', date: '2026-09-06', time: '00:00', instant: '2026-09-06T04:00:00.000Z' },
    { name: 'Santiago 23:30 before a midnight fall back is the first', zone: 'America/Santiago', date: '2026-04-04', time: '23:30', instant: '2026-04-05T02:30:00.000Z' },
  ])('$name', ({ zone, date, time, instant }) => {
    expect(toIso(resolveWallTime(zoneOffsets(zone), wall(date, time)))).toBe(instant);
  });

  it('corrects luxon, which takes the second occurrence of an ambiguous New York time', () => {
    // Pinned because the correction exists for it: if luxon changes, this says so.
    const luxon = DateTime.fromObject({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, { zone: 'America/New_York' });
    expect(luxon.toMillis()).toBe(Date.parse('2026-11-01T06:30:00Z'));
    expect(resolveWallTime(zoneOffsets('America/New_York'), wall('2026-11-01', '01:30'))).toBe(Date.parse('2026-11-01T05:30:00Z'));
  });

  it('treats UTC as a zone without offset changes', () => {
    expect(resolveWallTime(zoneOffsets('UTC'), 20_000 * DAY_MS)).toBe(20_000 * DAY_MS);
    expect(resolveWallTime(zoneOffsets('Etc/UTC'), 20_000 * DAY_MS)).toBe(20_000 * DAY_MS);
  });
});
