/**
 * Timers on EventBridge Scheduler: one one-time `at()` schedule per timer, named by
 * timer-name.ts, in one schedule group, invoking the Lambda function of the timer's kind with
 * the TimerPayload as its input, and deleted by Scheduler once it has fired.
 *
 * Creating a name that exists (a retried or duplicate arm) answers ConflictException, and
 * deleting one that is gone (fired, deleted) answers ResourceNotFoundException: both are the
 * port's idempotent success. Everything else is TimersUnavailableError with the SDK error.
 */
import { CreateScheduleCommand, DeleteScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import type { TimerKind } from '../../domain/alert/alert.ts';
import { TimersUnavailableError } from '../../errors.ts';
import type { TimerRequest, Timers } from '../../ports/timers.ts';
import { atExpression } from './at-expression.ts';

export interface SchedulerTimersOptions {
  readonly client: SchedulerClient;
  readonly groupName: string;
  /** The ARN of the function each kind of timer invokes. */
  readonly targets: Readonly<Record<TimerKind, string>>;
  /** The role Scheduler assumes to invoke the targets. */
  readonly roleArn: string;
  /** A standard SQS queue for invocations that exhausted their retries. */
  readonly deadLetterQueueArn: string;
  readonly retryPolicy: { readonly maximumEventAgeInSeconds: number; readonly maximumRetryAttempts: number };
}

export class SchedulerTimers implements Timers {
  private readonly options: SchedulerTimersOptions;

  constructor(options: SchedulerTimersOptions) {
    this.options = options;
  }

  async schedule(request: TimerRequest): Promise<void> {
    const { client, groupName, targets, roleArn, deadLetterQueueArn, retryPolicy } = this.options;
    // Built outside the try: an instant that cannot be scheduled is a bug, not an outage.
    const command = new CreateScheduleCommand({
      Name: request.name,
      GroupName: groupName,
      ScheduleExpression: atExpression(request.at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: targets[request.payload.kind],
        RoleArn: roleArn,
        Input: JSON.stringify(request.payload),
        RetryPolicy: {
          MaximumEventAgeInSeconds: retryPolicy.maximumEventAgeInSeconds,
          MaximumRetryAttempts: retryPolicy.maximumRetryAttempts,
        },
        DeadLetterConfig: { Arn: deadLetterQueueArn },
      },
    });
    try {
      await client.send(command);
    } catch (error) {
      if (errorName(error) === 'ConflictException') return;
      throw new TimersUnavailableError(`could not create schedule ${request.name}`, error);
    }
  }

  async cancel(name: string): Promise<void> {
    try {
      await this.options.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.options.groupName }));
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return;
      throw new TimersUnavailableError(`could not delete schedule ${name}`, error);
    }
  }
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
