/**
 * Chat on Slack incoming webhooks: one JSON POST per message with the global fetch.
 *
 * Slack answers 429 with Retry-After when a webhook is rate limited (about one message per
 * second) and 5xx when it has trouble; both are retried a bounded number of times, waiting
 * Retry-After (capped) or an exponential backoff. Network failures and per-attempt timeouts
 * are retried the same way. Other answers (400 invalid_payload, 403, 404 no_service,
 * 410 channel_is_archived) will not improve and fail at once. Every failure is a ChatError,
 * marked transient (with the last Retry-After) when a later try may succeed; the outbox sender
 * uses one attempt and does its own paced retries;
 * the webhook URL is a secret and never appears in a message.
 */
import { ChatError } from '../../errors.ts';
import type { Chat, ChatMessage } from '../../ports/chat.ts';

export interface SlackChatOptions {
  /** Attempts in all, first included (default 3). */
  readonly maxAttempts?: number;
  /** Per-attempt timeout (default 5 s). */
  readonly timeoutMs?: number;
  /** First backoff after a 5xx or network failure; doubles each time (default 500 ms). */
  readonly backoffMs?: number;
  /** Longest wait honoured from Retry-After (default 10 s): a Lambda must not idle longer. */
  readonly maxRetryAfterMs?: number;
  /** Injected by tests to avoid real waits. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fetch?: typeof fetch;
}

type Attempt =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs: number | null; readonly cause?: unknown }
  | { readonly kind: 'fail'; readonly reason: string };

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds (Slack's form) or an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Slack's error bodies are short codes (`no_service`); anything else is cut, and the URL removed. */
function bodyHint(body: string, webhookUrl: string): string {
  const oneLine = body.split(webhookUrl).join('[webhook]').replace(/\s+/g, ' ').trim().slice(0, 120);
  return oneLine === '' ? '' : `: ${oneLine}`;
}

export class SlackChat implements Chat {
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetch: typeof fetch;

  constructor(options: SlackChatOptions = {}) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
    this.sleep = options.sleep ?? realSleep;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async post(webhookUrl: string, message: ChatMessage): Promise<void> {
    if (!URL.canParse(webhookUrl) || !['https:', 'http:'].includes(new URL(webhookUrl).protocol)) {
      throw new ChatError('the Slack webhook URL is not an http(s) URL');
    }
    const body = JSON.stringify(message);
    let last: Extract<Attempt, { kind: 'retry' }> | null = null;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const outcome = await this.attempt(webhookUrl, body);
      switch (outcome.kind) {
        case 'delivered':
          return;
        case 'fail':
          throw new ChatError(`Slack refused the message (${outcome.reason})`, undefined, { transient: false });
        case 'retry':
          last = outcome;
          if (attempt < this.maxAttempts) await this.sleep(this.delayMs(outcome, attempt));
          break;
      }
    }
    throw new ChatError(`Slack did not accept the message after ${this.maxAttempts} attempts (${last?.reason ?? 'unknown'})`, last?.cause, {
      transient: true,
      retryAfterMs: last?.retryAfterMs ?? null,
    });
  }

  private delayMs(outcome: Extract<Attempt, { kind: 'retry' }>, attempt: number): number {
    if (outcome.retryAfterMs !== null) return Math.min(outcome.retryAfterMs, this.maxRetryAfterMs);
    return Math.min(this.backoffMs * 2 ** (attempt - 1), this.maxRetryAfterMs);
  }

  private async attempt(webhookUrl: string, body: string): Promise<Attempt> {
    let response: Response;
    try {
      response = await this.fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      // The cause is kept for operators; undici's network errors name host and port, never the path that holds the secret.
      return { kind: 'retry', reason: timedOut ? `no answer within ${this.timeoutMs} ms` : 'network error', retryAfterMs: null, cause: error };
    }
    const text = await response.text().catch(() => ''); // the status decides; the body is only a hint
    if (response.ok) return { kind: 'delivered' };
    const reason = `HTTP ${response.status}${bodyHint(text, webhookUrl)}`;
    if (response.status === 429) return { kind: 'retry', reason, retryAfterMs: retryAfterMs(response.headers.get('retry-after'), Date.now()) };
    if (response.status >= 500) return { kind: 'retry', reason, retryAfterMs: null };
    return { kind: 'fail', reason };
  }
}
