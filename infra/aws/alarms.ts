/**
 * What tells an operator that sla-watch is failing, each alarm notifying the stack's alarm
 * topic (operations-topic.ts) when it fires and when it recovers:
 *
 * - a dead-letter queue receiving messages (a timer, sweep, report or feedback event that failed
 *   for good). Arrivals, not the visible count: letters are kept for 14 days, and an alarm on
 *   the count would stay in alarm all that time and never fire for the next failure. A queue
 *   that SQS itself redrives into (the delivery queue's) is the exception: SQS's redrive does
 *   not count in NumberOfMessagesSent, so there the alarm is on the messages waiting;
 * - a work queue whose oldest message waited too long (the senders not keeping up);
 * - each function's errors and throttles;
 * - the HTTP API's 5xx rate and 429 rate (requests the stage throttle refused);
 * - DynamoDB throttling the table's requests or an index's writes;
 * - EventBridge Scheduler failing to hand timers to their functions, or dropping them;
 * - SES bounce and complaint rates nearing the levels at which SES reviews the account.
 *
 * Functions and queues are lists: `watchFunction` / `watchDeadLetterQueue` / `watchRedriveQueue`
 * / `watchBacklog` add one more with
 * its alarms (and the dashboard reads the same lists), so a new function or queue is one line.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export const ALARM_PERIOD = Duration.minutes(5);
/** A rate is judged only over this many requests in a period, so one failed request at night does not page. */
export const MIN_REQUESTS_FOR_A_RATE = 20;
/** Percent of requests answered 5xx, and refused with 429, that raise the alarm. */
export const API_5XX_PERCENT = 1;
export const API_429_PERCENT = 1;
/** SES reviews an account at a 5% bounce rate and 0.1% complaint rate; these warn before. */
export const SES_BOUNCE_RATE = 0.04;
export const SES_COMPLAINT_RATE = 0.0008;

export interface WatchedFunction {
  readonly name: string;
  readonly fn: IFunction;
}

export interface WatchedQueue {
  readonly name: string;
  readonly queue: IQueue;
  /** What a message there means, for the alarm's description. */
  readonly meaning: string;
}

export interface AlarmsProps {
  readonly topic: ITopic;
  readonly api: HttpApi;
  /** Requests the stage throttle refused (a metric filter on the access log). */
  readonly throttledRequests: Metric;
  readonly table: Table;
  readonly indexNames: readonly string[];
  readonly scheduleGroup: ScheduleGroup;
}

