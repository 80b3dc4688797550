/**
 * BusinessMetrics as CloudWatch embedded metric format (EMF) through Powertools for AWS Lambda
 * (Metrics): the metrics are JSON lines on stdout that CloudWatch Logs turns into metrics, so
 * recording one costs no API call and no latency. Each metric has one dimension of its own, so
 * every event is buffered as a single metric of its own dimension set and `flush` writes them all.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];
import type { BusinessEvent, BusinessMetrics } from '../../ports/business-metrics.ts';
import { BREACH_KINDS, DIMENSIONS, METRIC_SERVICE, METRICS } from './metric-names.ts';

interface Point {
  readonly name: string;
  readonly unit: Unit;
  readonly value: number;
  readonly dimension: readonly [string, string];
}

function pointsOf(event: BusinessEvent): Point[] {
  switch (event.kind) {
    case 'alert-opened':
      return [{ name: METRICS.alertsOpened, unit: MetricUnit.Count, value: 1, dimension: [DIMENSIONS.priority, event.priority] }];
    case 'notification-sent': {
      const clock = BREACH_KINDS[event.notification];
      return [
        { name: METRICS.notificationsSent, unit: MetricUnit.Count, value: 1, dimension: [DIMENSIONS.channel, event.channel] },
        // A breach is counted once, on the channel of record.
        ...(clock !== undefined && event.channel === 'email' ? [{ name: METRICS.breaches, unit: MetricUnit.Count, value: 1, dimension: [DIMENSIONS.clock, clock] as const }] : []),
      ];
    }
    case 'notification-failed':
      return [{ name: METRICS.notificationsFailed, unit: MetricUnit.Count, value: 1, dimension: [DIMENSIONS.channel, event.channel] }];
    case 'timer-fired':
      return [
        { name: METRICS.timersFired, unit: MetricUnit.Count, value: 1, dimension: [DIMENSIONS.timer, event.timer] },
        { name: METRICS.timerLateness, unit: MetricUnit.Milliseconds, value: Math.max(0, event.latenessMs), dimension: [DIMENSIONS.timer, event.timer] },
      ];
  }
}

export class EmfBusinessMetrics implements BusinessMetrics {
  private readonly metrics: Metrics;
  private pending: Point[] = [];

  constructor(options: { readonly namespace: string }) {
    this.metrics = new Metrics({ namespace: options.namespace, serviceName: METRIC_SERVICE });
  }

  record(event: BusinessEvent): void {
    this.pending.push(...pointsOf(event));
  }

  flush(): void {
    const points = this.pending;
    this.pending = [];
    for (const point of points) {
      try {
        const single = this.metrics.singleMetric();
        single.addDimension(point.dimension[0], point.dimension[1]);
        single.addMetric(point.name, point.unit, point.value);
      } catch {
        // Metrics must never fail the work they describe (ports/business-metrics.ts).
      }
    }
  }
}
