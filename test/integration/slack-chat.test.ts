import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackChat } from '../../shared/adapters/slack/slack-chat.ts';
import { ChatError } from '../../shared/errors.ts';

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

interface FakeSlack {
  readonly webhookUrl: string;
  readonly bodies: unknown[];
  readonly contentTypes: (string | undefined)[];
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A Slack stand-in on a free loopback port answering with `replies` in turn (the last one repeats). */
async function fakeSlack(...replies: Reply[]): Promise<FakeSlack> {
  const bodies: unknown[] = [];
  const contentTypes: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      bodies.push(JSON.parse(raw));
      contentTypes.push(req.headers['content-type']);
      const reply = replies[Math.min(bodies.length - 1, replies.length - 1)];
      reply?.(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { webhookUrl: `http://127.0.0.1:${port}/services/T0SECRET/B0SECRET/xoxSecretPath`, bodies, contentTypes };
}

const ok: Reply = (_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
const status =
  (code: number, body = '', headers: Record<string, string> = {}): Reply =>
  (_, res) =>
    res.writeHead(code, { 'content-type': 'text/plain', ...headers }).end(body);
const never: Reply = () => undefined;

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const MESSAGE = { text: 'HIGH · Acknowledgment SLA at risk', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*x*' } }] };

async function chatError(promise: Promise<unknown>): Promise<ChatError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChatError);
  return error as ChatError;
}

describe('SlackChat against a local webhook', () => {
  it('posts the message as JSON', async () => {
    const slack = await fakeSlack(ok);
    await new SlackChat().post(slack.webhookUrl, MESSAGE);
    expect(slack.bodies).toEqual([MESSAGE]);
    expect(slack.contentTypes[0]).toMatch(/^application\/json/);
  });

  it('waits as long as Retry-After says after a 429, then delivers', async () => {
    const slack = await fakeSlack(status(429, 'rate_limited', { 'retry-after': '2' }), ok);
    const { waits, sleep } = recordingSleep();
    await new SlackChat({ sleep }).post(slack.webhookUrl, MESSAGE);
    expect(slack.bodies).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('caps a long Retry-After', async () => {
    const slack = await fakeSlack(status(429, '', { 'retry-after': '3600' }), ok);
    const { waits, sleep } = recordingSleep();
    await new SlackChat({ sleep, maxRetryAfterMs: 5000 }).post(slack.webhookUrl, MESSAGE);
    expect(waits).toEqual([5000]);
  });

  it('backs off after 5xx and gives up after its attempts with a ChatError that hides the URL', async () => {
    const slack = await fakeSlack(status(500, 'internal_error'));
    const { waits, sleep } = recordingSleep();
    const error = await chatError(new SlackChat({ sleep, maxAttempts: 3, backoffMs: 100 }).post(slack.webhookUrl, MESSAGE));
    expect(slack.bodies).toHaveLength(3);
    expect(waits).toEqual([100, 200]);
    expect(error.message).toContain('after 3 attempts (HTTP 500: internal_error)');
    expect(`${error.message} ${String(error.stack)}`).not.toMatch(/SECRET|xoxSecretPath|127\.0\.0\.1/);
  });

  it('does not retry an answer that will not change (404 no_service)', async () => {
    const slack = await fakeSlack(status(404, 'no_service'));
    const { waits, sleep } = recordingSleep();
    const error = await chatError(new SlackChat({ sleep }).post(slack.webhookUrl, MESSAGE));
    expect(error.message).toBe('Slack refused the message (HTTP 404: no_service)');
    expect(slack.bodies).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('gives up on a webhook that does not answer, after its timeout per attempt', async () => {
    const slack = await fakeSlack(never);
    const { sleep } = recordingSleep();
    const startedAt = performance.now();
    const error = await chatError(new SlackChat({ sleep, timeoutMs: 100, maxAttempts: 2 }).post(slack.webhookUrl, MESSAGE));
    expect(error.message).toContain('no answer within 100 ms');
    expect(slack.bodies).toHaveLength(2);
    expect(performance.now() - startedAt).toBeLessThan(5000);
  });

  it('fails without a request when the URL is not http(s), and never echoes it', async () => {
    const error = await chatError(new SlackChat().post('ftp://hooks.slack.test/T0SECRET', MESSAGE));
    expect(error.message).not.toContain('T0SECRET');
  });

  it('keeps the URL out of the error when the webhook cannot be reached', async () => {
    const { sleep } = recordingSleep();
    const error = await chatError(new SlackChat({ sleep, maxAttempts: 2 }).post('http://127.0.0.1:1/services/T0SECRET', MESSAGE));
    expect(error.message).toContain('network error');
    expect(error.message).not.toContain('T0SECRET');
  });
});