export class SlaWatchAlarms extends Construct {
  private readonly action: SnsAction;
  private readonly all: Alarm[] = [];
  readonly functions: WatchedFunction[] = [];
  readonly deadLetterQueues: WatchedQueue[] = [];
  readonly workQueues: WatchedQueue[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.action = new SnsAction(props.topic);
    const period = ALARM_PERIOD;

    const requests = props.api.metricCount({ period, statistic: 'Sum' });
    const rate = (failures: IMetric) =>
      new MathExpression({
        expression: `IF(requests >= ${MIN_REQUESTS_FOR_A_RATE}, 100 * failures / requests, 0)`,
        usingMetrics: { requests, failures },
        period,
        label: 'percent of requests',
      });
    this.add('Api5xxRate', `sla-watch: more than ${API_5XX_PERCENT}% of API requests answered 5xx; see the functions' errors and logs`, rate(props.api.metricServerError({ period, statistic: 'Sum' })), API_5XX_PERCENT, ComparisonOperator.GREATER_THAN_THRESHOLD);
    this.add(
      'Api429Rate',
      `sla-watch: more than ${API_429_PERCENT}% of API requests refused by the stage throttle (429); senders retry, but if it lasts raise aws.api.rate / burst`,
      rate(props.throttledRequests.with({ period, statistic: 'Sum' })),
      API_429_PERCENT,
      ComparisonOperator.GREATER_THAN_THRESHOLD,
    );

    this.add(
      'TableThrottled',
      'sla-watch: DynamoDB throttled requests to the table (the SDK retries, then writes fail with 5xx)',
      props.table.metricThrottledRequestsForOperations({
        operations: [Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.BATCH_GET_ITEM, Operation.QUERY],
        period,
      }),
      1,
    );
    for (const indexName of props.indexNames) {
      this.add(
        `IndexWritesThrottled-${indexName}`,
        `sla-watch: DynamoDB throttled writes to the ${indexName} index; a throttled index write fails the table write`,
        props.table.metric('WriteThrottleEvents', { dimensionsMap: { TableName: props.table.tableName, GlobalSecondaryIndexName: indexName }, period, statistic: 'Sum' }),
        1,
      );
    }

    this.add('TimerTargetErrors', 'sla-watch: EventBridge Scheduler could not hand timers to their functions (it retries, then dead-letters)', props.scheduleGroup.metricTargetErrors({ period, statistic: 'Sum' }), 1);
    this.add('TimersDropped', 'sla-watch: EventBridge Scheduler dropped timers after its retries; the sweeper handles those alerts late', props.scheduleGroup.metricDropped({ period, statistic: 'Sum' }), 1);

    const hour = Duration.hours(1);
    const ses = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, period: hour, statistic: 'Maximum' });
    this.add('SesBounceRate', `sla-watch: the SES bounce rate is over ${SES_BOUNCE_RATE * 100}% (SES reviews the account at 5%); check the suppressed addresses and the recipients in the configuration`, ses('Reputation.BounceRate'), SES_BOUNCE_RATE);
    this.add('SesComplaintRate', `sla-watch: the SES complaint rate is over ${SES_COMPLAINT_RATE * 100}% (SES reviews the account at 0.1%)`, ses('Reputation.ComplaintRate'), SES_COMPLAINT_RATE);
  }

  /** Errors and throttles of one more function. */
  watchFunction(name: string, fn: IFunction): void {
    this.functions.push({ name, fn });
    this.add(`${name}Errors`, `sla-watch: the ${name} function reported errors; its log group has the details`, fn.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }), 1);
    this.add(`${name}Throttles`, `sla-watch: Lambda throttled the ${name} function (concurrency limit reached)`, fn.metricThrottles({ period: ALARM_PERIOD, statistic: 'Sum' }), 1);
  }

  /** An alarm on messages arriving in one more dead-letter queue. */
  watchDeadLetterQueue(name: string, queue: IQueue, meaning: string): void {
    this.deadLetterQueues.push({ name, queue, meaning });
    this.add(`${name}Arrivals`, `sla-watch: ${meaning}; read the message for the error and the payload`, queue.metricNumberOfMessagesSent({ period: ALARM_PERIOD, statistic: 'Sum' }), 1);
  }

  /** An alarm on messages waiting in a dead-letter queue that SQS redrives into (see above). */
  watchRedriveQueue(name: string, queue: IQueue, meaning: string): void {
    this.deadLetterQueues.push({ name, queue, meaning });
    this.add(`${name}Waiting`, `sla-watch: ${meaning}`, queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: 'Maximum' }), 1);
  }

  /** An alarm when the oldest message of a work queue waited `maxAgeSeconds` or more. */
  watchBacklog(name: string, queue: IQueue, maxAgeSeconds: number, meaning: string): void {
    this.workQueues.push({ name, queue, meaning });
    this.add(
      `${name}Backlog`,
      `sla-watch: the oldest message of the ${name} queue waited more than ${Math.round(maxAgeSeconds / 60)} minutes; ${meaning}`,
      queue.metricApproximateAgeOfOldestMessage({ period: ALARM_PERIOD, statistic: 'Maximum' }),
      maxAgeSeconds,
    );
  }

  get alarms(): readonly Alarm[] {
    return this.all;
  }

  private add(id: string, description: string, metric: IMetric, threshold: number, comparison = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      comparisonOperator: comparison,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.all.push(alarm);
    return alarm;
  }
}
