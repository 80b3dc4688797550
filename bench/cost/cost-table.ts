/**
 * The month's counts priced (prices.ts), as lines of a cost table and as the markdown the
 * README carries: one line per billed dimension, its quantity for the month, the list price
 * and the cost, then the total and the assumptions behind it.
 */
import type { Counts } from './counts.ts';
import type { MonthEstimate } from './monthly.ts';
import { ASSUMPTIONS, PRICE_SOURCE, PRICES, type FunctionKind } from './prices.ts';

export interface CostLine {
  readonly service: string;
  readonly billed: string;
  readonly quantity: number;
  readonly unit: string;
  readonly price: string;
  readonly cost: number;
}

const GB = 1024 ** 3;
const KINDS: readonly FunctionKind[] = ['api', 'timer', 'sweeper', 'report'];

const lambdaInvocations = (counts: Counts): number => KINDS.reduce((sum, kind) => sum + counts.get(`lambda.${kind}`), 0);

export function gbSeconds(counts: Counts): number {
  return KINDS.reduce((sum, kind) => {
    const { memoryMb, billedMs } = ASSUMPTIONS.functions[kind];
    return sum + counts.get(`lambda.${kind}`) * (memoryMb / 1024) * (billedMs / 1000);
  }, 0);
}

/** Bytes shipped to CloudWatch Logs: the app's JSON lines, the platform's lines, the access log. */
export function logBytes(counts: Counts): number {
  return (
    counts.get('logs.bytes') +
    lambdaInvocations(counts) * ASSUMPTIONS.platformLogBytesPerInvocation +
    counts.get('http.requests') * ASSUMPTIONS.accessLogBytesPerRequest
  );
}

const perMillion = (quantity: number, price: number): number => (quantity / 1e6) * price;

export function costLines(estimate: MonthEstimate): CostLine[] {
  const { month, storage } = estimate;
  const wru = month.get('ddb.wru.table') + month.get('ddb.wru.index');
  const rru = month.get('ddb.rru.table') + month.get('ddb.rru.index');
  const scheduler = month.get('scheduler.invocations');
  const logsGb = logBytes(month) / GB;
  const keptGb = (storage.tableBytes + storage.indexBytes) / GB;
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  return [
    { service: 'API Gateway (HTTP API)', billed: 'requests', quantity: month.get('http.requests'), unit: '', price: '$1.00 per million', cost: perMillion(month.get('http.requests'), PRICES.apiGatewayPerMillionRequests) },
    { service: 'Lambda', billed: 'requests', quantity: lambdaInvocations(month), unit: '', price: '$0.20 per million', cost: perMillion(lambdaInvocations(month), PRICES.lambdaPerMillionRequests) },
    { service: 'Lambda', billed: 'compute, arm64', quantity: gbSeconds(month), unit: 'GB-s', price: '$0.0000133334 per GB-s', cost: gbSeconds(month) * PRICES.lambdaPerGbSecond },
    {
      service: 'DynamoDB (on demand)',
      billed: `write request units (table ${n(month.get('ddb.wru.table'))} + indexes ${n(month.get('ddb.wru.index'))})`,
      quantity: wru,
      unit: '',
      price: '$0.625 per million',
      cost: perMillion(wru, PRICES.dynamoPerMillionWriteUnits),
    },
    {
      service: 'DynamoDB (on demand)',
      billed: `read request units (table ${n(month.get('ddb.rru.table'))} + indexes ${n(month.get('ddb.rru.index'))})`,
      quantity: rru,
      unit: '',
      price: '$0.125 per million',
      cost: perMillion(rru, PRICES.dynamoPerMillionReadUnits),
    },
    { service: 'DynamoDB', billed: `storage, table and indexes (${n(storage.alertsKept)} alerts kept)`, quantity: keptGb, unit: 'GB', price: '$0.25 per GB-month', cost: keptGb * PRICES.dynamoStoragePerGbMonth },
    { service: 'DynamoDB', billed: 'point-in-time recovery (table)', quantity: storage.tableBytes / GB, unit: 'GB', price: '$0.20 per GB-month', cost: (storage.tableBytes / GB) * PRICES.dynamoPitrPerGbMonth },
    {
      service: 'EventBridge Scheduler',
      billed: `invocations (timers ${n(month.get('lambda.timer'))}, sweeper ${n(month.get('lambda.sweeper'))}, report ${n(month.get('lambda.report'))})`,
      quantity: scheduler,
      unit: '',
      price: '$1.00 per million after 14 million free',
      cost: perMillion(Math.max(0, scheduler - PRICES.schedulerFreeInvocationsPerMonth), PRICES.schedulerPerMillionInvocations),
    },
    { service: 'SES', billed: 'emails (one per recipient)', quantity: month.get('ses.emails'), unit: '', price: '$0.10 per 1,000', cost: (month.get('ses.emails') / 1000) * PRICES.sesPerThousandEmails },
    { service: 'Secrets Manager', billed: 'secret', quantity: 1, unit: '', price: '$0.40 per secret-month', cost: PRICES.secretPerMonth },
    {
      service: 'Secrets Manager',
      billed: 'GetSecretValue, one per cold start (assumed)',
      quantity: ASSUMPTIONS.coldStartsPerMonth,
      unit: '',
      price: '$0.05 per 10,000',
      cost: (ASSUMPTIONS.coldStartsPerMonth / 10_000) * PRICES.secretsPerTenThousandCalls,
    },
    { service: 'CloudWatch', billed: 'alarms', quantity: ASSUMPTIONS.alarms, unit: '', price: '$0.10 per alarm-month', cost: ASSUMPTIONS.alarms * PRICES.alarmPerMonth },
    { service: 'CloudWatch Logs', billed: 'ingestion', quantity: logsGb, unit: 'GB', price: '$0.50 per GB', cost: logsGb * PRICES.logsIngestionPerGb },
    {
      service: 'CloudWatch Logs',
      billed: `storage (${ASSUMPTIONS.logRetentionMonths} months kept, uncompressed)`,
      quantity: logsGb * ASSUMPTIONS.logRetentionMonths,
      unit: 'GB',
      price: '$0.03 per GB-month',
      cost: logsGb * ASSUMPTIONS.logRetentionMonths * PRICES.logsStoragePerGbMonth,
    },
  ];
}

export function totalCost(lines: readonly CostLine[]): number {
  return lines.reduce((sum, line) => sum + line.cost, 0);
}

export function formatDollars(amount: number): string {
  if (amount > 0 && amount < 0.005) return '< $0.01';
  return `$${amount.toFixed(2)}`;
}

function formatQuantity(line: CostLine): string {
  const digits = line.unit === '' ? 0 : line.quantity < 10 ? 2 : 0;
  const value = line.quantity.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return line.unit === '' ? value : `${value} ${line.unit}`;
}

export function markdownCostTable(estimate: MonthEstimate, lines: readonly CostLine[], notes: readonly string[]): string {
  const rows = lines.map((line) => `| ${line.service} | ${line.billed} | ${formatQuantity(line)} | ${line.price} | ${formatDollars(line.cost)} |`);
  return [
    `| Service | Billed for | ${estimate.alertsPerMonth.toLocaleString('en-US')} alerts a month | Price (${PRICE_SOURCE}) | Per month |`,
    '|---|---|--:|---|--:|',
    ...rows,
    `| **Total** | | | | **${formatDollars(totalCost(lines))}** |`,
    '',
    ...notes.map((note) => `- ${note}`),
  ].join('\n');
}
