/**
 * Prometheus's own parser and linter accept the exposition (`promtool check metrics`: the
 * format, and naming conventions such as units in names and no reserved suffixes on gauges).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app.ts';
import { binaryOrSkip } from '../support/binaries.ts';
import { TEST_SECRETS, testConfig } from '../support/config-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

const promtool = binaryOrSkip(['promtool'], 'apt-get install prometheus');
const TOKEN = 'metricsToken0123456789abcdefghij';

function checkMetrics(binary: string, text: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
    child.stdin.end(text);
  });
}

describe.runIf(promtool)('the exposition, by promtool', () => {
  it('parses and passes the naming lint', async () => {
    const t = testDeps({ config: testConfig({ metrics_tokens: [{ name: 'p', token: TOKEN }] }), now: '2026-03-02T09:00:00Z' });
    const app = createApp(t.deps, { linkSecret: 'lint-test-link-secret-0123456789' });
    const posted = await app.request('/webhooks/generic', {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_SECRETS.generic}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'x', title: 'Disk full', severity: 'critical' }),
    });
    expect(posted.status).toBe(200);
    t.clock.advance(120_000);
    await app.request(`/alerts/${((await posted.json()) as { results: { alertId: string }[] }).results[0]?.alertId}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_SECRETS.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'acknowledgment', by: 'a@example.test' }),
    });
    const text = await (await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(text).toContain('sla_watch_time_to_acknowledge_seconds_bucket{le="120",priority="critical"} 1');
    const { code, output } = await checkMetrics(promtool as string, text);
    expect(output).toBe('');
    expect(code).toBe(0);
  });
});
