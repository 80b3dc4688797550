/**
 * One CloudWatch dashboard for the deployment, named after the stack: what comes in (requests,
 * alerts opened per priority), what the SLAs are doing (breaches), whether timers fire on time,
 * whether people are told (notifications sent and failed), what is stuck (dead-letter queues)
 * and what is failing (errors, throttles, every alarm's state). The business metrics come from
 * the functions' EMF output (shared/adapters/metrics); the functions and queues from the same
 * lists the alarms watch, so adding one to the alarms adds it here.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { AlarmStatusWidget, Dashboard, GraphWidget, Metric, Stats, type IMetric, type IWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { DIMENSIONS, METRIC_SERVICE, METRICS } from '../../shared/adapters/metrics/metric-names.ts';
import { PRIORITIES } from '../../shared/domain/sla/priority.ts';
import { TIMER_KINDS } from '../../shared/domain/timers/timer-name.ts';
import type { SlaWatchAlarms } from './alarms.ts';

export interface DashboardProps {
  readonly dashboardName: string;
  readonly metricsNamespace: string;
  readonly api: HttpApi;
  readonly throttledRequests: IMetric;
  readonly table: Table;
  readonly alarms: SlaWatchAlarms;
}

const MINUTE = Duration.minutes(1);
const WIDE = 12;
const HEIGHT = 6;

export class SlaWatchDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const business = (metricName: string, dimension: string, value: string, statistic: string = Stats.SUM) =>
      new Metric({ namespace: props.metricsNamespace, metricName, dimensionsMap: { service: METRIC_SERVICE, [dimension]: value }, statistic, period: MINUTE, label: value });
    const graph = (title: string, left: IMetric[], options: { stacked?: boolean; right?: IMetric[] } = {}): IWidget =>
      new GraphWidget({ title, left, right: options.right ?? [], width: WIDE, height: HEIGHT, stacked: options.stacked ?? false });
    const { functions, deadLetterQueues, workQueues } = props.alarms;

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(3),
      widgets: [
        [
          graph('Intake: API requests a minute', [props.api.metricCount({ period: MINUTE, statistic: Stats.SUM, label: 'requests' })], {
            right: [props.throttledRequests, props.api.metricServerError({ period: MINUTE, statistic: Stats.SUM, label: '5xx' })],
          }),
          graph('Alerts opened a minute, per priority', PRIORITIES.map((p) => business(METRICS.alertsOpened, DIMENSIONS.priority, p)), { stacked: true }),
        ],
        [
          graph('Breaches announced a minute', ['acknowledgment', 'resolution'].map((clock) => business(METRICS.breaches, DIMENSIONS.clock, clock))),
          graph('Notifications sent and failed a minute', [
            ...['email', 'slack'].map((channel) => business(METRICS.notificationsSent, DIMENSIONS.channel, channel).with({ label: `sent: ${channel}` })),
            ...['email', 'slack'].map((channel) => business(METRICS.notificationsFailed, DIMENSIONS.channel, channel).with({ label: `failed: ${channel}` })),
          ]),
        ],
        [
          graph('Timers fired a minute', TIMER_KINDS.map((kind) => business(METRICS.timersFired, DIMENSIONS.timer, kind)), { stacked: true }),
          graph(
            'Timer lateness (ms after the due instant)',
            TIMER_KINDS.flatMap((kind) => [Stats.p(50), Stats.p(99)].map((stat) => business(METRICS.timerLateness, DIMENSIONS.timer, kind, stat).with({ label: `${kind} ${stat}` }))),
          ),
        ],
        [
          graph(
            'Dead-letter queues: arrivals and depth',
            deadLetterQueues.map(({ name, queue }) => queue.metricNumberOfMessagesSent({ period: MINUTE, statistic: Stats.SUM, label: `${name} arrivals` })),
            { right: deadLetterQueues.map(({ name, queue }) => queue.metricApproximateNumberOfMessagesVisible({ period: MINUTE, statistic: Stats.MAXIMUM, label: `${name} waiting` })) },
          ),
          graph('DynamoDB throttled requests', [props.table.metricThrottledRequestsForOperations({ period: MINUTE })]),
        ],
        [
          graph(
            'Work queues: waiting and oldest message (s)',
            workQueues.map(({ name, queue }) => queue.metricApproximateNumberOfMessagesVisible({ period: MINUTE, statistic: Stats.MAXIMUM, label: `${name} waiting` })),
            { right: workQueues.map(({ name, queue }) => queue.metricApproximateAgeOfOldestMessage({ period: MINUTE, statistic: Stats.MAXIMUM, label: `${name} oldest` })) },
          ),
        ],
        [
          graph('Function errors', functions.map(({ name, fn }) => fn.metricErrors({ period: MINUTE, statistic: Stats.SUM, label: name }))),
          graph('Function throttles', functions.map(({ name, fn }) => fn.metricThrottles({ period: MINUTE, statistic: Stats.SUM, label: name }))),
        ],
        [new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms.alarms], width: 24, height: 8 })],
      ],
    });
  }

  /** The dashboard in the CloudWatch console of the stack's Region. */
  get url(): string {
    const region = Stack.of(this).region;
    return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${this.dashboard.dashboardName}`;
  }
}
