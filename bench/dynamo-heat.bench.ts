/**
 * `npm run bench -- dynamo-heat`: how many new alerts a second (a storm) and how many whole
 * alert lifecycles a second the table's indexes sustain on DynamoDB, before and after
 * sharding, from the same counted operations as the cost benchmark.
 *
 * The cost run's 200 alerts (bench/cost: the real HTTP app, use cases and DynamoDB store on
 * dynalite, on a simulated clock) record every item write; the partition-heat model
 * (bench/heat/partition-heat.ts) charges them to index partitions under four table shapes
 * and lays them onto 100,000 alert ids, each in the shard its id hashes to:
 * - before: one partition per key (`ALERT`, `OPEN`, one per day), `by-day`, `by-created` and
 *   `open` copying the whole item;
 * - sharded only: 16 shards, the same projections;
 * - narrowed only: one partition per key, keys-only projections;
 * - after: 16 shards and narrowed projections (table-definition.ts).
 * Reads are checked too: every reader queries every shard, so a partition takes its share.
 *
 * Prints the numbers, then the README's table in markdown between marker lines.
 */
import { HOUR_MS } from '../shared/domain/instant.ts';
import { BY_CREATED_INDEX, BY_DAY_INDEX, DUE_INDEX, GLOBAL_SECONDARY_INDEXES, INDEX_SHARDS, OPEN_INDEX, type IndexDefinition } from '../shared/store/table-definition.ts';
import type { BenchResult } from './bench-result.ts';
import { COST_SECRETS, costConfig } from './cost/bench-config.ts';
import { runLifecycle } from './cost/lifecycle.ts';
import { planMonth } from './cost/month-plan.ts';
import { estimateMonth } from './cost/monthly.ts';
import { ASSUMPTIONS } from './cost/prices.ts';
import { seededRandom } from './cost/prng.ts';
import { heat, PARTITION_READ_UNITS_PER_SECOND, profiles, type HeatResult, type TableShape } from './heat/partition-heat.ts';

const SEED = 20_261_127;
const START_AT = Date.parse('2026-03-05T00:00:00Z');
const ALERTS = 200;
const REPLAY_ALERTS = 100_000;
const TABLE_MARKER = '--- heat table (markdown) ---';

const whole = (index: IndexDefinition): IndexDefinition => ({ ...index, projection: 'ALL' });
/** The indexes as they were before: by-day, by-created and open copied whole items. */
const WHOLE_ITEM_INDEXES = [whole(BY_DAY_INDEX), DUE_INDEX, whole(BY_CREATED_INDEX), whole(OPEN_INDEX)];

const SHAPES: readonly TableShape[] = [
  { name: 'before: unsharded, whole-item projections', shards: 1, indexes: WHOLE_ITEM_INDEXES },
  { name: `sharded only: ${INDEX_SHARDS} shards, whole-item projections`, shards: INDEX_SHARDS, indexes: WHOLE_ITEM_INDEXES },
  { name: 'narrowed only: unsharded, keys-only projections', shards: 1, indexes: GLOBAL_SECONDARY_INDEXES },
  { name: `after: ${INDEX_SHARDS} shards, keys-only projections`, shards: INDEX_SHARDS, indexes: GLOBAL_SECONDARY_INDEXES },
];

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
const whole0 = (value: number): string => Math.floor(value).toLocaleString('en-US');

export async function benchDynamoHeat(): Promise<BenchResult[]> {
  const config = costConfig();
  const plans = planMonth({ alerts: ALERTS, seed: SEED, startAt: START_AT, policies: config.policies });
  const endAt = Math.max(...plans.map((plan) => plan.resolveAt)) + HOUR_MS;
  const delays = seededRandom(SEED + 1);
  const result = await runLifecycle({
    config,
    plans,
    startAt: START_AT,
    endAt,
    timerDelayMs: () => Math.floor(delays.next() * ASSUMPTIONS.timerDelayMaxMs),
    secrets: COST_SECRETS,
  });
  if (result.problems.length > 0) throw new Error(`the simulated alerts did not run cleanly:\n${result.problems.slice(0, 20).join('\n')}`);
  const estimate = estimateMonth(result, config);
  const perAlert = estimate.perAlert;

  const rows: { shape: TableShape; storm: HeatResult; life: HeatResult }[] = SHAPES.map((shape) => ({
    shape,
    storm: heat(shape, profiles(result.writes, shape, (write, id) => write.at === result.firstDeliveries.get(id)), REPLAY_ALERTS),
    life: heat(shape, profiles(result.writes, shape, () => true), REPLAY_ALERTS),
  }));

  const results: BenchResult[] = [
    { name: 'heat: alerts replayed', value: REPLAY_ALERTS, unit: 'alerts', detail: `profiles of ${ALERTS} simulated alerts (seed ${SEED}), ${result.writes.length.toLocaleString('en-US')} item writes` },
  ];
  for (const { shape, storm, life } of rows) {
    const detail = (heatResult: HeatResult) =>
      `limited by ${heatResult.bottleneck}; ${round(heatResult.unitsPerAlert)} index WRU per alert (${heatResult.perIndex.map((i) => `${i.index} ${round(i.unitsPerAlert)}`).join(', ')})`;
    results.push(
      { name: `heat: ${shape.name}: new alerts/s`, value: Math.floor(storm.sustainable), unit: 'alerts/s', detail: detail(storm) },
      { name: `heat: ${shape.name}: lifecycles/s`, value: Math.floor(life.sustainable), unit: 'lifecycles/s', detail: detail(life) },
    );
  }
  // Reads: the indexes hold keys only, so a query page of a shard holds about 70 entries per
  // half unit, and every reader queries each shard: what an alert adds is lost in the minimum
  // each query costs. A partition's reads are that minimum, a few times a minute.
  const indexReads = GLOBAL_SECONDARY_INDEXES.map((index) => `${index.indexName} ${round(perAlert.get(`ddb.rru.index.${index.indexName}`), 2)}`).join(', ');
  results.push(
    { name: 'heat: after: index RRU per alert', value: round(perAlert.get('ddb.rru.index'), 2), unit: 'RRU', detail: `beyond each query's minimum (${indexReads}); the alerts are read from the table by key` },
    {
      name: 'heat: after: index RRU per empty sweep',
      value: round(estimate.emptySweep.get('ddb.rru.index'), 2),
      unit: 'RRU',
      detail: `${INDEX_SHARDS} shard queries at the minimum, every check interval: ${round(estimate.emptySweep.get('ddb.rru.index') / INDEX_SHARDS / config.monitoring.checkIntervalSeconds, 4)} RRU/s per partition of ${PARTITION_READ_UNITS_PER_SECOND.toLocaleString('en-US')}`,
    },
  );

  const markdown = [
    '| table shape | index write units per new alert | new alerts/s | index write units per lifecycle | lifecycles/s | limited by |',
    '|---|--:|--:|--:|--:|---|',
    ...rows.map(({ shape, storm, life }) => `| ${shape.name} | ${round(storm.unitsPerAlert)} | ${whole0(storm.sustainable)} | ${round(life.unitsPerAlert)} | ${whole0(life.sustainable)} | ${storm.bottleneck} (storm), ${life.bottleneck} (lifecycles) |`),
  ].join('\n');
  console.log(`${TABLE_MARKER}\n${markdown}\n${TABLE_MARKER}`);
  return results;
}
