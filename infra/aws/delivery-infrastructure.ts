/**
 * The delivery stage on AWS: the queue between a claim and the sender, the sender function
 * that drains it at the providers' rates, and what tells an operator it is stuck.
 *
 * - The delivery queue holds one message per alert with deliveries to make (fed right after
 *   each claim, re-fed by the sweeper when a message was lost). Its visibility timeout is six
 *   times the sender's timeout, so a message is not handed to a second sender while the first
 *   may still be working on it; after five failed receipts it goes to its own dead-letter queue.
 * - The sender's event source has a maximum concurrency: a breach wave becomes a queue that
 *   drains at the rates (shared through the table), not a thousand throttled Lambdas, and it
 *   cannot take the account's concurrency from the API. Partial batch responses retry only
 *   the messages that failed.
 * - The stack's alarms watch the sender (errors, throttles), the dead-letter queue and the age
 *   of the oldest message (DELIVERY_BACKLOG_ALARM_SECONDS: the senders are not keeping up).
 *
 * The sender may read and write alerts, update the rate items (`RATE#...` keys only), send
 * email as the one identity, and send to the delivery queue (re-queuing with a delay).
 */
import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';
import type { BundleSettings } from './bundling.ts';
import { grantNeeds, type SharedResources } from './permissions.ts';

/** The sender's timeout: slots are waited for at most 10 s (functions/sender.ts) per delivery. */
export const SENDER_TIMEOUT = Duration.seconds(120);
/** Senders at once: enough for SES's rate with room for slow answers, far below the account's limit. */
export const SENDER_MAX_CONCURRENCY = 5;
export const DELIVERY_BATCH_SIZE = 10;
/** Receipts before a message goes to the dead-letter queue. */
export const DELIVERY_MAX_RECEIVES = 5;
/** The oldest delivery message waiting this long raises the backlog alarm. */
export const DELIVERY_BACKLOG_ALARM_SECONDS = 15 * 60;

export interface SenderProps {
  readonly bundle: BundleSettings;
  readonly environment: Readonly<Record<string, string>>;
  readonly shared: SharedResources;
}

export class DeliveryInfrastructure extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  sender: AppFunction | undefined;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters', 'the delivery queue', ' The deliveries themselves stay recorded on their alerts and the sweeper queues them again.');
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(SENDER_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: DELIVERY_MAX_RECEIVES },
    });
  }

  /** Lets a function that claims notifications hand alerts to the senders. */
  grantEnqueue(role: Role): void {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
  }

  /** The sender function, its event source and permissions. */
  addSender(props: SenderProps): AppFunction {
    const { shared } = props;
    const sender = new AppFunction(this, 'Sender', {
      entry: 'sender',
      description: 'sla-watch sender: makes the deliveries of claimed notifications at the configured rates',
      bundle: props.bundle,
      environment: props.environment,
      memorySize: 512,
      timeout: SENDER_TIMEOUT,
    });
    sender.fn.addEventSource(
      new SqsEventSource(this.queue, { batchSize: DELIVERY_BATCH_SIZE, maxConcurrency: SENDER_MAX_CONCURRENCY, reportBatchItemFailures: true }),
    );
    grantNeeds(sender.role, { items: ['BatchGetItem', 'PutItem'], queries: [], timers: false, mail: true, writesAlerts: true }, shared);
    // The shared send rates (DynamoSendRate): their items only.
    sender.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [shared.table.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATE#*'] } },
      }),
    );
    this.grantEnqueue(sender.role);
    this.sender = sender;
    return sender;
  }
}
