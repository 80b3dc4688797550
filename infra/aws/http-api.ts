/**
 * The HTTP API: API Gateway HTTP API (payload format 2.0) with one Lambda function per route
 * group (route-groups.ts), a JSON access log, and throttling on the default stage
 * (`aws.api.rate` / `burst` of the configuration) so that a flood (or a misconfigured sender in a
 * retry loop) is refused at the edge with 429 instead of billed per invocation; the access log's
 * 429 lines are counted as a metric (HTTP APIs publish no 429 metric of their own). Authentication happens in the app on every route: integration secrets compared
 * in constant time, API keys, HMAC-signed link tokens; /healthz and /openapi.json are public.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Metric} from 'aws-cdk-lib/aws-cloudwatch';
import { Stats } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, LogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AWS_VARIABLES } from '../../shared/config/environment.ts';
import { AppFunction, LOG_RETENTION } from './app-function.ts';
import type { BundleSettings } from './bundling.ts';
import { grantNeeds, type SharedResources } from './permissions.ts';
import { ROUTE_GROUPS } from './route-groups.ts';

/** API Gateway's own limit is 30 s; the function stops first so the client gets our answer. */
const API_TIMEOUT = Duration.seconds(29);
/** More memory is more CPU: cold starts and HTML rendering are CPU-bound. */
const API_MEMORY_MB = 512;

/**
 * One JSON object per request. The route key (`POST /ack/{token}`), never the path: a path
 * holds a link token, and a query string may hold a webhook secret (`?token=`). `status` is
 * a number, so the metric filter compares it as one.
 */
export const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  '{"requestId":"$context.requestId","time":"$context.requestTime","route":"$context.routeKey","status":$context.status,"ip":"$context.identity.sourceIp","latencyMs":"$context.responseLatency","integrationError":"$context.integrationErrorMessage"}',
);

export const THROTTLED_METRIC_NAME = 'ThrottledRequests';

export interface HttpApiProps {
  readonly bundle: BundleSettings;
  /** Every function's environment, but for the API's own URL, which this adds. */
  readonly environment: Readonly<Record<string, string>>;
  readonly shared: SharedResources;
  /** The stage throttle: requests a second and burst (configuration `aws.api`). */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Where the 429 count is published (the business metrics' namespace). */
  readonly metricsNamespace: string;
}

export class SlaWatchHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: readonly AppFunction[];
  /** Requests the stage throttle refused with 429, a minute at a time. */
  readonly throttledRequests: Metric;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', { description: 'sla-watch webhooks, acknowledgment links, responses and reports', createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    const throttled = new MetricFilter(this, 'Throttled', {
      logGroup: accessLogs,
      filterPattern: FilterPattern.numberValue('$.status', '=', 429),
      metricNamespace: props.metricsNamespace,
      metricName: THROTTLED_METRIC_NAME,
      metricValue: '1',
      defaultValue: 0,
    });
    this.throttledRequests = throttled.metric({ statistic: Stats.SUM, period: Duration.minutes(1), label: '429' });

    this.functions = ROUTE_GROUPS.map((group) => {
      const fn = new AppFunction(this, group.id, {
        entry: group.entry,
        description: `sla-watch HTTP: ${group.description}`,
        bundle: props.bundle,
        // Links in email point at this API unless the configuration file sets links.base_url.
        environment: { ...props.environment, [AWS_VARIABLES.baseUrl]: this.url },
        memorySize: API_MEMORY_MB,
        timeout: API_TIMEOUT,
      });
      grantNeeds(fn.role, group.needs, props.shared);
      const integration = new HttpLambdaIntegration(`${group.id}Integration`, fn.fn);
      for (const [method, path] of group.routes) {
        const [route] = this.api.addRoutes({ path, methods: [HttpMethod[method]], integration });
        if (route !== undefined) {
          Validations.of(route).acknowledge(
            {
              id: 'AwsSolutions-APIG4',
              reason:
                'Authorization is done by the function on every route, with credentials API Gateway authorizers cannot check: webhook secrets per integration (compared in constant time, and for Grafana an HMAC over the raw body), API keys for the read and response API, HMAC-signed expiring tokens for acknowledgment links; /healthz and /openapi.json are public by design.',
            },
            {
              id: 'AwsSolutions-COG4',
              reason:
                'The callers are alerting tools (Alertmanager, Grafana, PagerDuty-style senders), scripts with API keys and email recipients following signed links; none of them has a Cognito identity. Each route authenticates in the function (see AwsSolutions-APIG4).',
            },
          );
        }
      }
      return fn;
    });
  }

  /** `https://<id>.execute-api.<region>.amazonaws.com` (the $default stage has no path). */
  get url(): string {
    return this.api.apiEndpoint;
  }
}
