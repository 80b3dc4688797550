import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smokeCommand } from '../../infra/cli/commands/smoke.ts';
import type { CliIo } from '../../infra/cli/command.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { freePort, startTestStack, type TestStack } from '../support/test-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function smoke(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), env: {} };
  const code = await smokeCommand.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sla-watch smoke against the local stack', () => {
  it('passes every check, prints no key, and stores nothing', async () => {
    const result = await smoke('--url', stack.url, '--key', TEST_SECRETS.apiKey);
    expect(result.err).toBe('');
    expect(result.out.split('\n')).toEqual([
      'ok   health: GET /healthz: ok',
      'ok   intake: POST /webhooks/<test>: refused with 404 as expected, nothing stored',
      'ok   api read: GET /alerts?limit=1: ok (no alerts yet)',
      'ok   report read: GET /reports/daily: ok',
      'smoke: all 4 checks passed',
    ]);
    expect(result.code).toBe(0);
    expect(result.out).not.toContain(TEST_SECRETS.apiKey);
    const listed = (await (await stack.api('/alerts')).json()) as { alerts: unknown[] };
    expect(listed.alerts).toEqual([]);
    expect(await stack.emails()).toEqual([]);
  });

  it('fails, naming the check, with a wrong key', async () => {
    const result = await smoke('--url', stack.url, '--key', 'not-the-key-0123456789');
    expect(result.code).toBe(1);
    expect(result.err).toContain('FAIL api read: GET /alerts: expected 200, got 401 (invalid API key)');
    expect(result.err).not.toContain('not-the-key-0123456789');
    expect(result.out).toContain('smoke: 2 of 4 checks failed');
  });

  it('says plainly when nothing answers', async () => {
    const port = await freePort();
    const result = await smoke('--url', `http://127.0.0.1:${port}`, '--key', 'k');
    expect(result.code).toBe(1);
    expect(result.err).toContain(`FAIL health: no answer from http://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('refuses to run without a URL and a key', async () => {
    await expect(smoke('--url', stack.url)).rejects.toThrow('give --url and --key');
    await expect(smoke('--url', 'ftp://x', '--key', 'k')).rejects.toThrow('--url: expected an http(s) URL');
  });
});
