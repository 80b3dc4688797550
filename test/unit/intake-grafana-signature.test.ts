import { describe, expect, it } from 'vitest';
import type { GrafanaSignatureConfig } from '../../shared/config/app-config.ts';
import { UnauthorizedError } from '../../shared/errors.ts';
import { grafanaSignature, verifyGrafanaSignature } from '../../shared/intake/grafana-signature.ts';

const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const NOW_SECONDS = NOW / 1000;
const SECRET = 'grafanaHmacSecret-0123456789';
const BODY = new TextEncoder().encode('{"receiver":"sla-watch","alerts":[]}');

const plain: GrafanaSignatureConfig = { secret: SECRET, header: 'X-Grafana-Alerting-Signature', timestampHeader: null };
const timed: GrafanaSignatureConfig = { ...plain, timestampHeader: 'X-Grafana-Alerting-Timestamp' };

function request(headers: Record<string, string>, rawBody: Uint8Array = BODY) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { header: (name: string) => lower[name.toLowerCase()] ?? null, rawBody };
}

describe('Grafana webhook signature', () => {
  it('matches HMAC-SHA256 computed independently (openssl dgst -sha256 -hmac)', () => {
    expect(grafanaSignature(SECRET, BODY)).toBe('4ef1b62ab1348fb3afa9a96dc6973f3f5983ee2662dc3483a4a3eca77db73fca');
    expect(grafanaSignature(SECRET, BODY, NOW_SECONDS - 10)).toBe('5303fa3f0e185f58d6a02ceffc22fb49565808e47d019939033ff3fe0e87ac1a');
  });

  it('accepts a valid signature over the raw body', () => {
    const signature = grafanaSignature(SECRET, BODY);
    expect(() => verifyGrafanaSignature(plain, request({ 'X-Grafana-Alerting-Signature': signature }), NOW)).not.toThrow();
  });

  it('accepts a valid signature over `<timestamp>:<body>` within five minutes', () => {
    const at = NOW_SECONDS - 299;
    const signature = grafanaSignature(SECRET, BODY, at);
    expect(() => verifyGrafanaSignature(timed, request({ 'x-grafana-alerting-signature': signature, 'x-grafana-alerting-timestamp': String(at) }), NOW)).not.toThrow();
  });

  it('refuses a replayed request signed more than five minutes ago, or in the future', () => {
    for (const at of [NOW_SECONDS - 301, NOW_SECONDS + 301]) {
      const signature = grafanaSignature(SECRET, BODY, at);
      expect(() => verifyGrafanaSignature(timed, request({ 'X-Grafana-Alerting-Signature': signature, 'X-Grafana-Alerting-Timestamp': String(at) }), NOW)).toThrow(
        /more than 5 minutes/,
      );
    }
  });

  it('refuses a tampered body, a timestamp changed after signing, and a wrong secret', () => {
    const signature = grafanaSignature(SECRET, BODY);
    const tampered = new TextEncoder().encode('{"receiver":"sla-watch","alerts":[{}]}');
    expect(() => verifyGrafanaSignature(plain, request({ 'X-Grafana-Alerting-Signature': signature }, tampered), NOW)).toThrow(new UnauthorizedError('invalid signature'));
    const signedAt = grafanaSignature(SECRET, BODY, NOW_SECONDS - 10);
    expect(() => verifyGrafanaSignature(timed, request({ 'X-Grafana-Alerting-Signature': signedAt, 'X-Grafana-Alerting-Timestamp': String(NOW_SECONDS) }), NOW)).toThrow(
      'invalid signature',
    );
    const forged = grafanaSignature('another-secret-0123456789', BODY);
    expect(() => verifyGrafanaSignature(plain, request({ 'X-Grafana-Alerting-Signature': forged }), NOW)).toThrow('invalid signature');
  });

  it('refuses a request without the signature or the configured timestamp', () => {
    expect(() => verifyGrafanaSignature(plain, request({}), NOW)).toThrow(/missing X-Grafana-Alerting-Signature/);
    const signature = grafanaSignature(SECRET, BODY, NOW_SECONDS);
    expect(() => verifyGrafanaSignature(timed, request({ 'X-Grafana-Alerting-Signature': signature }), NOW)).toThrow(/timestamp/);
  });

  it('accepts a request signed exactly five minutes ago, and headers with stray spaces', () => {
    const at = NOW_SECONDS - 300;
    const signature = grafanaSignature(SECRET, BODY, at);
    expect(() => verifyGrafanaSignature(timed, request({ 'X-Grafana-Alerting-Signature': ` ${signature} `, 'X-Grafana-Alerting-Timestamp': ` ${at} ` }), NOW)).not.toThrow();
  });

  it('says the timestamp is malformed when it is not only digits', () => {
    const malformed = new UnauthorizedError('missing or malformed X-Grafana-Alerting-Timestamp timestamp');
    const signature = grafanaSignature(SECRET, BODY, NOW_SECONDS);
    for (const timestamp of ['soon', `x${NOW_SECONDS}`, `${NOW_SECONDS}x`]) {
      expect(() => verifyGrafanaSignature(timed, request({ 'X-Grafana-Alerting-Signature': signature, 'X-Grafana-Alerting-Timestamp': timestamp }), NOW)).toThrow(malformed);
    }
    expect(() => verifyGrafanaSignature(timed, request({ 'X-Grafana-Alerting-Signature': signature }), NOW)).toThrow(malformed);
  });

  it('uses a custom header name', () => {
    const custom = { ...plain, header: 'X-Sig' };
    expect(() => verifyGrafanaSignature(custom, request({ 'X-Sig': grafanaSignature(SECRET, BODY) }), NOW)).not.toThrow();
  });
});
