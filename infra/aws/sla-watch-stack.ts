/**
 * sla-watch on AWS, one stack: the table, the timer infrastructure (schedule group, scheduler
 * role, dead-letter queue), the one secret, the HTTP API with a function per route group, the
 * timer, sweeper and report functions with their schedules, the delivery queue and its
 * sender, the SES configuration set with its bounce and complaint handling, the alarms with their topic, and the dashboard. The stack is
 * environment-agnostic (account and region are CloudFormation's pseudo parameters) and looks
 * nothing up, so `cdk synth` runs offline without credentials.
 *
 * Every function gets the same environment (shared/config/environment.ts names it): where
 * the resources are, never a secret. The configuration file is embedded in the bundles
 * (bundling.ts); secrets are read from the secret at cold start.
 */
import { Annotations, ArnFormat, CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { LINK_SIGNING_SECRET_KEY } from '../../functions/runtime/secret-values.ts';
import { AWS_VARIABLES } from '../../shared/config/environment.ts';
import { AlertTable } from './alert-table.ts';
import { SlaWatchAlarms } from './alarms.ts';
import { bundleSettings } from './bundling.ts';
import { SlaWatchDashboard } from './dashboard.ts';
import { MailFeedback } from './mail-feedback.ts';
import { OperationsTopic } from './operations-topic.ts';
import { metricNamespace } from '../../shared/adapters/metrics/metric-names.ts';
import { GLOBAL_SECONDARY_INDEXES } from '../../shared/store/table-definition.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SlaWatchHttpApi } from './http-api.ts';
import type { SharedResources } from './permissions.ts';
import { ScheduledJobs } from './scheduled-jobs.ts';
import { senderAddress } from '../../shared/adapters/ses/email-address.ts';
import { defaultSesIdentity, type StackSettings } from './stack-settings.ts';
import type { SynthConfig } from './synth-config.ts';
import { TimerInfrastructure } from './timer-infrastructure.ts';
import { DELIVERY_BACKLOG_ALARM_SECONDS, DeliveryInfrastructure } from './delivery-infrastructure.ts';
import { ROUTE_GROUPS } from './route-groups.ts';

export interface SlaWatchStackProps extends StackProps {
  readonly settings: StackSettings;
  readonly synthConfig: SynthConfig;
}

/** Every address the configuration mails: in the SES sandbox each must be a verified identity. */
export function configuredRecipients(config: AppConfig): string[] {
  const all = [
    ...Object.values(config.notifications.recipients).flat(),
    ...Object.values(config.notifications.escalationRecipients).flat(),
    ...config.reporting.recipients,
  ];
  return [...new Set(all.map((address) => address.toLowerCase()))].sort();
}

export class SlaWatchStack extends Stack {
  readonly http: SlaWatchHttpApi;
  readonly jobs: ScheduledJobs;
  readonly table: AlertTable;
  readonly timers: TimerInfrastructure;
  readonly secret: Secret;
  readonly delivery: DeliveryInfrastructure;
  readonly operations: OperationsTopic;
  readonly mailFeedback: MailFeedback;
  readonly alarms: SlaWatchAlarms;
  readonly dashboard: SlaWatchDashboard;

  constructor(scope: Construct, id: string, props: SlaWatchStackProps) {
    super(scope, id, { description: 'sla-watch: alert response SLAs (webhooks, business-time timers, notifications, daily report)', ...props });
    const { settings, synthConfig } = props;
    const { config } = synthConfig;
    const sender = settings.sender ?? config.notifications.from;
    const sesIdentity = settings.sesIdentity ?? defaultSesIdentity(sender);

    this.table = new AlertTable(this, 'Store');
    this.timers = new TimerInfrastructure(this, 'Timers');
    this.delivery = new DeliveryInfrastructure(this, 'Delivery');
    this.secret = new Secret(this, 'Secrets', {
      description: `sla-watch secrets (JSON object): ${LINK_SIGNING_SECRET_KEY} (generated) and the keys the configuration file names with secret_env/key_env`,
      generateSecretString: { secretStringTemplate: '{}', generateStringKey: LINK_SIGNING_SECRET_KEY, passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret holds credentials shared with systems outside AWS (webhook secrets configured in Alertmanager/Grafana/PagerDuty senders, API keys given to scripts) and the key of acknowledgment links already in mailboxes; rotating them needs those systems changed in step, which a rotation Lambda cannot do. Integrations accept two secrets at once for a manual rotation.',
    });

    const configurationSetName = settings.sesConfigurationSet ?? `${settings.stackName}-mail`;
    const sesArn = (resource: string, resourceName: string) => this.formatArn({ service: 'ses', resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    const mailArns = [
      sesArn('identity', sesIdentity),
      sesArn('configuration-set', configurationSetName),
      // In the sandbox SES also checks the permission to send to each recipient's identity.
      ...(settings.sesSandbox ? configuredRecipients(config).map((address) => sesArn('identity', address)) : []),
    ];
    const shared: SharedResources = { table: this.table, timers: this.timers, secret: this.secret, mailArns, senderAddress: senderAddress(sender) };
    const metricsNamespace = metricNamespace(settings.stackName);
    const environment: Record<string, string> = {
      LOG_LEVEL: settings.logLevel,
      [AWS_VARIABLES.tableName]: this.table.table.tableName,
      [AWS_VARIABLES.scheduleGroup]: this.timers.group.scheduleGroupName,
      [AWS_VARIABLES.atRiskFunctionArn]: this.timers.functionArns['at-risk'],
      [AWS_VARIABLES.breachFunctionArn]: this.timers.functionArns.breach,
      [AWS_VARIABLES.reminderFunctionArn]: this.timers.functionArns.reminder,
      [AWS_VARIABLES.schedulerRoleArn]: this.timers.schedulerRole.roleArn,
      [AWS_VARIABLES.deadLetterQueueArn]: this.timers.deadLetterQueue.queueArn,
      [AWS_VARIABLES.secretArn]: this.secret.secretArn,
      [AWS_VARIABLES.sesFrom]: sender,
      [AWS_VARIABLES.deliveryQueueUrl]: this.delivery.queue.queueUrl,
      [AWS_VARIABLES.sesConfigurationSet]: configurationSetName,
      [AWS_VARIABLES.metricsNamespace]: metricsNamespace,
    };
    const bundle = bundleSettings(synthConfig.json);

    this.http = new SlaWatchHttpApi(this, 'Http', { bundle, environment, shared, throttle: config.aws.api, metricsNamespace });
    const jobsEnvironment = { ...environment, [AWS_VARIABLES.baseUrl]: this.http.url };
    this.jobs = new ScheduledJobs(this, 'Jobs', { config, bundle, environment: jobsEnvironment, shared });
    // Whatever claims notifications hands the alerts to the senders; the sender renders links (base URL).
    const claiming = this.http.functions.filter((_, i) => ROUTE_GROUPS[i]?.needs.timers === true);
    for (const fn of [...claiming, ...this.jobs.timerFunctions, this.jobs.sweeper]) this.delivery.grantEnqueue(fn.role);
    const deliverySender = this.delivery.addSender({ bundle, environment: jobsEnvironment, shared });
    this.mailFeedback = new MailFeedback(this, 'MailFeedback', {
      configurationSetName,
      bundle,
      environment: jobsEnvironment,
      shared,
      onFailure: new SqsDestination(this.timers.deadLetterQueue),
    });

    this.operations = new OperationsTopic(this, 'Operations', { emails: config.operations.alarmEmails });
    this.alarms = new SlaWatchAlarms(this, 'Alarms', {
      topic: this.operations.topic,
      api: this.http.api,
      throttledRequests: this.http.throttledRequests,
      table: this.table.table,
      indexNames: GLOBAL_SECONDARY_INDEXES.map((index) => index.indexName),
      scheduleGroup: this.timers.group,
    });
    // One line per function or queue: the alarms and the dashboard both follow these lists.
    for (const fn of [...this.http.functions, ...this.jobs.functions]) this.alarms.watchFunction(fn.node.id, fn.fn);
    this.alarms.watchFunction('MailFeedback', this.mailFeedback.function.fn);
    this.alarms.watchFunction('Sender', deliverySender.fn);
    this.alarms.watchDeadLetterQueue('DeadLetters', this.timers.deadLetterQueue, 'a timer, sweep, report or SES feedback event failed for good and is in the dead-letter queue');
    this.alarms.watchRedriveQueue(
      'DeliveryDeadLetters',
      this.delivery.deadLetterQueue,
      'a delivery message failed five times and is in the delivery dead-letter queue; the sender log says why (the deliveries stay recorded on the alert, and the sweeper queues them again)',
    );
    this.alarms.watchBacklog(
      'Deliveries',
      this.delivery.queue,
      DELIVERY_BACKLOG_ALARM_SECONDS,
      'the senders are not keeping up (rates too low for the load) or are failing',
    );
    // Built last: it draws every function and queue watched above.
    this.dashboard = new SlaWatchDashboard(this, 'Dashboard', {
      dashboardName: settings.stackName,
      metricsNamespace,
      api: this.http.api,
      throttledRequests: this.http.throttledRequests,
      table: this.table.table,
      alarms: this.alarms,
    });

    if (synthConfig.inlineSecretPaths.length > 0) {
      Annotations.of(this).addWarningV2(
        'sla-watch:inline-secrets',
        `${synthConfig.source} writes secrets into the file (${synthConfig.inlineSecretPaths.join(', ')}); they are embedded in every function bundle. Prefer secret_env/key_env names and put the values in the secret ${LINK_SIGNING_SECRET_KEY} lives in.`,
      );
    }

    new CfnOutput(this, 'ApiUrl', { description: 'Base URL of the HTTP API', value: this.http.url });
    new CfnOutput(this, 'WebhookBaseUrl', { description: 'Alerting tools POST to <this><integration id>', value: `${this.http.url}/webhooks/` });
    new CfnOutput(this, 'SecretArn', { description: 'Put the secrets the configuration names into this JSON secret', value: this.secret.secretArn });
    new CfnOutput(this, 'SecretKeys', {
      description: 'Keys the secret must hold (aws secretsmanager put-secret-value, keeping the generated one)',
      value: [LINK_SIGNING_SECRET_KEY, ...synthConfig.secretNames].join(','),
    });
    new CfnOutput(this, 'DeadLetterQueueUrl', { description: 'Failed timers, sweeps and reports', value: this.timers.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'SesIdentity', { description: 'The SES identity emails are sent as (verify it in SES)', value: sesIdentity });
    new CfnOutput(this, 'SesConfigurationSet', { description: 'Every email is sent with this configuration set (bounces and complaints are recorded)', value: configurationSetName });
    new CfnOutput(this, 'AlarmTopicArn', { description: 'Every alarm notifies this topic (operations.alarm_emails are subscribed)', value: this.operations.topic.topicArn });
    new CfnOutput(this, 'DashboardUrl', { description: 'The CloudWatch dashboard', value: this.dashboard.url });
    new CfnOutput(this, 'ScheduleGroupName', { description: 'One schedule per pending timer', value: this.timers.groupName });
  }
}
