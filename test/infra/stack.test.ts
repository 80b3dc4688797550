import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AWS_VARIABLES } from '../../shared/config/environment.ts';
import { createApp } from '../../shared/http/app.ts';
import { GLOBAL_SECONDARY_INDEXES, projectionOf, TTL_ATTRIBUTE } from '../../shared/store/table-definition.ts';
import { FUNCTION_RUNTIME } from '../../infra/aws/app-function.ts';
import type { AppFunction } from '../../infra/aws/app-function.ts';
import { BUNDLE_BANNER, NODE_TARGET } from '../../infra/aws/bundling.ts';
import { ROUTE_GROUPS } from '../../infra/aws/route-groups.ts';
import { testDeps } from '../support/test-deps.ts';
import { operationsChecks } from './operations-checks.ts';
import { synthOnce, TEST_CONTEXT, type Synthesized } from './synth-once.ts';
import { actionsOf, findCycle, list, ofType, resources, roleStatements, type Resource, type Statement } from './template-queries.ts';

let s: Synthesized;
// Bundling thirteen functions takes a minute or more on a busy two-core machine.
beforeAll(async () => {
  s = await synthOnce();
}, 300_000);
afterAll(() => s?.dispose());

const logicalId = (element: { node: { defaultChild?: unknown } }): string => s.stack.getLogicalId(element.node.defaultChild as CfnElement);
const fnResource = (fn: AppFunction): Resource => resources(s.template)[logicalId(fn.fn)] as Resource;
const statementsOf = (fn: AppFunction): Statement[] => roleStatements(s.template, logicalId(fn.role));
const sender = (): AppFunction => s.stack.delivery.sender as AppFunction;
const allFunctions = (): AppFunction[] => [...s.stack.http.functions, ...s.stack.jobs.functions, sender()];
const json = (value: unknown) => JSON.stringify(value);
const getAttArn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('the HTTP API', () => {
  it('routes every route of the local app, and nothing else, to API Gateway', () => {
    const app = createApp(testDeps().deps, { linkSecret: 'x'.repeat(32) });
    const appRoutes = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const apiRoutes = ofType(s.template, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties?.['RouteKey']);
    expect(new Set(apiRoutes)).toEqual(new Set(appRoutes));
    expect(apiRoutes).toHaveLength(new Set(apiRoutes).size);
  });

  it("sends each route group's routes to that group's own function", () => {
    const all = resources(s.template);
    const targetFunction = (routeKey: string): string => {
      const [, route] = ofType(s.template, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties?.['RouteKey'] === routeKey) ?? [];
      const integrationId = (route?.Properties?.['Target'] as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1] as { Ref: string };
      return ((all[integrationId.Ref]?.Properties?.['IntegrationUri'] as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]) as string;
    };
    ROUTE_GROUPS.forEach((group, index) => {
      const fn = s.stack.http.functions[index] as AppFunction;
      expect(fn.node.id).toBe(group.id);
      for (const [method, path] of group.routes) expect(targetFunction(`${method} ${path}`), `${method} ${path}`).toBe(logicalId(fn.fn));
    });
  });

  it('logs access and throttles at the stage as aws.api says, and outputs the webhook base URL', () => {
    const [[, stage]] = ofType(s.template, 'AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    expect(stage.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true, DefaultRouteSettings: { ThrottlingRateLimit: 2000, ThrottlingBurstLimit: 3000 } });
    expect(stage.Properties?.['AccessLogSettings']).toHaveProperty('DestinationArn');
    const [[apiId]] = ofType(s.template, 'AWS::ApiGatewayV2::Api') as [[string, Resource]];
    s.template.hasOutput('WebhookBaseUrl', { Value: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }, '/webhooks/']] } });
  });
});

