/**
 * The process environment, read here and nowhere else (eslint enforces it), into typed
 * settings. Everything else receives these values as arguments, so tests pass their own.
 *
 * Variables:
 * - `SLA_WATCH_CONFIG`: path of the configuration file (default `sla-watch.yml` in the working
 *   directory; see load-config.ts).
 * - `LOG_LEVEL`: `debug | info | warn | error` (default `info`).
 * - any variable a configuration file names with `secret_env` / `key_env` (in `variables`).
 * - on AWS, the `AWS_VARIABLES` below, set on every function by the CDK stack (infra/aws), which
 *   imports these names so the two never drift; `readAwsEnvironment` checks them all at once.
 *
 * Add a variable by adding a typed field to `Environment` (or `AwsEnvironment`) and reading it
 * in `readEnvironment` (or `readAwsEnvironment`).
 */
import type { TimerKind } from '../domain/alert/alert.ts';
import { ConfigError } from '../errors.ts';
import type { LogLevel } from '../ports/logger.ts';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

type Source = Readonly<Record<string, string | undefined>>;

export interface Environment {
  /** SLA_WATCH_CONFIG, when set and not empty. */
  readonly configPath: string | undefined;
  /** LOG_LEVEL; an unknown value falls back to `info` rather than silencing the logs. */
  readonly logLevel: LogLevel;
  /** A copy of every variable, for the secrets a configuration file names by variable. */
  readonly variables: Readonly<Record<string, string | undefined>>;
}

export function readEnvironment(source: Source = process.env): Environment {
  const variables = Object.freeze({ ...source });
  const configPath = variables['SLA_WATCH_CONFIG'];
  const logLevel = variables['LOG_LEVEL']?.trim().toLowerCase();
  return {
    configPath: configPath === undefined || configPath === '' ? undefined : configPath,
    logLevel: LOG_LEVELS.find((level) => level === logLevel) ?? 'info',
    variables,
  };
}

/** The names of the variables the CDK stack sets on every Lambda function. */
export const AWS_VARIABLES = {
  tableName: 'SLA_WATCH_TABLE',
  scheduleGroup: 'SLA_WATCH_SCHEDULE_GROUP',
  atRiskFunctionArn: 'SLA_WATCH_AT_RISK_FUNCTION_ARN',
  breachFunctionArn: 'SLA_WATCH_BREACH_FUNCTION_ARN',
  reminderFunctionArn: 'SLA_WATCH_REMINDER_FUNCTION_ARN',
  schedulerRoleArn: 'SLA_WATCH_SCHEDULER_ROLE_ARN',
  deadLetterQueueArn: 'SLA_WATCH_DLQ_ARN',
  secretArn: 'SLA_WATCH_SECRET_ARN',
  sesFrom: 'SLA_WATCH_SES_FROM',
  sesConfigurationSet: 'SLA_WATCH_SES_CONFIGURATION_SET',
  baseUrl: 'SLA_WATCH_BASE_URL',
  metricsNamespace: 'SLA_WATCH_METRICS_NAMESPACE',
  deliveryQueueUrl: 'SLA_WATCH_DELIVERY_QUEUE_URL',
} as const;

/** Where a Lambda function finds the resources of its stack. No secret is ever in here. */
export interface AwsEnvironment {
  /** The one DynamoDB table (shared/store/table-definition.ts). */
  readonly tableName: string;
  /** The EventBridge Scheduler group holding one schedule per pending timer. */
  readonly scheduleGroup: string;
  /** The function each kind of timer invokes. */
  readonly timerTargets: Readonly<Record<TimerKind, string>>;
  /** The role Scheduler assumes to invoke the timer functions. */
  readonly schedulerRoleArn: string;
  /** The SQS queue for timer deliveries and executions that failed for good. */
  readonly deadLetterQueueArn: string;
  /** The Secrets Manager secret (a JSON object) with the link-signing secret and the file's `*_env` secrets. */
  readonly secretArn: string;
  /** Sender of every email, verified in SES. */
  readonly sesFrom: string;
  /** SES configuration set for sending events, when one is configured. */
  readonly sesConfigurationSet: string | undefined;
  /** The HTTP API's URL, used for links when the configuration file sets no `links.base_url`. */
  readonly baseUrl: string | undefined;
  /** The CloudWatch namespace of the business metrics (`sla-watch/<stack>`). */
  readonly metricsNamespace: string;
  /** The SQS queue that hands alerts with deliveries to the sender function. */
  readonly deliveryQueueUrl: string;
}

/** The AWS settings; ConfigError names every required variable that is missing or empty. */
export function readAwsEnvironment(source: Source = process.env): AwsEnvironment {
  const missing: string[] = [];
  const required = (name: string): string => {
    const value = source[name]?.trim();
    if (value === undefined || value === '') {
      missing.push(`environment variable ${name} is not set`);
      return '';
    }
    return value;
  };
  const optional = (name: string): string | undefined => {
    const value = source[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const names = AWS_VARIABLES;
  const settings: AwsEnvironment = {
    tableName: required(names.tableName),
    scheduleGroup: required(names.scheduleGroup),
    timerTargets: {
      'at-risk': required(names.atRiskFunctionArn),
      breach: required(names.breachFunctionArn),
      reminder: required(names.reminderFunctionArn),
    },
    schedulerRoleArn: required(names.schedulerRoleArn),
    deadLetterQueueArn: required(names.deadLetterQueueArn),
    secretArn: required(names.secretArn),
    sesFrom: required(names.sesFrom),
    sesConfigurationSet: optional(names.sesConfigurationSet),
    baseUrl: optional(names.baseUrl),
    metricsNamespace: required(names.metricsNamespace),
    deliveryQueueUrl: required(names.deliveryQueueUrl),
  };
  if (missing.length > 0) throw new ConfigError(missing);
  return settings;
}
