/**
 * `npm run bench`: every benchmark of sla-watch, one after the other, printed as one table.
 * Name some to run only those: `npm run bench -- sla-clock intake-storm`.
 */
import type { BenchResult } from './bench-result.ts';
import { printResults } from './bench-result.ts';

const BENCHMARKS: Record<string, () => Promise<BenchResult[]>> = {
  'sla-clock': async () => (await import('./sla-clock.bench.ts')).benchSlaClock(),
  'intake-storm': async () => (await import('./intake-storm.bench.ts')).benchIntakeStorm(),
  'timer-burst': async () => (await import('./timer-burst.bench.ts')).benchTimerBurst(),
  'delivery-storm': async () => (await import('./delivery-storm.bench.ts')).benchDeliveryStorm(),
  report: async () => (await import('./report.bench.ts')).benchReport(),
  memory: async () => (await import('./memory.bench.ts')).benchMemory(),
  bundles: async () => (await import('./bundles.bench.ts')).benchBundles(),
  cost: async () => (await import('./cost.bench.ts')).benchCost(),
  'dynamo-heat': async () => (await import('./dynamo-heat.bench.ts')).benchDynamoHeat(),
  metrics: async () => (await import('./metrics.bench.ts')).benchMetrics(),
  console: async () => (await import('./console.bench.ts')).benchConsole(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(1);
}

const results: BenchResult[] = [];
for (const [name, bench] of Object.entries(BENCHMARKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.error(`running ${name}...`);
  const started = Date.now();
  const own = await bench();
  console.error(`  ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  printResults(own);
  console.log('');
  results.push(...own);
}

if (Object.keys(BENCHMARKS).filter((name) => wanted.length === 0 || wanted.includes(name)).length > 1) {
  console.log('all results');
  printResults(results);
}
