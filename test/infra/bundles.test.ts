/**
 * The Lambda bundles as deployed (bundled with the stack's options, infra/aws/bundling.ts),
 * booted in fresh Node processes against stand-ins: dynalite for DynamoDB, the SES emulator,
 * a recording Scheduler and a Secrets Manager answering the deployment's secret. What a
 * deployment would see: an alert posted to the webhook is stored and its timer armed at the
 * right function, the timer's payload is handled by the timer function, the report is mailed,
 * and a cold start without what it needs fails saying what is missing.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { build } from 'esbuild';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOT_CONFIG_FILE, BOOT_SECRETS } from '../../infra/aws/boot/boot-fixture.ts';
import { BOOT_SECRET_ARN, bootEnvironment } from '../../infra/aws/boot/boot-environment.ts';
import { startSecretsStandIn, type SecretsStandIn } from '../../infra/aws/boot/secrets-stand-in.ts';
import { bundleSettings, esbuildBuildOptions } from '../../infra/aws/bundling.ts';
import { entryPath, PROJECT_ROOT, type EntryName } from '../../infra/aws/entries.ts';
import { fromAlertItem } from '../../shared/adapters/dynamo/alert-item.ts';
import { AWS_VARIABLES } from '../../shared/config/environment.ts';
import { alertPk } from '../../shared/store/keys.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';
import { amGroup } from '../support/payload-fixtures.ts';
import { startSesEmulator, type SesEmulator } from '../support/ses-emulator.ts';
import { invokeBundle, type Invocation } from './invoke-bundle.ts';
import { startSchedulerStandIn, type SchedulerStandIn } from './scheduler-stand-in.ts';

const OUT_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'sla-watch', 'test-bundles');
const INCOMPLETE_SECRET_ARN = `${BOOT_SECRET_ARN}-incomplete`;

let dynamo: Dynalite;
let ses: SesEmulator;
let scheduler: SchedulerStandIn;
let secrets: SecretsStandIn;
let env: Record<string, string>;
const bundles = {} as Record<EntryName, string>;

beforeAll(async () => {
  const settings = bundleSettings(JSON.stringify(BOOT_CONFIG_FILE));
  const names: EntryName[] = ['api-intake', 'api-alerts', 'at-risk', 'report', 'sender'];
  await Promise.all(
    names.map(async (name) => {
      bundles[name] = join(OUT_DIR, name, 'index.mjs');
      await build(esbuildBuildOptions(settings, entryPath(name), bundles[name]));
    }),
  );
  [dynamo, ses, scheduler] = await Promise.all([startDynalite(), startSesEmulator(), startSchedulerStandIn()]);
  const { PD_ROUTING_KEY: _missing, ...incomplete } = BOOT_SECRETS;
  secrets = await startSecretsStandIn({ [BOOT_SECRET_ARN]: JSON.stringify(BOOT_SECRETS), [INCOMPLETE_SECRET_ARN]: JSON.stringify(incomplete) });
  env = bootEnvironment(secrets.endpoint, {
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    AWS_ENDPOINT_URL_SCHEDULER: scheduler.endpoint,
    [AWS_VARIABLES.tableName]: dynamo.tableName,
  });
});

afterAll(async () => {
  await Promise.all([dynamo?.stop(), ses?.stop(), scheduler?.stop(), secrets?.stop()]);
});

/** An API Gateway HTTP API (payload format 2.0) event. */
function httpEvent(method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}) {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.us-east-1.amazonaws.com', 'content-type': 'application/json', ...options.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '02/Mar/2026:09:00:00 +0000',
      timeEpoch: 0,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    isBase64Encoded: false,
  };
}

function result(invocation: Invocation): unknown {
  if (invocation.kind !== 'result') throw new Error(`expected a result, got ${JSON.stringify(invocation)}`);
  return invocation.value;
}

/** The EMF data points of one metric an invocation printed: its dimension and value. */
function emf(invocation: Invocation, metric: string): Record<string, unknown>[] {
  const logs = invocation.kind === 'result' ? invocation.logs : [];
  return logs
    .filter((line) => {
      const directive = (line['_aws'] as { CloudWatchMetrics?: { Namespace: string; Metrics: { Name: string }[] }[] } | undefined)?.CloudWatchMetrics?.[0];
      return directive !== undefined && directive.Namespace === env[AWS_VARIABLES.metricsNamespace] && directive.Metrics.some((m) => m.Name === metric);
    })
    .map((line) => {
      const { _aws: _directive, service, [metric]: value, ...dimension } = line;
      expect(service).toBe('sla-watch');
      return { ...dimension, value };
    });
}

