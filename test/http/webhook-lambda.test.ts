import { handle } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app.ts';
import { grafanaSignature } from '../../shared/intake/grafana-signature.ts';
import { testConfig, testConfigFile, TEST_SECRETS } from '../support/config-fixtures.ts';
import { grafanaAlert, grafanaGroup } from '../support/payload-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const SIGNING = 'grafanaSigningSecret-0123456789';

function lambdaEvent(path: string, body: string, headers: Record<string, string>) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'api.example.test', ...headers },
    body: Buffer.from(body, 'utf8').toString('base64'),
    isBase64Encoded: true,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'Grafana' },
      requestId: 'webhook-lambda-1',
      routeKey: '$default',
      stage: '$default',
      time: '02/Mar/2026:09:00:00 +0000',
      timeEpoch: NOW,
    },
  };
}

describe('webhooks on Lambda (API Gateway HTTP API, base64 body)', () => {
  it('verifies a Grafana signature over the decoded raw bytes, non-ASCII text included', async () => {
    const integrations = (testConfigFile()['integrations'] as Record<string, unknown>[]).map((i) => (i['id'] === 'grafana' ? { ...i, grafana_signature: { secret: SIGNING } } : i));
    const t = testDeps({ now: NOW, config: testConfig({ integrations }) });
    const handler = handle(createApp(t.deps, { linkSecret: 'lambda-test-link-secret-0123456789' }));
    const raw = JSON.stringify(grafanaGroup([grafanaAlert({ annotations: { summary: 'Mémoire au-dessus de 90 % — zone 🇫🇷' } })]), null, 1);
    const headers = { authorization: `Bearer ${TEST_SECRETS.grafana}`, 'x-grafana-alerting-signature': grafanaSignature(SIGNING, raw) };

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a literal event, typed by the adapter's union
    const accepted = await handler(lambdaEvent('/webhooks/grafana', raw, headers) as any);
    expect(accepted.statusCode).toBe(200);
    expect(t.store.all().map((a) => a.title)).toEqual(['Mémoire au-dessus de 90 % — zone 🇫🇷']);

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    const tampered = await handler(lambdaEvent('/webhooks/grafana', raw.replace('90', '95'), headers) as any);
    expect(tampered.statusCode).toBe(401);
    expect(t.store.all()).toHaveLength(1);
  });
});
