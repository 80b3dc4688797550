/**
 * What sla-watch costs on AWS for 10,000 alerts a month, from operations counted in a
 * simulated run of the whole lifecycle rather than guessed.
 *
 * 200 Alertmanager alerts over two weekdays and a weekend (bench/cost/month-plan.ts) go through
 * the real HTTP app and use cases, DynamoAlertStore on dynalite and SesMailer on the SES
 * emulator, on a manual clock: deliveries and repeats, acknowledgment links followed from the
 * emails, API updates, resolutions, timers delivered as Scheduler would (bench-local, 0-60 s
 * late), the sweeper every check interval and the daily report. Every API request, Lambda
 * invocation, schedule created or deleted, email, Slack post, DynamoDB request and request
 * unit (table from ConsumedCapacity, indexes computed: bench/cost/dynamo-meter.ts) is
 * counted; the counts are scaled to 10,000 alerts a month with the sweeper and the report as
 * fixed monthly costs (bench/cost/monthly.ts) and priced at list prices (bench/cost/prices.ts).
 *
 * Prints the counts, then the README's cost table in markdown between marker lines.
 *
 * Run alone: npx tsx bench/cost.bench.ts [alerts] [--on-time]   (--on-time: timers delivered at their instant)
 */
import { pathToFileURL } from 'node:url';
import { HOUR_MS } from '../shared/domain/instant.ts';
import type { BenchResult } from './bench-result.ts';
import { printResults } from './bench-result.ts';
import { COST_SECRETS, costConfig } from './cost/bench-config.ts';
import { costLines, gbSeconds, logBytes, markdownCostTable, totalCost } from './cost/cost-table.ts';
import type { Counts } from './cost/counts.ts';
import { runLifecycle } from './cost/lifecycle.ts';
import { planMonth } from './cost/month-plan.ts';
import { estimateMonth, type MonthEstimate } from './cost/monthly.ts';
import { ASSUMPTIONS } from './cost/prices.ts';
import { seededRandom } from './cost/prng.ts';
import { INDEX_SHARDS } from '../shared/store/table-definition.ts';

const SEED = 20_261_127;
/** A Thursday: two weekdays, then the weekend. */
const START_AT = Date.parse('2026-03-05T00:00:00Z');
const TABLE_MARKER = '--- cost table (markdown) ---';

export interface CostRun {
  readonly results: BenchResult[];
  readonly markdown: string;
}

export async function runCost(alerts = 200, onTime = false): Promise<CostRun> {
  const config = costConfig();
  const plans = planMonth({ alerts, seed: SEED, startAt: START_AT, policies: config.policies });
  const endAt = Math.max(...plans.map((plan) => plan.resolveAt)) + HOUR_MS;
  const delays = seededRandom(SEED + 1);
  const started = performance.now();
  const result = await runLifecycle({
    config,
    plans,
    startAt: START_AT,
    endAt,
    timerDelayMs: () => (onTime ? 0 : Math.floor(delays.next() * ASSUMPTIONS.timerDelayMaxMs)),
    secrets: COST_SECRETS,
  });
  if (result.problems.length > 0) throw new Error(`the simulated month did not run cleanly:\n${result.problems.slice(0, 20).join('\n')}`);
  const seconds = (performance.now() - started) / 1000;
  const estimate = estimateMonth(result, config);
  const lines = costLines(estimate);
  const days = ((endAt - START_AT) / (24 * HOUR_MS)).toFixed(1);
  const run = `${alerts} alerts, seed ${SEED}, ${days} simulated days in ${seconds.toFixed(1)} s; timers ${onTime ? 'on time' : `0-${ASSUMPTIONS.timerDelayMaxMs / 1000} s late`}`;
  const total: BenchResult = { name: 'cost: total per month', value: round(totalCost(lines), 2), unit: 'USD', detail: `${estimate.alertsPerMonth.toLocaleString('en-US')} alerts` };
  return {
    results: [...perAlertResults(estimate, alerts, run), ...monthResults(estimate), total],
    markdown: markdownCostTable(estimate, lines, notes(estimate, alerts)),
  };
}