describe('the API bundle', () => {
  it('answers the health check through API Gateway', async () => {
    const response = result(await invokeBundle(bundles['api-alerts'], env, httpEvent('GET', '/healthz'))) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('knows the integrations of the embedded configuration, with their secrets from Secrets Manager', async () => {
    const unknown = result(await invokeBundle(bundles['api-intake'], env, httpEvent('POST', '/webhooks/nope', { body: amGroup() }))) as { statusCode: number };
    expect(unknown.statusCode).toBe(404);
    const wrong = result(
      await invokeBundle(bundles['api-intake'], env, httpEvent('POST', '/webhooks/alertmanager', { headers: { authorization: 'Bearer wrong-secret-0123456789' }, body: amGroup() })),
    ) as { statusCode: number };
    expect(wrong.statusCode).toBe(401);
  });

  it('stores a posted alert, arms its timer at the timer function (scheduler role, dead-letter queue), and the sender mails it', async () => {
    await ses.clear();
    const intake = await invokeBundle(bundles['api-intake'], env, httpEvent('POST', '/webhooks/alertmanager', { headers: { authorization: `Bearer ${BOOT_SECRETS['AM_SECRET']}` }, body: amGroup() }));
    const response = result(intake) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(200);
    const { results } = JSON.parse(response.body) as { results: { alertId: string }[] };
    const alertId = results[0]?.alertId as string;
    const stored = await dynamo.client.send(new GetItemCommand({ TableName: dynamo.tableName, Key: { pk: { S: alertPk(alertId) } } }));
    expect(fromAlertItem(stored.Item ?? {})).toMatchObject({ id: alertId, integrationId: 'alertmanager', status: 'open' });

    const created = scheduler.requests.filter((r) => r.method === 'POST' && r.name.startsWith(`${alertId}.`));
    expect(created).toHaveLength(1);
    const target = created[0]?.body['Target'] as { Arn: string; RoleArn: string; Input: string; DeadLetterConfig: { Arn: string } };
    expect(created[0]?.groupName).toBe(env[AWS_VARIABLES.scheduleGroup]);
    const payload = JSON.parse(target.Input) as { kind: 'at-risk' | 'breach' | 'reminder' };
    const targetVariable = { 'at-risk': AWS_VARIABLES.atRiskFunctionArn, breach: AWS_VARIABLES.breachFunctionArn, reminder: AWS_VARIABLES.reminderFunctionArn }[payload.kind];
    expect(target).toMatchObject({
      Arn: env[targetVariable],
      RoleArn: env[AWS_VARIABLES.schedulerRoleArn],
      DeadLetterConfig: { Arn: env[AWS_VARIABLES.deadLetterQueueArn] },
    });

    // The payload Scheduler would deliver is what the timer functions take.
    const timer = await invokeBundle(bundles['at-risk'], env, payload);
    const handled = result(timer) as { alertId: string; outcome: string };
    expect(handled.alertId).toBe(alertId);
    expect(['nothing-due', 'notified']).toContain(handled.outcome);

    // Business metrics in CloudWatch's embedded metric format, in the deployment's namespace.
    expect(emf(intake, 'AlertsOpened')).toEqual([{ Priority: 'critical', value: 1 }]);
    expect(emf(timer, 'TimersFired')).toEqual([{ TimerKind: payload.kind, value: 1 }]);
    expect(emf(timer, 'TimerLateness')).toHaveLength(1);

    // The claim stored the new-alert delivery; the sender, handed the alert as SQS would, mails it.
    const sent = await invokeBundle(bundles.sender, env, { Records: [{ messageId: 'message-1', body: JSON.stringify({ alertId }) }] });
    expect(result(sent)).toEqual({ batchItemFailures: [] });
    const mails = await ses.messages();
    expect(mails.map((m) => m.subject).join('\n')).toContain('new alert');
    expect(emf(sent, 'NotificationsSent')).toEqual([{ Channel: 'email', value: 1 }]);
  });
});

describe('the timer bundles', () => {
  it('refuse an event that is not a timer payload, naming each problem, so Lambda retries it into the dead-letter queue', async () => {
    const invocation = await invokeBundle(bundles['at-risk'], env, { alertId: '', kind: 'snooze', generation: -1 });
    expect(invocation).toMatchObject({ kind: 'error', name: 'InvalidRequestError', message: 'not a timer payload' });
    const details = (invocation.kind === 'error' ? (invocation.details ?? []) : []).join('\n');
    for (const field of ['alertId', 'kind', 'generation', 'dueAt']) expect(details).toContain(field);
  });

  it('drop a timer for an alert that does not exist', async () => {
    const payload = { alertId: 'gone-0000', kind: 'breach', generation: 3, dueAt: '2026-03-02T09:30:00.000Z' };
    expect(result(await invokeBundle(bundles['at-risk'], env, payload))).toEqual({ alertId: 'gone-0000', outcome: 'not-found' });
  });
});

describe('the report bundle', () => {
  it("mails the requested day's report to the reporting recipients from the configured sender", async () => {
    await ses.clear();
    expect(result(await invokeBundle(bundles.report, env, { date: '2026-03-01' }))).toMatchObject({ outcome: 'sent', interval: 'daily', period: '2026-03-01' });
    const mails = await ses.messages();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ from: env[AWS_VARIABLES.sesFrom], destination: { to: ['manager@example.com'] } });
  });

  it('refuses a date that is not a string', async () => {
    expect(await invokeBundle(bundles.report, env, { date: 20260301 })).toMatchObject({ kind: 'error', name: 'InvalidRequestError' });
  });
});

describe('a cold start', () => {
  it('fails naming the key the secret lacks', async () => {
    const invocation = await invokeBundle(bundles['api-alerts'], { ...env, [AWS_VARIABLES.secretArn]: INCOMPLETE_SECRET_ARN }, httpEvent('GET', '/healthz'));
    expect(invocation).toMatchObject({ kind: 'init-error', name: 'ConfigError' });
    const { message } = invocation as { message: string };
    expect(message).toContain('PD_ROUTING_KEY');
    expect(message).toContain(`keys of the secret ${INCOMPLETE_SECRET_ARN}`);
    expect(message).not.toContain(BOOT_SECRETS['AM_SECRET']);
  });

  it('fails naming every variable of the stack that is missing', async () => {
    const { [AWS_VARIABLES.tableName]: _table, [AWS_VARIABLES.schedulerRoleArn]: _role, ...partial } = env;
    const invocation = await invokeBundle(bundles['api-alerts'], partial, httpEvent('GET', '/healthz'));
    expect(invocation).toMatchObject({ kind: 'init-error', name: 'ConfigError' });
    expect((invocation as { message: string }).message).toContain(`environment variable ${AWS_VARIABLES.tableName} is not set`);
    expect((invocation as { message: string }).message).toContain(`environment variable ${AWS_VARIABLES.schedulerRoleArn} is not set`);
  });
});
