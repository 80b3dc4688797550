/**
 * Grafana's optional webhook signature: the contact point signs each request with a shared
 * secret, so a stolen bearer secret alone cannot forge alerts and a tampered body is refused.
 *
 * The signature header (default `X-Grafana-Alerting-Signature`) holds the lowercase hex
 * HMAC-SHA256 of the raw body, or of `<unixSeconds>:<rawBody>` when a timestamp header is
 * configured. With a timestamp, a request signed more than five minutes before or after now
 * is refused, so a captured request cannot be replayed later. It is computed over the raw
 * bytes as received: re-serialized JSON would differ. Comparison is constant-time.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { GrafanaSignatureConfig } from '../config/app-config.ts';
import { MINUTE_MS, SECOND_MS, type Instant } from '../domain/instant.ts';
import { UnauthorizedError } from '../errors.ts';

export const REPLAY_WINDOW_MS = 5 * MINUTE_MS;

export interface SignedRequest {
  /** A request header's value, null when absent (names are case-insensitive). */
  readonly header: (name: string) => string | null;
  readonly rawBody: Uint8Array;
}

/** Throws UnauthorizedError unless the request carries a valid, fresh signature. */
export function verifyGrafanaSignature(config: GrafanaSignatureConfig, request: SignedRequest, now: Instant): void {
  const signature = request.header(config.header)?.trim() ?? '';
  if (signature === '') throw new UnauthorizedError(`missing ${config.header} signature`);
  let timestampSeconds: number | null = null;
  if (config.timestampHeader !== null) {
    const timestamp = request.header(config.timestampHeader)?.trim() ?? '';
    if (!/^\d{1,12}$/.test(timestamp)) throw new UnauthorizedError(`missing or malformed ${config.timestampHeader} timestamp`);
    timestampSeconds = Number(timestamp);
    if (Math.abs(now - timestampSeconds * SECOND_MS) > REPLAY_WINDOW_MS) {
      throw new UnauthorizedError(`signature timestamp is more than ${REPLAY_WINDOW_MS / MINUTE_MS} minutes from now`);
    }
  }
  const expected = grafanaSignature(config.secret, request.rawBody, timestampSeconds);
  if (!timingSafeEqual(sha256(signature.toLowerCase()), sha256(expected))) throw new UnauthorizedError('invalid signature');
}

/** The signature Grafana would send (tests, and tools that imitate Grafana). */
export function grafanaSignature(secret: string, rawBody: Uint8Array | string, timestampSeconds: number | null = null): string {
  const hmac = createHmac('sha256', secret);
  if (timestampSeconds !== null) hmac.update(`${timestampSeconds}:`, 'utf8');
  return hmac.update(rawBody).digest('hex');
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
