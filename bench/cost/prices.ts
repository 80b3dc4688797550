/**
 * AWS list prices for us-east-1 (each service's public pricing page, as of 2026-11), and every
 * assumption the cost table rests on that the simulated run does not count. Free tiers are
 * ignored, except EventBridge Scheduler's 14 million free invocations a month, which is not
 * a first-year offer but part of its price.
 *
 * What is assumed rather than counted: how long each invocation is billed (durations are not
 * measurable on a laptop), how many cold starts read the secret, the log lines the Lambda
 * platform and API Gateway add, and the month (30 days).
 */
import { TIMER_KINDS } from '../../shared/domain/timers/timer-name.ts';
import { RESOLVED_RETENTION_DAYS } from '../../shared/store/table-definition.ts';
import { ROUTE_GROUPS } from '../../infra/aws/route-groups.ts';

export const PRICE_SOURCE = 'AWS list prices, us-east-1, November 2026';

export const PRICES = {
  apiGatewayPerMillionRequests: 1.0,
  lambdaPerMillionRequests: 0.2,
  /** arm64, the architecture every function uses (infra/aws/app-function.ts). */
  lambdaPerGbSecond: 0.0000133334,
  dynamoPerMillionWriteUnits: 0.625,
  dynamoPerMillionReadUnits: 0.125,
  dynamoStoragePerGbMonth: 0.25,
  /** Continuous backups; the table has point-in-time recovery on (infra/aws/alert-table.ts). */
  dynamoPitrPerGbMonth: 0.2,
  schedulerPerMillionInvocations: 1.0,
  schedulerFreeInvocationsPerMonth: 14_000_000,
  sesPerThousandEmails: 0.1,
  secretPerMonth: 0.4,
  secretsPerTenThousandCalls: 0.05,
  alarmPerMonth: 0.1,
  logsIngestionPerGb: 0.5,
  logsStoragePerGbMonth: 0.03,
} as const;

export type FunctionKind = 'api' | 'timer' | 'sweeper' | 'report';

export interface FunctionAssumption {
  /** As infra/aws sets it (http-api.ts, scheduled-jobs.ts). */
  readonly memoryMb: number;
  /** Assumed billed duration per invocation: not counted. */
  readonly billedMs: number;
}

/** Functions on AWS: one per HTTP route group, one per timer kind, the sweeper and the report. */
const FUNCTION_COUNT = ROUTE_GROUPS.length + TIMER_KINDS.length + 2;
const DAYS_PER_MONTH = 30;

export const ASSUMPTIONS = {
  alertsPerMonth: 10_000,
  daysPerMonth: DAYS_PER_MONTH,
  functions: {
    api: { memoryMb: 512, billedMs: 100 },
    timer: { memoryMb: 512, billedMs: 100 },
    sweeper: { memoryMb: 512, billedMs: 100 },
    report: { memoryMb: 1024, billedMs: 1000 },
  } satisfies Record<FunctionKind, FunctionAssumption>,
  functionCount: FUNCTION_COUNT,
  /** One cold start per function per hour of the month, each reading the secret once. */
  coldStartsPerMonth: FUNCTION_COUNT * 24 * DAYS_PER_MONTH,
  /** infra/aws/alarms.ts: the dead-letter queue, and the errors of each function. */
  alarms: 1 + FUNCTION_COUNT,
  /** START, END and REPORT lines the Lambda platform writes per invocation. */
  platformLogBytesPerInvocation: 300,
  /** One access log line (CDK's default, common log format) per API Gateway request. */
  accessLogBytesPerRequest: 150,
  /** Every function's log group keeps three months (infra/aws/app-function.ts). */
  logRetentionMonths: 3,
  /** DynamoDB bills 100 bytes of overhead per item and per index entry. */
  storageOverheadBytes: 100,
  /** Resolved alerts expire this long after resolution (TTL). */
  retentionDays: RESOLVED_RETENTION_DAYS,
  /** Scheduler invokes a one-time schedule "within about a minute": uniformly 0 to 60 s late. */
  timerDelayMaxMs: 60_000,
} as const;
