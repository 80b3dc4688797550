/**
 * The functions EventBridge Scheduler runs: the three timer functions (their one-time
 * schedules are created at run time by SchedulerTimers, in the timer group), the sweeper on a
 * rate schedule every `monitoring.check_interval`, and the reports on cron schedules at
 * `reporting.time` in `reporting.timezone`: daily, and weekly (Mondays) and monthly (the 1st)
 * when `reporting.intervals` holds them (disabled when `reporting.enabled` is false).
 *
 * Scheduler invokes Lambda asynchronously: what it retries is the hand-over; a function that
 * throws is retried by Lambda's asynchronous invocation and then sent, with its error, to the
 * dead-letter queue, which also takes the hand-overs Scheduler gave up on. One queue, one alarm.
 */
import { Aws, Duration, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { AppConfig } from '../../shared/config/app-config.ts';
import { TIMER_KINDS } from '../../shared/domain/timers/timer-name.ts';
import { OUTBOX_INDEX } from '../../shared/store/outbox-index.ts';
import { BY_CREATED_INDEX, BY_DAY_INDEX, DUE_INDEX, OPEN_INDEX } from '../../shared/store/table-definition.ts';
import { acknowledgeInvokeQualifiers } from './acknowledgments.ts';
import { AppFunction } from './app-function.ts';
import type { BundleSettings } from './bundling.ts';
import { grantNeeds, type SharedResources } from './permissions.ts';

export interface ScheduledJobsProps {
  readonly config: AppConfig;
  readonly bundle: BundleSettings;
  readonly environment: Readonly<Record<string, string>>;
  readonly shared: SharedResources;
}

/** Scheduler's rates are whole minutes; the sweeper runs at least once a minute. */
export function sweepRateMinutes(checkIntervalSeconds: number): number {
  return Math.max(1, Math.ceil(checkIntervalSeconds / 60));
}

/** `HH:MM` to cron fields. */
export function reportCronFields(time: string): { hour: string; minute: string } {
  const [hour, minute] = time.split(':');
  return { hour: String(Number(hour)), minute: String(Number(minute)) };
}

export class ScheduledJobs extends Construct {
  readonly timerFunctions: readonly AppFunction[];
  readonly sweeper: AppFunction;
  readonly report: AppFunction;
  readonly sweepSchedule: Schedule;
  readonly reportSchedule: Schedule;
  readonly weeklyReportSchedule: Schedule | null;
  readonly monthlyReportSchedule: Schedule | null;

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    const { config, bundle, environment, shared } = props;
    const dlq = shared.timers.deadLetterQueue;
    const onFailure = new SqsDestination(dlq);

    this.timerFunctions = TIMER_KINDS.map((kind) => {
      const fn = new AppFunction(this, `Timer-${kind}`, {
        entry: kind,
        description: `sla-watch ${kind} timers`,
        functionName: shared.timers.functionNames[kind],
        bundle,
        environment,
        memorySize: 512,
        timeout: Duration.seconds(60),
        // A breach wave fires thousands of timers at once: capped here, the excess waits in
        // Lambda's event queue (throttled events are retried for the hour below) instead of
        // taking the concurrency the API needs.
        reservedConcurrency: config.aws.timerConcurrency,
        async: { retryAttempts: 2, maxEventAge: Duration.hours(1), onFailure },
      });
      // Re-read the alert, claim what is due (recording its deliveries), arm the next timer.
      grantNeeds(fn.role, { items: ['BatchGetItem', 'PutItem'], queries: [], timers: true, mail: false, writesAlerts: true }, shared);
      return fn;
    });

    const sweepMinutes = sweepRateMinutes(config.monitoring.checkIntervalSeconds);
    this.sweeper = new AppFunction(this, 'Sweeper', {
      entry: 'sweeper',
      description: 'sla-watch sweeper: handles whatever is due that no timer handled',
      bundle,
      environment,
      memorySize: 512,
      // May outlast the interval (slow Slack retries): overlapping runs are harmless, claims decide who sends.
      timeout: Duration.minutes(5),
      // No retry: the next run, one interval later, is the retry, and it sees the newest state.
      async: { retryAttempts: 0, maxEventAge: Duration.minutes(Math.min(sweepMinutes, 6 * 60)), onFailure },
    });
    // Due timers, and deliveries waiting too long (queued again for the senders).
    grantNeeds(this.sweeper.role, { items: ['BatchGetItem', 'PutItem'], queries: [DUE_INDEX, OUTBOX_INDEX], timers: true, mail: false, writesAlerts: true }, shared);

    this.report = new AppFunction(this, 'Report', {
      entry: 'report',
      description: 'sla-watch daily SLA report',
      bundle,
      environment,
      memorySize: 1024,
      timeout: Duration.minutes(5),
      async: { retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure },
    });
    // Reads the day, open and created indexes, keeps day rollups, and mails; it never writes an alert.
    grantNeeds(this.report.role, { items: [], queries: [BY_DAY_INDEX, OPEN_INDEX, BY_CREATED_INDEX], timers: false, mail: true, rollups: true }, shared);

    // One role for the stack's own recurring schedules, allowed to invoke only these two.
    const jobsRole = new Role(this, 'JobsSchedulerRole', {
      description: 'sla-watch: EventBridge Scheduler runs the sweeper and the daily report',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
    });
    acknowledgeInvokeQualifiers(jobsRole, this.sweeper.fn);
    acknowledgeInvokeQualifiers(jobsRole, this.report.fn);
    this.sweepSchedule = new Schedule(this, 'SweepSchedule', {
      description: `sla-watch sweeper every ${sweepMinutes} minute(s) (monitoring.check_interval)`,
      schedule: ScheduleExpression.rate(Duration.minutes(sweepMinutes)),
      target: new LambdaInvoke(this.sweeper.fn, {
        role: jobsRole,
        input: ScheduleTargetInput.fromObject({}),
        deadLetterQueue: dlq,
        // A run older than the interval is superseded by the next one.
        maxEventAge: Duration.minutes(Math.min(sweepMinutes, 24 * 60)),
        retryAttempts: 3,
      }),
    });
    const { time, timezone, intervals, enabled } = config.reporting;
    const reportTarget = (input: Record<string, string>) =>
      new LambdaInvoke(this.report.fn, {
        role: jobsRole,
        input: ScheduleTargetInput.fromObject(input),
        deadLetterQueue: dlq,
        maxEventAge: Duration.hours(6),
        retryAttempts: 20,
      });
    this.reportSchedule = new Schedule(this, 'ReportSchedule', {
      description: `sla-watch daily report at ${time} ${timezone} (sla.reporting)`,
      schedule: ScheduleExpression.cron({ ...reportCronFields(time), timeZone: TimeZone.of(timezone) }),
      enabled: enabled && intervals.includes('daily'),
      target: reportTarget({}),
    });
    // Weekly on Mondays for the ISO week just ended, monthly on the 1st for the month just ended.
    this.weeklyReportSchedule = !intervals.includes('weekly')
      ? null
      : new Schedule(this, 'WeeklyReportSchedule', {
          description: `sla-watch weekly report, Mondays at ${time} ${timezone} (sla.reporting)`,
          schedule: ScheduleExpression.cron({ ...reportCronFields(time), weekDay: 'MON', timeZone: TimeZone.of(timezone) }),
          enabled,
          target: reportTarget({ interval: 'weekly' }),
        });
    this.monthlyReportSchedule = !intervals.includes('monthly')
      ? null
      : new Schedule(this, 'MonthlyReportSchedule', {
          description: `sla-watch monthly report, on the 1st at ${time} ${timezone} (sla.reporting)`,
          schedule: ScheduleExpression.cron({ ...reportCronFields(time), day: '1', timeZone: TimeZone.of(timezone) }),
          enabled,
          target: reportTarget({ interval: 'monthly' }),
        });
  }

  get functions(): readonly AppFunction[] {
    return [...this.timerFunctions, this.sweeper, this.report];
  }
}
