/** ReportRollups in memory, for use-case tests; counts puts so tests can see reuse. */
import type { DayRollup } from '../../shared/domain/report/day-rollup.ts';
import type { ReportRollups } from '../../shared/ports/report-rollups.ts';

export class InMemoryReportRollups implements ReportRollups {
  private readonly rollups = new Map<string, DayRollup>();
  puts = 0;

  async get(timezone: string, dates: readonly string[]): Promise<ReadonlyMap<string, DayRollup>> {
    const found = new Map<string, DayRollup>();
    for (const date of dates) {
      const rollup = this.rollups.get(`${timezone}#${date}`);
      if (rollup !== undefined) found.set(date, structuredClone(rollup));
    }
    return found;
  }

  async put(rollup: DayRollup): Promise<void> {
    this.puts += 1;
    this.rollups.set(`${rollup.timezone}#${rollup.date}`, structuredClone(rollup));
  }
}
