/**
 * One measured number of a benchmark, and the helpers every benchmark shares to summarise
 * samples and print a table. Benchmarks return results rather than print them, so a runner
 * can collect several into one report.
 */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly detail?: string;
}

/** The q-quantile (0..1) of ascending `sorted` samples, by nearest rank; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

/** The median of unsorted samples. */
export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 0.5);
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}

/** Prints results as an aligned text table on stdout. */
export function printResults(results: readonly BenchResult[]): void {
  const rows = results.map((r) => [r.name, formatValue(r.value), r.unit, r.detail ?? '']);
  const header = ['benchmark', 'value', 'unit', 'detail'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number))).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}