describe('the functions', () => {
  it('run on the newest Node.js runtime on arm64, bundled for that runtime', () => {
    const functions = ofType(s.template, 'AWS::Lambda::Function');
    expect(functions).toHaveLength(13);
    expect(FUNCTION_RUNTIME.name).toBe('nodejs24.x');
    expect(NODE_TARGET).toBe(`node${/\d+/.exec(FUNCTION_RUNTIME.name)?.[0]}`);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
    }
  });

  it('have the memory and timeout of their work', () => {
    const settings = (fn: AppFunction) => [fnResource(fn).Properties?.['MemorySize'], fnResource(fn).Properties?.['Timeout']];
    for (const fn of s.stack.http.functions) expect(settings(fn), fn.node.id).toEqual([512, 29]);
    for (const fn of s.stack.jobs.timerFunctions) expect(settings(fn), fn.node.id).toEqual([512, 60]);
    expect(settings(s.stack.jobs.sweeper)).toEqual([512, 300]);
    expect(settings(s.stack.jobs.report)).toEqual([1024, 300]);
  });

  it('find every resource through the environment, which holds no secret', () => {
    const expected = new Set(['LOG_LEVEL', 'NODE_OPTIONS', ...Object.values(AWS_VARIABLES)]);
    const [[secretId]] = ofType(s.template, 'AWS::SecretsManager::Secret') as [[string, Resource]];
    for (const fn of allFunctions()) {
      const variables = (fnResource(fn).Properties?.['Environment'] as { Variables: Record<string, unknown> }).Variables;
      expect(new Set(Object.keys(variables)), fn.node.id).toEqual(expected);
      expect(variables['NODE_OPTIONS']).toBe('--enable-source-maps');
      expect(variables[AWS_VARIABLES.secretArn], 'the secret is passed by reference only').toEqual({ Ref: secretId });
      expect(variables[AWS_VARIABLES.sesFrom]).toBe(TEST_CONTEXT.sender);
      expect(variables[AWS_VARIABLES.sesConfigurationSet]).toBe(TEST_CONTEXT.sesConfigurationSet);
      expect(variables[AWS_VARIABLES.scheduleGroup]).toBe('sla-watch-test-timers');
      // The configuration names its secrets; their values come from Secrets Manager, never from here.
      for (const name of ['AM_WEBHOOK_SECRET', 'PD_ROUTING_KEY', 'OPS_BOT_KEY', 'link_signing_secret']) expect(variables).not.toHaveProperty(name);
    }
  });

  it('are ESM bundles under 300 KB with the configuration embedded and no YAML parser, with source maps', () => {
    for (const fn of allFunctions()) {
      const hash = (fnResource(fn).Properties?.['Code'] as { S3Key: string }).S3Key.replace(/\.zip$/, '');
      const file = join(s.assembly.directory, `asset.${hash}`, 'index.mjs');
      const code = readFileSync(file, 'utf8');
      // Booleans, not the code itself, in the assertions: a failure would print 270 KB.
      expect(code.startsWith(BUNDLE_BANNER), `${fn.node.id}: ESM with createRequire`).toBe(true);
      // The console's function carries its pages, stylesheet and script, not the reports, which the
      // Reports function builds and shows (330 KB); the metrics function carries prom-client and,
      // with the store's item module, the report view's evaluation (330 KB);
      // the Reports function renders every report and reads the backlog from open alerts' views (310 KB).
      const limitKb = fn === s.stack.http.functions[5] ? 330 : fn === s.stack.http.functions[4] ? 330 : fn === s.stack.http.functions[3] ? 310 : 300;
      expect(statSync(file).size, fn.node.id).toBeLessThan(limitKb * 1024);
      expect(existsSync(`${file}.map`), `${fn.node.id}: source map`).toBe(true);
      // The file's content, parsed at synth: secret names, never values (the file has none).
      expect(code.includes('"secret_env":"AM_WEBHOOK_SECRET"'), `${fn.node.id}: configuration embedded`).toBe(true);
      expect(code.includes('YAMLParseError'), `${fn.node.id}: YAML parser bundled`).toBe(false);
      // The SDK comes from the Lambda runtime.
      expect(/from\s*"@aws-sdk\/client-dynamodb"/.test(code), `${fn.node.id}: SDK external`).toBe(true);
    }
  });

  it('give the timer functions the fixed names their schedules target', () => {
    const names = s.stack.jobs.timerFunctions.map((fn) => fnResource(fn).Properties?.['FunctionName']);
    expect(names).toEqual(['sla-watch-test-at-risk', 'sla-watch-test-breach', 'sla-watch-test-reminder']);
    const variables = (fnResource(s.stack.http.functions[0] as AppFunction).Properties?.['Environment'] as { Variables: Record<string, unknown> }).Variables;
    expect(json(variables[AWS_VARIABLES.atRiskFunctionArn])).toContain(':function:sla-watch-test-at-risk"');
    expect(json(variables[AWS_VARIABLES.breachFunctionArn])).toContain(':function:sla-watch-test-breach"');
    expect(json(variables[AWS_VARIABLES.reminderFunctionArn])).toContain(':function:sla-watch-test-reminder"');
  });
});

describe('the table', () => {
  it('is on demand with point-in-time recovery, the TTL attribute and every index, and outlives the stack', () => {
    const [[, table]] = ofType(s.template, 'AWS::DynamoDB::Table') as [[string, Resource & { DeletionPolicy?: string }]];
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
    const indexes = table.Properties?.['GlobalSecondaryIndexes'] as { IndexName: string; KeySchema: unknown; Projection: unknown }[];
    expect(indexes).toEqual(
      GLOBAL_SECONDARY_INDEXES.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: projectionOf(index),
      })),
    );
  });
});

