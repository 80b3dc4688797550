/**
 * Template checks of what operators rely on: the alarm topic and its subscriptions, every
 * alarm with its metric, the dashboard, the SES configuration set and bounce handling, and
 * names and deletion policies that let the same stack be destroyed and deployed again. Run by
 * stack.test.ts on its one synthesized stack (bundling ten functions is slow).
 */
import { describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import { GLOBAL_SECONDARY_INDEXES } from '../../shared/store/table-definition.ts';
import { TEST_CONTEXT, type Synthesized } from './synth-once.ts';
import { actionsOf, ofType, resources, roleStatements, type Resource } from './template-queries.ts';

interface MetricStat {
  readonly Metric: { readonly Namespace: string; readonly MetricName: string; readonly Dimensions?: { Name: string; Value: unknown }[] };
}

/** `namespace metric` of each metric an alarm watches (one, or those of its math expression). */
function watched(alarm: Resource): string[] {
  const p = alarm.Properties ?? {};
  if (p['MetricName'] !== undefined) return [`${String(p['Namespace'])} ${String(p['MetricName'])}`];
  return (p['Metrics'] as { MetricStat?: MetricStat }[])
    .filter((m) => m.MetricStat !== undefined)
    .map((m) => `${m.MetricStat?.Metric.Namespace} ${m.MetricStat?.Metric.MetricName}`)
    .sort();
}

export function operationsChecks(get: () => Synthesized): void {
  const json = (value: unknown) => JSON.stringify(value);
  const id = (element: { node: { defaultChild?: unknown } }) => get().stack.getLogicalId(element.node.defaultChild as CfnElement);

  describe('alarms', () => {
    it('notify one topic in the stack, to which every operations.alarm_emails address is subscribed by email', () => {
      const { template, stack } = get();
      const topicId = id(stack.operations.topic);
      const subscriptions = ofType(template, 'AWS::SNS::Subscription').map(([, r]) => r.Properties);
      expect(subscriptions.filter((p) => p?.['Protocol'] === 'email')).toEqual([
        { Protocol: 'email', TopicArn: { Ref: topicId }, Endpoint: 'ops@example.org' },
        { Protocol: 'email', TopicArn: { Ref: topicId }, Endpoint: 'sre@example.org' },
      ]);
      const alarms = ofType(template, 'AWS::CloudWatch::Alarm');
      expect(alarms.length).toBeGreaterThan(20);
      for (const [alarmId, alarm] of alarms) {
        expect(alarm.Properties?.['AlarmActions'], alarmId).toEqual([{ Ref: topicId }]);
        expect(alarm.Properties?.['OKActions'], alarmId).toEqual([{ Ref: topicId }]);
        expect(String(alarm.Properties?.['AlarmDescription']), alarmId).toMatch(/^sla-watch: /);
      }
    });

    it('watch each function, the dead-letter queues, the delivery backlog, the API, the table and its indexes, Scheduler and SES, each on its metric', () => {
      const { template, stack } = get();
      const byName = Object.fromEntries(ofType(template, 'AWS::CloudWatch::Alarm').map(([alarmId, alarm]) => [alarmId.replace(/^Alarms/, '').replace(/[0-9A-F]{8}$/, ''), watched(alarm)]));
      const functions = [...stack.http.functions.map((f) => f.node.id), ...stack.jobs.functions.map((f) => f.node.id), 'MailFeedback', 'Sender'].map((name) => name.replace(/-/g, ''));
      expect(functions).toHaveLength(13);
      const expected: Record<string, string[]> = {
        Api5xxRate: ['AWS/ApiGateway 5xx', 'AWS/ApiGateway Count'],
        Api429Rate: ['AWS/ApiGateway Count', 'sla-watch/sla-watch-test ThrottledRequests'],
        TableThrottled: ['AWS/DynamoDB ThrottledRequests', 'AWS/DynamoDB ThrottledRequests', 'AWS/DynamoDB ThrottledRequests', 'AWS/DynamoDB ThrottledRequests'],
        ...Object.fromEntries(GLOBAL_SECONDARY_INDEXES.map((index) => [`IndexWritesThrottled${index.indexName.replace(/-/g, '')}`, ['AWS/DynamoDB WriteThrottleEvents']])),
        TimerTargetErrors: ['AWS/Scheduler TargetErrorCount'],
        TimersDropped: ['AWS/Scheduler InvocationDroppedCount'],
        SesBounceRate: ['AWS/SES Reputation.BounceRate'],
        SesComplaintRate: ['AWS/SES Reputation.ComplaintRate'],
        DeadLettersArrivals: ['AWS/SQS NumberOfMessagesSent'],
        // SQS's own redrive does not count as sent: the delivery dead letters are watched waiting.
        DeliveryDeadLettersWaiting: ['AWS/SQS ApproximateNumberOfMessagesVisible'],
        DeliveriesBacklog: ['AWS/SQS ApproximateAgeOfOldestMessage'],
        ...Object.fromEntries(functions.flatMap((name) => [[`${name}Errors`, ['AWS/Lambda Errors']], [`${name}Throttles`, ['AWS/Lambda Throttles']]])),
      };
      expect(byName).toEqual(expected);
    });

    it('count 429s from the access log, which logs route keys and never paths (they hold link tokens)', () => {
      const { template, stack } = get();
      const [[, filter]] = ofType(template, 'AWS::Logs::MetricFilter') as [[string, Resource]];
      expect(filter.Properties).toMatchObject({
        FilterPattern: '{ $.status = 429 }',
        MetricTransformations: [{ MetricNamespace: 'sla-watch/sla-watch-test', MetricName: 'ThrottledRequests', MetricValue: '1', DefaultValue: 0 }],
      });
      const format = String((resources(template)[id(stack.http.stage)]?.Properties?.['AccessLogSettings'] as { Format: string }).Format);
      expect(JSON.parse(format.replace(/\$context\.status/, '0'))).toMatchObject({ route: '$context.routeKey', status: 0 });
      expect(format).not.toContain('$context.path');
    });

    it('watch the timers of the schedule group, by its name', () => {
      const { template } = get();
      for (const metric of ['TargetErrorCount', 'InvocationDroppedCount']) {
        const [[, alarm]] = ofType(template, 'AWS::CloudWatch::Alarm').filter(([, a]) => a.Properties?.['MetricName'] === metric) as [[string, Resource]];
        expect(alarm.Properties?.['Dimensions'], metric).toEqual([{ Name: 'ScheduleGroup', Value: 'sla-watch-test-timers' }]);
      }
    });
  });

  describe('the dashboard', () => {
    it('is named after the stack and draws intake, alerts per priority, breaches, timers and lateness, notifications, queues, errors and alarms', () => {
      const { template } = get();
      const [[, dashboard]] = ofType(template, 'AWS::CloudWatch::Dashboard') as [[string, Resource]];
      expect(dashboard.Properties?.['DashboardName']).toBe('sla-watch-test');
      const body = json(dashboard.Properties?.['DashboardBody']);
      for (const title of ['Intake: API requests a minute', 'Alerts opened a minute, per priority', 'Breaches announced a minute', 'Timers fired a minute', 'Timer lateness', 'Notifications sent and failed a minute', 'Dead-letter queues', 'Work queues', 'Function errors', 'Alarms']) {
        expect(body, title).toContain(title);
      }
      for (const metric of ['AlertsOpened', 'Breaches', 'TimersFired', 'TimerLateness', 'NotificationsSent', 'NotificationsFailed']) {
        expect(body, metric).toContain(`\\"sla-watch/sla-watch-test\\",\\"${metric}\\"`);
      }
      for (const priority of ['critical', 'high', 'medium', 'low']) expect(body).toContain(`\\"Priority\\",\\"${priority}\\"`);
      get().template.hasOutput('DashboardUrl', {});
    });
  });

  describe('bounces and complaints', () => {
    it('go from the configuration set every email uses to a topic, and from there to the feedback function', () => {
      const { template, stack } = get();
      const [[setId, set]] = ofType(template, 'AWS::SES::ConfigurationSet') as [[string, Resource]];
      expect(set.Properties).toMatchObject({ Name: TEST_CONTEXT.sesConfigurationSet, ReputationOptions: { ReputationMetricsEnabled: true } });
      const [[, destination]] = ofType(template, 'AWS::SES::ConfigurationSetEventDestination') as [[string, Resource]];
      const feedbackTopic = id(stack.mailFeedback.topic);
      expect(destination.Properties).toMatchObject({
        ConfigurationSetName: { Ref: setId },
        EventDestination: { Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: { TopicARN: { Ref: feedbackTopic } } },
      });
      const lambdaSubscriptions = ofType(template, 'AWS::SNS::Subscription').filter(([, r]) => r.Properties?.['Protocol'] === 'lambda');
      expect(lambdaSubscriptions.map(([, r]) => r.Properties)).toEqual([
        { Protocol: 'lambda', TopicArn: { Ref: feedbackTopic }, Endpoint: { 'Fn::GetAtt': [id(stack.mailFeedback.function.fn), 'Arn'] } },
      ]);
      // Only SES of this account may publish there.
      const [[, policy]] = ofType(template, 'AWS::SNS::TopicPolicy').filter(([, p]) => json(p.Properties?.['Topics']) === json([{ Ref: feedbackTopic }])) as [[string, Resource]];
      expect(json(policy.Properties)).toContain('"Service":"ses.amazonaws.com"');
      expect(json(policy.Properties)).toContain('"AWS:SourceAccount"');
    });

    it('are recorded by a function that may only write items and read the secret', () => {
      const { template, stack } = get();
      const statements = roleStatements(template, id(stack.mailFeedback.function.role));
      // The SQS actions are Lambda's on-failure destination: the dead-letter queue, and only it.
      expect(actionsOf(statements).filter((a) => !a.startsWith('logs:'))).toEqual(['dynamodb:PutItem', 'secretsmanager:GetSecretValue', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
      for (const sqs of statements.filter((st) => json(st.Action).includes('sqs:'))) {
        expect(sqs.Resource).toEqual({ 'Fn::GetAtt': [id(stack.timers.deadLetterQueue), 'Arn'] });
      }
      expect(json(statements.find((s) => s.Action === 'dynamodb:PutItem')?.Resource)).toBe(json({ 'Fn::GetAtt': [id(stack.table.table), 'Arn'] }));
      const [config] = ofType(template, 'AWS::Lambda::EventInvokeConfig').filter(([, c]) => json(c.Properties?.['FunctionName']) === json({ Ref: id(stack.mailFeedback.function.fn) }));
      expect(config?.[1].Properties).toMatchObject({ DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [id(stack.timers.deadLetterQueue), 'Arn'] } } } });
    });
  });

  describe('destroy, then deploy the same stack name again', () => {
    it('works: only the table (no fixed name) outlives the stack, and every fixed name is derived from the stack name', () => {
      const { template, stack } = get();
      const all = Object.entries((template.toJSON() as { Resources: Record<string, Resource & { DeletionPolicy?: string }> }).Resources);
      expect(all.filter(([, r]) => r.DeletionPolicy === 'Retain').map(([rid]) => rid)).toEqual([id(stack.table.table)]);
      expect(resources(template)[id(stack.table.table)]?.Properties?.['TableName']).toBeUndefined();

      const [[, group]] = all.filter(([, r]) => r.Type === 'AWS::Scheduler::ScheduleGroup') as [[string, Resource]];
      expect(group).toMatchObject({ Properties: { Name: 'sla-watch-test-timers' }, DeletionPolicy: 'Delete' });
      for (const [, logGroup] of all.filter(([, r]) => r.Type === 'AWS::Logs::LogGroup')) expect(logGroup.DeletionPolicy).toBe('Delete');

      const NAME_KEYS = ['FunctionName', 'Name', 'DashboardName', 'TopicName', 'QueueName', 'RoleName', 'LogGroupName', 'AlarmName', 'TableName'];
      // An HTTP API's name need not be unique, so it cannot collide.
      const named = all.filter(([, r]) => r.Type !== 'AWS::ApiGatewayV2::Api').flatMap(([rid, r]) => NAME_KEYS.filter((key) => typeof r.Properties?.[key] === 'string').map((key) => [rid, r.Type, String(r.Properties?.[key])] as const));
      for (const [rid, type, name] of named) {
        expect(name.startsWith(TEST_CONTEXT.stackName) || name === TEST_CONTEXT.sesConfigurationSet, `${rid} (${type}): ${name}`).toBe(true);
      }
      expect(named.map(([, type]) => type).sort()).toEqual([
        'AWS::CloudWatch::Dashboard',
        'AWS::Lambda::Function',
        'AWS::Lambda::Function',
        'AWS::Lambda::Function',
        'AWS::SES::ConfigurationSet',
        'AWS::Scheduler::ScheduleGroup',
      ]);
    });
  });
}
