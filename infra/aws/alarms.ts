/**
 * What tells an operator that sla-watch is failing: the dead-letter queue holding anything
 * (a timer, a sweep or a report that failed for good), and any function reporting errors.
 * Each alarm notifies the SNS topic given as context `alarmTopicArn`, when there is one.
 */
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.ts';

export interface AlarmsProps {
  readonly deadLetterQueue: Queue;
  /** Function id (for the alarm's name) and function. */
  readonly functions: readonly (readonly [string, AppFunction])[];
  readonly topicArn: string | undefined;
}

export class SlaWatchAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const deadLetters = new Alarm(this, 'DeadLetters', {
      alarmDescription: 'sla-watch: a timer, sweep or report failed for good and is in the dead-letter queue; read the message for the error and the payload',
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const errors = props.functions.map(
      ([name, fn]) =>
        new Alarm(this, `${name}Errors`, {
          alarmDescription: `sla-watch: the ${name} function reported errors; its log group has the details`,
          metric: fn.fn.metricErrors({ period, statistic: 'Sum' }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
    );
    this.alarms = [deadLetters, ...errors];
    if (props.topicArn !== undefined) {
      const action = new SnsAction(Topic.fromTopicArn(this, 'Topic', props.topicArn));
      for (const alarm of this.alarms) alarm.addAlarmAction(action);
    }
  }
}