describe('timers and dead letters', () => {
  it('let the scheduler role do nothing but invoke the three timer functions and dead-letter', () => {
    const roleId = logicalId(s.stack.timers.schedulerRole);
    const statements = roleStatements(s.template, roleId);
    expect(statements).toHaveLength(2);
    const invoke = statements.find((st) => json(st.Action) === '"lambda:InvokeFunction"') as Statement;
    expect(list(invoke.Resource as unknown[]).map((arn) => json(arn).match(/:function:([\w-]+)"/)?.[1])).toEqual([
      'sla-watch-test-at-risk',
      'sla-watch-test-breach',
      'sla-watch-test-reminder',
    ]);
    const deadLetter = statements.find((st) => st !== invoke) as Statement;
    expect(deadLetter).toMatchObject({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAttArn(logicalId(s.stack.timers.deadLetterQueue)) });
    const role = resources(s.template)[roleId] as Resource;
    expect(role.Properties?.['ManagedPolicyArns']).toBeUndefined();
    expect(role.Properties?.['AssumeRolePolicyDocument']).toMatchObject({
      Statement: [{ Principal: { Service: 'scheduler.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }],
    });
  });

  it('keep an encrypted dead-letter queue that refuses plain HTTP', () => {
    const queueId = logicalId(s.stack.timers.deadLetterQueue);
    expect(resources(s.template)[queueId]?.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const [[, policy]] = ofType(s.template, 'AWS::SQS::QueuePolicy') as [[string, Resource]];
    expect(json(policy.Properties)).toContain('"aws:SecureTransport":"false"');
    expect(policy.Properties?.['Queues']).toEqual([{ Ref: queueId }]);
  });

  it('send failed deliveries and failed executions of every scheduled function to the dead-letter queue', () => {
    const dlq = getAttArn(logicalId(s.stack.timers.deadLetterQueue));
    const schedules = ofType(s.template, 'AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(2);
    for (const [, schedule] of schedules) expect((schedule.Properties?.['Target'] as { DeadLetterConfig: unknown }).DeadLetterConfig).toEqual({ Arn: dlq });
    const invokeConfigs = ofType(s.template, 'AWS::Lambda::EventInvokeConfig').map(([, c]) => c.Properties);
    for (const fn of s.stack.jobs.functions) {
      const config = invokeConfigs.find((c) => json(c?.['FunctionName']) === json({ Ref: logicalId(fn.fn) }));
      expect(config, fn.node.id).toMatchObject({ DestinationConfig: { OnFailure: { Destination: dlq } } });
    }
  });

  it('run the sweeper every check_interval and the report at reporting.time in reporting.timezone', () => {
    const byId = (schedule: { node: { defaultChild?: unknown } }) => resources(s.template)[logicalId(schedule)]?.Properties;
    expect(byId(s.stack.jobs.sweepSchedule)).toMatchObject({
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Target: { Arn: getAttArn(logicalId(s.stack.jobs.sweeper.fn)) },
    });
    expect(byId(s.stack.jobs.reportSchedule)).toMatchObject({
      ScheduleExpression: 'cron(30 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      State: 'ENABLED',
      Target: { Arn: getAttArn(logicalId(s.stack.jobs.report.fn)), Input: '{}' },
    });
    expect(resources(s.template)[logicalId(s.stack.timers.group)]?.Properties).toEqual({ Name: 'sla-watch-test-timers' });
  });
});

describe('the delivery stage', () => {
  const queueId = () => logicalId(s.stack.delivery.queue);
  const dlqId = () => logicalId(s.stack.delivery.deadLetterQueue);

  it('queues deliveries on an encrypted queue whose visibility is six times the sender timeout, with its own dead-letter queue', () => {
    expect(fnResource(sender()).Properties?.['Timeout']).toBe(120);
    expect(resources(s.template)[queueId()]?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 720,
      RedrivePolicy: { deadLetterTargetArn: getAttArn(dlqId()), maxReceiveCount: 5 },
    });
    expect(resources(s.template)[dlqId()]?.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const policies = ofType(s.template, 'AWS::SQS::QueuePolicy').map(([, p]) => p.Properties);
    for (const id of [queueId(), dlqId()]) {
      expect(json(policies.find((p) => json(p?.['Queues']) === json([{ Ref: id }])))).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('feeds the sender with at most 5 at once, in batches of 10, retrying only the failed messages', () => {
    const mappings = ofType(s.template, 'AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties);
    expect(mappings).toEqual([
      expect.objectContaining({
        EventSourceArn: getAttArn(queueId()),
        FunctionName: { Ref: logicalId(sender().fn) },
        BatchSize: 10,
        ScalingConfig: { MaximumConcurrency: 5 },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      }),
    ]);
  });

  it('reserves concurrency for the timer functions only, so a wave of timers cannot starve the API', () => {
    const reserved = (fn: AppFunction) => resources(s.template)[logicalId(fn.fn)]?.Properties?.['ReservedConcurrentExecutions'];
    for (const fn of s.stack.jobs.timerFunctions) expect(reserved(fn), fn.node.id).toBe(10);
    for (const fn of [...s.stack.http.functions, s.stack.jobs.sweeper, s.stack.jobs.report, sender()]) expect(reserved(fn), fn.node.id).toBeUndefined();
  });

  it('alarms on dead letters, a backlog older than 15 minutes, and sender errors', () => {
    const alarms = ofType(s.template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties ?? {});
    const on = (metric: string, dimension: string) => alarms.find((a) => a['MetricName'] === metric && json(a['Dimensions']).includes(dimension));
    expect(on('ApproximateNumberOfMessagesVisible', dlqId())).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(on('ApproximateAgeOfOldestMessage', queueId())).toMatchObject({ Threshold: 900 });
    expect(on('Errors', logicalId(sender().fn))).toMatchObject({ Threshold: 1 });
  });

  it('lets every claiming function enqueue, the sender touch only rate items besides alerts, and nothing else reach the queue', () => {
    const queueArn = json(getAttArn(queueId()));
    const enqueuing = allFunctions().filter((fn) => statementsOf(fn).some((st) => json(st.Action).includes('sqs:SendMessage') && json(st.Resource) === queueArn));
    expect(enqueuing.map((fn) => fn.node.id).sort()).toEqual(['Ack', 'Alerts', 'Console', 'Intake', 'Sender', 'Sweeper', 'Timer-at-risk', 'Timer-breach', 'Timer-reminder'].sort());
    // (Its other UpdateItem statement is the day counters', checked with the permissions.)
    const rate = statementsOf(sender()).find((st) => json(st.Action).includes('dynamodb:GetItem'));
    expect(rate?.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATE#*'] } });
    expect(json(statementsOf(s.stack.jobs.sweeper).find((st) => st.Action === 'dynamodb:Query')?.Resource)).toContain('"/index/outbox"');
  });
});

describe('permissions', () => {
  const dynamoActions = (fn: AppFunction) => actionsOf(statementsOf(fn)).filter((a) => a.startsWith('dynamodb:'));

  it('name a resource in every statement: no "*" anywhere, wildcards only inside our own schedule group and function qualifiers', () => {
    for (const [id, policy] of ofType(s.template, 'AWS::IAM::Policy')) {
      for (const statement of (policy.Properties?.['PolicyDocument'] as { Statement: Statement[] }).Statement) {
        for (const resource of list(statement.Resource)) {
          expect(resource, id).not.toBe('*');
          const text = json(resource);
          if (text.includes('*')) expect(text, `${id}: ${text}`).toMatch(/:schedule\/sla-watch-test-timers\/\*"\]\]\}$|^\{"Fn::Join":\["",\[\{"Fn::GetAtt":\["Jobs\w+Function\w+","Arn"\]\},":\*"\]\]\}$/);
        }
      }
    }
  });

  it('give each function only the table actions its work needs', () => {
    const [intake, alerts, ack, reports, metrics] = s.stack.http.functions as [AppFunction, AppFunction, AppFunction, AppFunction, AppFunction];
    expect(dynamoActions(intake)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(dynamoActions(alerts)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(dynamoActions(ack)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    // The day index holds keys only: the report reads the alerts by key.
    expect(dynamoActions(reports)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(dynamoActions(metrics)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:Query']);
    const consoleFn = s.stack.http.functions[5] as AppFunction;
    expect(dynamoActions(consoleFn)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    for (const fn of s.stack.jobs.timerFunctions) expect(dynamoActions(fn)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(dynamoActions(s.stack.jobs.sweeper)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    // Functions that write alerts add to the day counters, and may update nothing else.
    for (const fn of [alerts, ack, consoleFn, s.stack.jobs.sweeper, ...s.stack.jobs.timerFunctions, sender()]) {
      const counters = statementsOf(fn).find((st) => json(st.Action).includes('dynamodb:UpdateItem'));
      expect(counters?.Condition, fn.node.id).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['COUNTERS#*'] } });
    }
    expect(dynamoActions(s.stack.jobs.report)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    // The reports write their day rollups only, never an alert.
    for (const fn of [reports, s.stack.jobs.report]) {
      const rollups = statementsOf(fn).find((st) => json(st.Action).includes('dynamodb:PutItem'));
      expect(rollups?.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ROLLUP#*'] } });
    }
    // Queries name their one index.
    const queried = (fn: AppFunction) => json(statementsOf(fn).find((st) => st.Action === 'dynamodb:Query')?.Resource);
    expect(queried(alerts)).toContain('"/index/by-created"');
    expect(queried(reports)).toContain('"/index/by-day"');
    expect(queried(reports)).toContain('"/index/open"');
    expect(queried(consoleFn)).toContain('"/index/open"');
    expect(queried(s.stack.jobs.sweeper)).toContain('"/index/due"');
    // Metrics: open alerts' views and the due timers (today's figures are counters read by key), and no other index.
    expect(queried(metrics).match(/\/index\/[a-z-]+/g)?.sort()).toEqual(['/index/due', '/index/open']);
  });

  it('let functions send email only as the configured identity and From address, and read only the one secret', () => {
    const [[secretId]] = ofType(s.template, 'AWS::SecretsManager::Secret') as [[string, Resource]];
    for (const fn of allFunctions()) {
      const statements = statementsOf(fn);
      expect(statements.filter((st) => json(st.Action).includes('secretsmanager:')), fn.node.id).toEqual([
        { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: secretId } },
      ]);
      const mail = statements.filter((st) => json(st.Action).includes('ses:'));
      if (fn !== sender() && fn !== s.stack.jobs.report) {
        expect(mail, `${fn.node.id}: only the sender and the report mail`).toEqual([]);
        continue;
      }
      expect(mail).toHaveLength(1);
      expect(list((mail[0] as Statement).Action)).toEqual(['ses:SendEmail']);
      // SES compares the address alone: the display name of the sender is not part of it.
      expect((mail[0] as Statement).Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'alerts@mail.example.org' } });
      // In any order: cdk.json's minimizePolicies sorts a statement's resources.
      expect(list((mail[0] as Statement).Resource).map((r) => json(r).replace(/^.*:(identity|configuration-set)\//, '$1/')).sort()).toEqual([
        'configuration-set/sla-watch-events"]]}',
        'identity/mail.example.org"]]}',
      ]);
    }
  });

  it('let timer-arming functions create and delete schedules only in the group, passing only the scheduler role', () => {
    const schedulerRoleArn = getAttArn(logicalId(s.stack.timers.schedulerRole));
    const readers = [s.stack.http.functions[3] as AppFunction, s.stack.http.functions[4] as AppFunction, s.stack.jobs.report, sender()];
    const arming = allFunctions().filter((fn) => !readers.includes(fn));
    expect(arming).toHaveLength(8);
    for (const fn of arming) {
      const statements = statementsOf(fn);
      const scheduler = statements.find((st) => json(st.Action).includes('scheduler:')) as Statement;
      expect(scheduler.Action).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule']);
      expect(json(scheduler.Resource)).toMatch(/:schedule\/sla-watch-test-timers\/\*"\]\]\}$/);
      expect(statements.filter((st) => json(st.Action).includes('iam:'))).toEqual([
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: schedulerRoleArn, Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } } },
      ]);
    }
    for (const fn of readers) {
      expect(actionsOf(statementsOf(fn)).filter((a) => a.startsWith('scheduler:') || a.startsWith('iam:'))).toEqual([]);
    }
  });

  it('attach no AWS managed policy to any role', () => {
    for (const [id, role] of ofType(s.template, 'AWS::IAM::Role')) expect(role.Properties?.['ManagedPolicyArns'], id).toBeUndefined();
  });
});

describe('checks', () => {
  it('passes cdk-nag AWS Solutions with every acknowledgment explained', () => {
    const report = new AwsSolutionsChecks().validateScope(s.app);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    const acknowledgments = s.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(new Set(acknowledgments.map(([id]) => id.replace(/^annotation::/i, '').replace(/\[.*$/, '')))).toEqual(
      new Set(['AwsSolutions-IAM5', 'AwsSolutions-APIG4', 'AwsSolutions-COG4', 'AwsSolutions-SQS3', 'AwsSolutions-SMG4', 'AwsSolutions-SNS2']),
    );
    for (const [id, reason] of acknowledgments) expect(reason.length, `${id}: ${reason}`).toBeGreaterThan(150);
  });

  it('has no reference cycle CloudFormation would refuse', () => {
    expect(findCycle(resources(s.template))).toBeNull();
  });
});

operationsChecks(() => s);
