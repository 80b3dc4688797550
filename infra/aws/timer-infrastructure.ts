/**
 * What the timers need on AWS: the schedule group that holds one one-time schedule per pending
 * timer, the role Scheduler assumes to deliver them, and the dead-letter queue for deliveries
 * and executions that failed for good.
 *
 * The scheduler role may do exactly two things: invoke the three timer functions, and put a
 * failed delivery in the dead-letter queue (Scheduler sends dead letters with the schedule's
 * execution role). Only Scheduler can assume it, and only for schedules of this account's group.
 * The functions' ARNs are built from their fixed names, so the functions can carry all three
 * in their environment without referring to themselves.
 */
import { ArnFormat, Aws, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import type { TimerKind } from '../../shared/domain/alert/alert.ts';
import { TIMER_KINDS } from '../../shared/domain/timers/timer-name.ts';
import { acknowledgeWildcard, nagArn } from './acknowledgments.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';

export class TimerInfrastructure extends Construct {
  readonly group: ScheduleGroup;
  readonly groupName: string;
  readonly deadLetterQueue: Queue;
  readonly schedulerRole: Role;
  /** The fixed name of each timer function. */
  readonly functionNames: Readonly<Record<TimerKind, string>>;
  /** Their ARNs, known before the functions exist. */
  readonly functionArns: Readonly<Record<TimerKind, string>>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.functionNames = Object.fromEntries(TIMER_KINDS.map((kind) => [kind, `${stack.stackName}-${kind}`])) as Record<TimerKind, string>;
    this.functionArns = Object.fromEntries(
      TIMER_KINDS.map((kind) => [
        kind,
        stack.formatArn({ service: 'lambda', resource: 'function', resourceName: this.functionNames[kind], arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      ]),
    ) as Record<TimerKind, string>;

    // Named from the stack: operators list a deployment's pending timers with
    // `--group-name <stack>-timers`. Deleted with the stack, and its schedules with it: a group
    // left behind would keep its name taken (the same stack could not be deployed again) and its
    // schedules firing at functions that no longer exist.
    this.groupName = `${stack.stackName}-timers`;
    this.group = new ScheduleGroup(this, 'Group', { scheduleGroupName: this.groupName, removalPolicy: RemovalPolicy.DESTROY });

    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters', 'the timer schedules and of the scheduled functions');

    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'sla-watch: EventBridge Scheduler delivers timers to the at-risk, breach and reminder functions',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          // Confused-deputy protection: only schedules of this account's timer group.
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': this.group.scheduleGroupArn },
        },
      }),
    });
    this.schedulerRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: TIMER_KINDS.map((kind) => this.functionArns[kind]) }),
    );
    this.schedulerRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }));
  }

  /** `arn:...:schedule/<group>/*`: the schedules the functions may create and delete. */
  schedulesArn(): string {
    return Stack.of(this).formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${this.groupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  }

  /** Acknowledges the one wildcard a timer-arming role needs: the schedules of this group. */
  acknowledgeSchedulesWildcard(role: IConstruct): void {
    acknowledgeWildcard(
      role,
      nagArn('scheduler', `schedule/${this.groupName}/*`),
      `scheduler:CreateSchedule/DeleteSchedule on the schedules of the stack's own group (${this.groupName}): every timer is a one-time schedule named at run time after its alert (shared/domain/timers/timer-name.ts), so the names cannot be listed in advance; no other group is reachable.`,
    );
  }
}
