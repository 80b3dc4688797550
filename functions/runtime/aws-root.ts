/**
 * The composition root on AWS: what infra/local/local-stack.ts does for one machine, wired to
 * DynamoDB, EventBridge Scheduler, SES and Slack. Every Lambda entry point imports this module,
 * so it runs once per cold start: SDK clients are created here at module scope and reused by
 * every invocation of the execution environment, the secret is read once (top-level await), and
 * the configuration embedded at synth time is checked once. A cold start that cannot compose
 * (a missing variable, an unreadable secret, a configuration the secrets do not complete) fails
 * loudly with every problem listed, rather than serving requests half configured.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { systemClock } from '../../shared/adapters/clock/system-clock.ts';
import { DynamoReportRollups } from '../../shared/adapters/dynamo/dynamo-report-rollups.ts';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { dynamoLiveFigures } from '../../shared/adapters/dynamo/dynamo-live-figures.ts';
import { DynamoSuppressionList } from '../../shared/adapters/dynamo/dynamo-suppression-list.ts';
import { DynamoIntakeStats } from '../../shared/adapters/dynamo/dynamo-intake-stats.ts';
import { JsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { EmfBusinessMetrics } from '../../shared/adapters/metrics/emf-business-metrics.ts';
import { MeteredSender, meteredAlertStore } from '../../shared/adapters/metrics/metered.ts';
import { SchedulerTimers } from '../../shared/adapters/scheduler/scheduler-timers.ts';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { SuppressingMailer } from '../../shared/adapters/ses/suppressing-mailer.ts';
import { SlackChat } from '../../shared/adapters/slack/slack-chat.ts';
import type { AppDeps } from '../../shared/app/app-deps.ts';
import type { DeliveryDeps } from '../../shared/app/delivery-deps.ts';
import { DynamoSendRate } from '../../shared/adapters/dynamo/dynamo-send-rate.ts';
import { SqsDeliveryQueue } from '../../shared/adapters/sqs/sqs-delivery-queue.ts';
import { SQSClient } from '@aws-sdk/client-sqs';
import { readAwsEnvironment, readEnvironment, type AwsEnvironment } from '../../shared/config/environment.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';
import { ConfigError } from '../../shared/errors.ts';
import { ChannelSender } from '../../shared/notify/channel-sender.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import type { BusinessMetrics } from '../../shared/ports/business-metrics.ts';
import type { Mailer } from '../../shared/ports/mailer.ts';
import type { SuppressionList } from '../../shared/ports/suppression-list.ts';
import { embeddedConfigFile, withDefaultBaseUrl } from './embedded-config.ts';
import { RefreshingValue } from './refreshing-value.ts';
import { fetchSecretValues, type SecretValues } from './secret-values.ts';

/**
 * How Scheduler retries handing a timer to its function (throttling, a function being
 * updated): for an hour, then the dead-letter queue. The sweeper catches the alert anyway
 * within one check interval, so longer would only delay the DLQ alarm.
 */
const TIMER_RETRY_POLICY = { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 185 } as const;

/**
 * How long a warm function keeps the secret before reading it again: a changed API key, webhook
 * secret or link key is in use everywhere within five minutes, for one GetSecretValue per
 * function instance per five minutes.
 */
export const SECRET_CACHE_MS = 5 * 60_000;

export interface AwsRoot {
  readonly deps: AppDeps;
  /** What the sender function makes deliveries with. */
  readonly delivery: DeliveryDeps;
  readonly linkSecret: string;
  /** The keys a link may be signed with (the current one, and the previous one while rotating). */
  readonly linkKeys: readonly string[];
  /** The report mails directly (send-report.ts); everything else goes through the delivery outbox. */
  readonly mailer: Mailer;
  /** Addresses SES reported bounced or complained: never mailed until cleared. */
  readonly suppressions: SuppressionList;
  /** Business metrics (EMF); entry points flush them at the end of each invocation (withMetrics). */
  readonly metrics: BusinessMetrics;
}

const environment = readEnvironment();

export const logger: Logger = new JsonLogger({ write: (line) => void process.stdout.write(line), minLevel: environment.logLevel });

// Region and credentials come from the Lambda runtime's own variables.
const dynamo = new DynamoDBClient({});
const scheduler = new SchedulerClient({});
const ses = new SESClient({});
// The sender makes one attempt per call: the outbox paces and retries, with backoff it records.
const sesOnce = new SESClient({ maxAttempts: 1 });
const sqs = new SQSClient({});
const secretsManager = new SecretsManagerClient({});

/** The embedded file, completed with the secrets; a problem says where secrets come from on AWS. */
function configWithSecrets(secretArn: string, baseUrl: string | undefined, secrets: Readonly<Record<string, string>>): AppConfig {
  try {
    // Secrets win over same-named variables: the file's `*_env` names mean the secret's keys here.
    return parseConfig(withDefaultBaseUrl(embeddedConfigFile(), baseUrl), { ...environment.variables, ...secrets });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError([...error.details, `on AWS the variables that secret_env/key_env name are keys of the secret ${secretArn}`]);
  }
}

let aws: AwsEnvironment;
let metricsSink: BusinessMetrics;

