/**
 * Providers that misbehave as real ones do, on loopback, over their real protocols:
 *
 * - a fake SES speaking the SES query protocol the AWS SDK uses (`Action=SendEmail`, XML
 *   answers): it accepts at most `perSecond` emails a second (a token bucket holding one
 *   second's worth, as SES meters its sending rate) and answers the rest 400 `Throttling`
 *   "Maximum sending rate exceeded"; it refuses some addresses for good with 400
 *   `MessageRejected` "Email address is not verified" (the SES sandbox);
 * - a Slack incoming-webhook stub that takes at most `perSecond` messages a second and answers
 *   the rest 429 with `Retry-After` (and, when asked, the first N regardless).
 *
 * Each records what it accepted, with the time, so tests and benchmarks can count deliveries;
 * `GET /stats` answers the records as JSON (for a benchmark running them in another process).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Accepted {
  readonly to: string;
  readonly subject: string;
  readonly at: number;
  readonly messageId: string;
}

/**
 * Refills at `perSecond`; holds one second's worth plus one, so a sender paced at exactly the
 * rate is not refused for a few milliseconds of network jitter, while any sustained excess is.
 */
class TokenBucket {
  private tokens: number;
  private last = performance.now();
  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.perSecond + 1, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const sesError = (code: string, message: string) =>
  `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`;

export interface FakeSes {
  readonly endpoint: string;
  readonly accepted: Accepted[];
  /** Answers 400 Throttling, by address. */
  readonly throttled: string[];
  /** Answers 400 MessageRejected, by address. */
  readonly rejected: string[];
  /** Emails accepted for an address. */
  to(address: string): Accepted[];
  /** Answers the requests held so far (`held`), and every later one at once; a request whose
   * sender is gone by then (its process was killed) is dropped, never accepted. */
  release(): void;
  stop(): Promise<void>;
}

export async function startFakeSes(options: { perSecond: number; refuse?: readonly string[]; held?: boolean }): Promise<FakeSes> {
  let held = options.held ?? false;
  const waiting: (() => void)[] = [];
  const bucket = new TokenBucket(options.perSecond);
  const refuse = new Set((options.refuse ?? []).map((a) => a.toLowerCase()));
  const accepted: Accepted[] = [];
  const throttled: string[] = [];
  const rejected: string[] = [];
  const server = createServer((request, response) => {
    void body(request).then((text) => {
      if (held && request.method !== 'GET') {
        waiting.push(() => {
          if (!request.socket.destroyed) answer(request, response, text);
        });
        return;
      }
      answer(request, response, text);
    });
  });
  const answer = (request: IncomingMessage, response: ServerResponse, text: string): void => {
    if (request.method === 'GET') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ accepted, throttled: throttled.length, rejected: rejected.length }));
      return;
    }
    const form = new URLSearchParams(text);
    const to = form.get('Destination.ToAddresses.member.1') ?? '';
    response.setHeader('content-type', 'text/xml');
    if (form.get('Action') !== 'SendEmail') {
      response.statusCode = 400;
      response.end(sesError('InvalidAction', 'only SendEmail'));
    } else if (refuse.has(to.toLowerCase())) {
      rejected.push(to);
      response.statusCode = 400;
      response.end(sesError('MessageRejected', `Email address is not verified. The following identities failed the check in region US-EAST-1: ${to}`));
    } else if (!bucket.take()) {
      throttled.push(to);
      response.statusCode = 400;
      response.end(sesError('Throttling', 'Maximum sending rate exceeded.'));
    } else {
      const messageId = `fake-${accepted.length + 1}`;
      accepted.push({ to, subject: form.get('Message.Subject.Data') ?? '', at: Date.now(), messageId });
      response.end(
        `<SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendEmailResult><MessageId>${messageId}</MessageId></SendEmailResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></SendEmailResponse>`,
      );
    }
  };
  const endpoint = await listen(server);
  return {
    endpoint,
    accepted,
    throttled,
    rejected,
    to: (address) => accepted.filter((a) => a.to.toLowerCase() === address.toLowerCase()),
    release: () => {
      held = false;
      for (const run of waiting.splice(0)) run();
    },
    stop: () => close(server),
  };
}

export interface SlackStub {
  readonly url: string;
  /** Messages accepted, per webhook path. */
  readonly accepted: { path: string; text: string; at: number }[];
  /** 429 answers given. */
  readonly limited: number;
  stop(): Promise<void>;
}

export async function startSlackStub(options: { perSecond: number; retryAfterSeconds: number; refuseFirst?: number }): Promise<SlackStub> {
  const buckets = new Map<string, TokenBucket>();
  let refuseFirst = options.refuseFirst ?? 0;
  const state = { limited: 0 };
  const accepted: { path: string; text: string; at: number }[] = [];
  const server = createServer((request, response) => {
    void body(request).then((text) => {
      const path = request.url ?? '/';
      if (request.method === 'GET') {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ accepted, limited: state.limited }));
        return;
      }
      let bucket = buckets.get(path);
      if (bucket === undefined) buckets.set(path, (bucket = new TokenBucket(options.perSecond)));
      if (refuseFirst > 0 || !bucket.take()) {
        refuseFirst = Math.max(0, refuseFirst - 1);
        state.limited += 1;
        response.writeHead(429, { 'retry-after': String(options.retryAfterSeconds), 'content-type': 'text/plain' });
        response.end('rate_limited');
        return;
      }
      accepted.push({ path, text: (JSON.parse(text) as { text?: string }).text ?? '', at: Date.now() });
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
    });
  });
  const url = await listen(server);
  return {
    url,
    accepted,
    get limited() {
      return state.limited;
    },
    stop: () => close(server),
  };
}