export async function benchCost(): Promise<BenchResult[]> {
  const { results, markdown } = await runCost();
  // The runner prints only results: the table is printed here, so `npm run bench` carries it too
  // (above the results there, below them when run alone).
  console.log(`${TABLE_MARKER}\n${markdown}\n${TABLE_MARKER}`);
  return results;
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

function perAlertResults(estimate: MonthEstimate, alerts: number, run: string): BenchResult[] {
  const a = estimate.perAlert;
  const line = (name: string, value: number, unit: string, detail?: string): BenchResult => ({ name: `per alert: ${name}`, value: round(value), unit, ...(detail === undefined ? {} : { detail }) });
  const routes = a.withPrefix('http.route.').map(([route, n]) => `${route} ${round(n, 2)}`).join(', ');
  const fired = a.withPrefix('timer.fired.').map(([kind, n]) => `${kind} ${round(n, 2)}`).join(', ');
  const indexes = a.withPrefix('ddb.wru.index.').map(([index, n]) => `${index} ${round(n, 1)}`).join(', ');
  const notified = a.withPrefix('notify.').map(([kind, n]) => `${kind} ${round(n, 2)}`).join(', ');
  const calls = a.withPrefix('ddb.call.').map(([call, n]) => `${call} ${round(n, 1)}`).join(', ');
  return [
    { name: 'cost: alerts simulated', value: alerts, unit: 'alerts', detail: run },
    line('API Gateway requests', a.get('http.requests'), 'requests', routes),
    line('Lambda invocations', a.get('lambda.api') + a.get('lambda.timer'), 'invocations', `API ${round(a.get('lambda.api'), 2)}, timers ${round(a.get('lambda.timer'), 2)}`),
    line('CreateSchedule', a.get('scheduler.create'), 'requests'),
    line('DeleteSchedule', a.get('scheduler.delete'), 'requests'),
    line('Scheduler invocations (timers)', a.get('lambda.timer'), 'invocations', fired),
    line('emails', a.get('ses.emails'), 'emails', `notifications: ${notified}; ${round(a.get('slack.posts'), 2)} Slack posts too`),
    line('DynamoDB requests', a.get('ddb.requests'), 'requests', calls),
    line('DynamoDB RRU, table', a.get('ddb.rru.table'), 'RRU'),
    line('DynamoDB RRU, indexes', a.get('ddb.rru.index'), 'RRU', 'queries of the sweeper and the report beyond their empty runs'),
    line('DynamoDB WRU, table', a.get('ddb.wru.table'), 'WRU', `${round(a.get('ddb.conditionFailures'), 2)} failed conditional writes`),
    line('DynamoDB WRU, indexes', a.get('ddb.wru.index'), 'WRU', indexes),
    line('log bytes', logBytes(a), 'bytes', `app JSON lines ${round(a.get('logs.bytes'), 0)}, platform and access log assumed`),
  ];
}

function monthResults(estimate: MonthEstimate): BenchResult[] {
  const m = estimate.month;
  const line = (name: string, value: number, unit: string, detail?: string): BenchResult => ({ name: `per month: ${name}`, value: round(value, 1), unit, ...(detail === undefined ? {} : { detail }) });
  const fixed = (counts: Counts) => `${round(counts.get('ddb.rru.index'), 2)} RRU, ${round(counts.get('ses.emails'), 1)} emails, ${round(counts.get('logs.bytes'), 0)} log bytes each`;
  return [
    line('sweeper runs', estimate.sweepsPerMonth, 'runs', `fixed; an empty run: ${fixed(estimate.emptySweep)}`),
    line('report runs', estimate.reportsPerMonth, 'runs', `fixed; over a day without alerts: ${fixed(estimate.emptyReport)}`),
    line('API Gateway requests', m.get('http.requests'), 'requests'),
    line('Lambda invocations', m.get('lambda.api') + m.get('lambda.timer') + m.get('lambda.sweeper') + m.get('lambda.report'), 'invocations'),
    line('Lambda compute', gbSeconds(m), 'GB-s', 'assumed billed durations (bench/cost/prices.ts)'),
    line('CreateSchedule + DeleteSchedule', m.get('scheduler.create') + m.get('scheduler.delete'), 'requests', 'not billed'),
    line('Scheduler invocations', m.get('scheduler.invocations'), 'invocations', '14 million free'),
    line('emails', m.get('ses.emails'), 'emails'),
    line('DynamoDB RRU', m.get('ddb.rru.table') + m.get('ddb.rru.index'), 'RRU'),
    line('DynamoDB WRU', m.get('ddb.wru.table') + m.get('ddb.wru.index'), 'WRU', `table ${Math.round(m.get('ddb.wru.table')).toLocaleString('en-US')}, indexes ${Math.round(m.get('ddb.wru.index')).toLocaleString('en-US')}`),
    line('DynamoDB storage', (estimate.storage.tableBytes + estimate.storage.indexBytes) / 1024 ** 3, 'GB', `steady state; mean alert item ${Math.round(estimate.storage.meanItemBytes)} bytes`),
    line('log ingestion', logBytes(m) / 1024 ** 3, 'GB'),
  ];
}

function notes(estimate: MonthEstimate, alerts: number): string[] {
  const a = estimate.perAlert;
  const r = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const f = ASSUMPTIONS.functions;
  return [
    `Counted, not guessed: \`npm run bench -- cost\` runs ${alerts} Alertmanager alerts (two weekdays and a weekend, 10% critical, 30% high, 40% medium, 20% low; half acknowledged from the email link in time, a quarter late, some by API, some updated) through the real HTTP app, use cases, DynamoDB store (dynalite) and SES mailer (emulator) on a simulated clock, counts every request, invocation, schedule, email and request unit, and scales to ${estimate.alertsPerMonth.toLocaleString('en-US')} alerts. The sweeper (${estimate.sweepsPerMonth.toLocaleString('en-US')} runs) and the daily report (${estimate.reportsPerMonth} runs) are fixed monthly costs.`,
    `Per alert: ${r(a.get('http.requests'))} API requests, ${r(a.get('lambda.api') + a.get('lambda.timer'))} Lambda invocations, ${r(a.get('scheduler.create'))} CreateSchedule and ${r(a.get('scheduler.delete'))} DeleteSchedule, ${r(a.get('lambda.timer'))} timer invocations, ${r(a.get('ses.emails'))} emails, ${r(a.get('ddb.wru.table'))} write units on the table and ${r(a.get('ddb.wru.index'))} on its indexes, ${r(a.get('ddb.rru.table') + a.get('ddb.rru.index'))} read units.`,
    `Table units are the ConsumedCapacity DynamoDB's protocol reports (dynalite applies DynamoDB's size rules); index write units are computed from the items written, per DynamoDB's rules: every index holds keys (by-created also status and priority, open an open alert's view, by-day a settled alert's report view, the due index a local timer's payload, outbox its next delivery's instant), so an alert costs by-day a unit when it arrives and its view's units when it settles, by-created one more per change of status, open one in and one out, the due index one per entry (two when the timer moves) and outbox two each time its next delivery's instant moves. The indexes are sharded ${INDEX_SHARDS} ways: a query of one reads every shard, at DynamoDB's minimum of half a unit each when it finds nothing (the sweeper's empty run: ${r(estimate.emptySweep.get('ddb.rru.index'))} units), and listings read the alerts themselves by key.`,
    `Assumed: billed ${r(f.api.billedMs)} ms per invocation (the report ${r(f.report.billedMs)} ms) at the memory the stack sets (${r(f.api.memoryMb)} MB, the report ${r(f.report.memoryMb)} MB), arm64; timers delivered 0-${ASSUMPTIONS.timerDelayMaxMs / 1000} s after their instant; one cold start per function per hour (${ASSUMPTIONS.coldStartsPerMonth.toLocaleString('en-US')} secret reads); ${ASSUMPTIONS.alarms} alarms as infra/aws/alarms.ts creates; ${ASSUMPTIONS.platformLogBytesPerInvocation} bytes of platform log lines per invocation and ${ASSUMPTIONS.accessLogBytesPerRequest} of access log per request; a 30-day month; storage at steady state (resolved alerts kept ${ASSUMPTIONS.retentionDays} days).`,
    'The default policy and routing: one on-call address per priority, the manager added on critical and high acknowledgment breaches, email and Slack for every notification. Email is billed per recipient, so it grows with each address added.',
    'Free tiers ignored except EventBridge Scheduler\'s 14 million invocations a month (part of its price). Not shown: data transfer, the dead-letter queue (empty when healthy), KMS (AWS-managed keys).',
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const alerts = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 200);
  const { results, markdown } = await runCost(alerts, args.includes('--on-time'));
  printResults(results);
  console.log(`\n${TABLE_MARKER}\n${markdown}\n${TABLE_MARKER}`);
}