/** Everything that depends on the secret's values, built from them (again when they change). */
function composeWith(secrets: SecretValues): AwsRoot {
  const metrics = metricsSink;
  const config = configWithSecrets(aws.secretArn, aws.baseUrl, secrets.variables);
  const counted = dynamoLiveFigures({ client: dynamo, tableName: aws.tableName, timezone: config.reporting.timezone, logger });
  const store = meteredAlertStore(new DynamoAlertStore({ client: dynamo, tableName: aws.tableName, afterWrite: counted.afterWrite, reportGroupBy: config.reporting.groupBy }), metrics);
  const timers = new SchedulerTimers({
    client: scheduler,
    groupName: aws.scheduleGroup,
    targets: aws.timerTargets,
    roleArn: aws.schedulerRoleArn,
    deadLetterQueueArn: aws.deadLetterQueueArn,
    retryPolicy: TIMER_RETRY_POLICY,
  });
  const suppressions = new DynamoSuppressionList({ client: dynamo, tableName: aws.tableName });
  const sesOptions = { from: aws.sesFrom, ...(aws.sesConfigurationSet === undefined ? {} : { configurationSet: aws.sesConfigurationSet }) };
  // Every email, notifications and the report alike, skips addresses SES bounced or had complaints about.
  const mailer = new SuppressingMailer(new SesMailer({ client: ses, ...sesOptions }), suppressions);
  const sender = new MeteredSender(
    new ChannelSender({
      mailer: new SuppressingMailer(new SesMailer({ client: sesOnce, ...sesOptions }), suppressions),
      chat: new SlackChat({ maxAttempts: 1 }),
      config,
      linkSecret: secrets.linkSecret,
    }),
    metrics,
  );
  const rate = new DynamoSendRate({ client: dynamo, tableName: aws.tableName });
  const deliveries = new SqsDeliveryQueue({ client: sqs, queueUrl: aws.deliveryQueueUrl });
  const delivery: DeliveryDeps = { config, store, sender, rate, clock: systemClock, logger, wait: sleep, random: Math.random };
  const rollups = new DynamoReportRollups({ client: dynamo, tableName: aws.tableName });
  const intakeStats = new DynamoIntakeStats({ client: dynamo, tableName: aws.tableName });
  return {
    deps: { config, store, timers, deliveries, clock: systemClock, logger, rollups, intakeStats, live: counted.live },
    delivery,
    linkSecret: secrets.linkSecret,
    linkKeys: secrets.linkKeys,
    mailer,
    suppressions,
    metrics,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Composed {
  readonly root: AwsRoot;
  readonly secret: RefreshingValue<SecretValues>;
}

async function compose(): Promise<Composed> {
  aws = readAwsEnvironment(environment.variables);
  metricsSink = new EmfBusinessMetrics({ namespace: aws.metricsNamespace });
  const secretArn = aws.secretArn;
  const secrets = await fetchSecretValues(secretsManager, secretArn);
  const secret = new RefreshingValue({ load: () => fetchSecretValues(secretsManager, secretArn), maxAgeMs: SECRET_CACHE_MS, clock: systemClock, logger, what: 'secret' }, secrets);
  return { root: composeWith(secrets), secret };
}

async function composeOrExplain(): Promise<Composed> {
  try {
    return await compose();
  } catch (error) {
    // One structured line to search for, then the runtime reports the failed init and retries it.
    logger.error('cold start failed: sla-watch cannot compose its dependencies', { error });
    throw error;
  }
}

const composed = await composeOrExplain();
/** The root as composed at cold start (entry points that serve() get the current one). */
export const { deps, delivery, linkSecret, linkKeys, mailer, suppressions, metrics }: AwsRoot = composed.root;

let currentSecrets = await composed.secret.get();
let currentRoot = composed.root;

/** The root for this invocation: composed again when the secret changed since the last one. */
async function freshRoot(): Promise<AwsRoot> {
  const secrets = await composed.secret.get();
  if (secrets === currentSecrets) return currentRoot;
  try {
    const root = composeWith(secrets);
    [currentSecrets, currentRoot] = [secrets, root];
    logger.info('secret changed: using its new values');
  } catch (error) {
    // A secret edited into something the configuration refuses: keep serving with the last good one.
    logger.error('secret changed but cannot be used: keeping the values read before', { error });
    currentSecrets = secrets;
  }
  return currentRoot;
}

/**
 * An entry point's handler, built from the current root and built again when the secret
 * changed (a new API key or webhook secret, a rotated link key), with the business metrics
 * flushed after each invocation.
 */
export function serve<E, C extends unknown[], R>(build: (root: AwsRoot) => (event: E, ...rest: C) => Promise<R>): (event: E, ...rest: C) => Promise<R> {
  let builtFor = currentRoot;
  let built = build(currentRoot);
  return withMetrics(async (event: E, ...rest: C) => {
    const root = await freshRoot();
    if (root !== builtFor) [builtFor, built] = [root, build(root)];
    return built(event, ...rest);
  });
}

/** The handler, flushing the business metrics it recorded when it ends, however it ends. */
export function withMetrics<E, C extends unknown[], R>(handler: (event: E, ...rest: C) => Promise<R>): (event: E, ...rest: C) => Promise<R> {
  return async (event, ...rest) => {
    try {
      return await handler(event, ...rest);
    } finally {
      metrics.flush();
    }
  };
}
