import { describe, expect, it } from 'vitest';
import { actionLinks, actionLinkUrl, linkActionsFor } from '../../shared/domain/links/action-links.ts';
import { DEFAULT_LINK_TTL_SECONDS, MAX_LINK_LIFETIME_MS, signLinkToken, verifyLinkToken, type LinkClaims } from '../../shared/domain/links/link-token.ts';

const SECRET = 'link-secret-0123456789abcdefghijkl';
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const CLAIMS: LinkClaims = {
  alertId: 'am-3f2a9c-1',
  action: 'acknowledge',
  recipient: 'oncall-high@example.test',
  expiresAt: NOW + DEFAULT_LINK_TTL_SECONDS * 1000,
};
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('link tokens', () => {
  it('verify with the claims they were signed with', () => {
    const token = signLinkToken(CLAIMS, SECRET);
    expect(verifyLinkToken(token, SECRET, NOW)).toEqual({ ok: true, claims: CLAIMS });
    expect(verifyLinkToken(token, Buffer.from(SECRET), NOW, { alertId: CLAIMS.alertId, action: 'acknowledge' })).toEqual({
      ok: true,
      claims: CLAIMS,
    });
  });

  it('verify under either key while the key rotates, and no longer once the old key is dropped', () => {
    const OLD = 'old-link-secret-0123456789abcdefgh';
    const sentBefore = signLinkToken(CLAIMS, OLD);
    const sentAfter = signLinkToken(CLAIMS, SECRET);
    expect(verifyLinkToken(sentBefore, [SECRET, OLD], NOW)).toEqual({ ok: true, claims: CLAIMS });
    expect(verifyLinkToken(sentAfter, [SECRET, OLD], NOW)).toEqual({ ok: true, claims: CLAIMS });
    expect(verifyLinkToken(sentBefore, [SECRET], NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyLinkToken(signLinkToken(CLAIMS, 'someone-elses-key-0123456789abcdef'), [SECRET, OLD], NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(() => verifyLinkToken(sentAfter, [], NOW)).toThrow('no link key');
  });

  it('are URL-safe and short enough for an email link', () => {
    const token = signLinkToken(CLAIMS, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThan(200);
  });

  it('never contain the secret, in any encoding', () => {
    const token = signLinkToken(CLAIMS, SECRET);
    const payload = Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8');
    expect(token).not.toContain(SECRET);
    expect(payload).not.toContain(SECRET);
    expect(token).not.toContain(Buffer.from(SECRET).toString('base64url'));
  });

  it('fail when any single character is changed, at every position', () => {
    const token = signLinkToken(CLAIMS, SECRET);
    for (let i = 0; i < token.length; i += 1) {
      const original = token[i] ?? '';
      // Try several replacements: neighbours in the alphabet (which often differ only in padding bits) and a separator.
      const index = BASE64URL_ALPHABET.indexOf(original);
      const replacements = new Set([
        BASE64URL_ALPHABET[(index + 1) % 64] ?? 'A',
        BASE64URL_ALPHABET[(index + 63) % 64] ?? 'A',
        BASE64URL_ALPHABET[(index + 32) % 64] ?? 'A',
        '.',
      ]);
      replacements.delete(original);
      for (const replacement of replacements) {
        const tampered = `${token.slice(0, i)}${replacement}${token.slice(i + 1)}`;
        const result = verifyLinkToken(tampered, SECRET, NOW);
        expect(result.ok, `position ${i}: ${original} -> ${replacement}`).toBe(false);
      }
    }
  });

  it('fail when characters are added or removed', () => {
    const token = signLinkToken(CLAIMS, SECRET);
    expect(verifyLinkToken(`${token}A`, SECRET, NOW).ok).toBe(false);
    expect(verifyLinkToken(token.slice(0, -1), SECRET, NOW).ok).toBe(false);
    expect(verifyLinkToken(token.slice(1), SECRET, NOW).ok).toBe(false);
    expect(verifyLinkToken(`${token}=`, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('say why they fail: malformed, bad signature', () => {
    const token = signLinkToken(CLAIMS, SECRET);
    expect(verifyLinkToken('', SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyLinkToken('not a token', SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyLinkToken('a.b.c', SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyLinkToken('x'.repeat(5000), SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyLinkToken(token, 'another-secret-0123456789abcdefgh', NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuse a payload re-signed by someone without the secret', () => {
    const forgedPayload = Buffer.from(JSON.stringify({ a: CLAIMS.alertId, x: 'r', r: 'mallory@example.test', e: CLAIMS.expiresAt })).toString(
      'base64url',
    );
    const signature = signLinkToken(CLAIMS, SECRET).split('.')[1] ?? '';
    expect(verifyLinkToken(`${forgedPayload}.${signature}`, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuse as malformed an expiry more than a year ahead, however it is signed (no instant past what pages can show)', () => {
    for (const expiresAt of [NOW + MAX_LINK_LIFETIME_MS + 1, 8_640_000_000_000_001, Number.MAX_SAFE_INTEGER]) {
      const token = signLinkToken({ ...CLAIMS, expiresAt }, SECRET);
      expect(verifyLinkToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(verifyLinkToken(signLinkToken({ ...CLAIMS, expiresAt: NOW + MAX_LINK_LIFETIME_MS }, SECRET), SECRET, NOW).ok).toBe(true);
  });

  it('work until just before expiresAt and not at it', () => {
    const token = signLinkToken(CLAIMS, SECRET);
    expect(verifyLinkToken(token, SECRET, CLAIMS.expiresAt - 1).ok).toBe(true);
    expect(verifyLinkToken(token, SECRET, CLAIMS.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyLinkToken(token, SECRET, CLAIMS.expiresAt + 86_400_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('belong to one alert and one action', () => {
    const resolveToken = signLinkToken({ ...CLAIMS, action: 'resolve' }, SECRET);
    expect(verifyLinkToken(resolveToken, SECRET, NOW, { alertId: 'am-other-1' })).toEqual({ ok: false, reason: 'wrong-alert' });
    expect(verifyLinkToken(resolveToken, SECRET, NOW, { action: 'acknowledge' })).toEqual({ ok: false, reason: 'wrong-action' });
    const verified = verifyLinkToken(resolveToken, SECRET, NOW);
    expect(verified.ok && verified.claims.action).toBe('resolve');
  });

  it('carry recipients and alert ids with any characters', () => {
    const claims: LinkClaims = { ...CLAIMS, alertId: 'génér "ic".1', recipient: 'Zoë <zoe+oncall@example.test>' };
    expect(verifyLinkToken(signLinkToken(claims, SECRET), SECRET, NOW)).toEqual({ ok: true, claims });
  });

  it('refuse to sign or verify with an empty secret', () => {
    expect(() => signLinkToken(CLAIMS, '')).toThrow(/secret/);
    expect(() => verifyLinkToken(signLinkToken(CLAIMS, SECRET), Buffer.alloc(0), NOW)).toThrow(/secret/);
  });
});

describe('action links', () => {
  const request = { alertId: CLAIMS.alertId, recipient: CLAIMS.recipient, baseUrl: 'https://sla.example.test/', ttlSeconds: 3600, now: NOW };

  it('offer what still makes sense for the status', () => {
    expect(linkActionsFor('open')).toEqual(['acknowledge', 'resolve', 'update']);
    expect(linkActionsFor('acknowledged')).toEqual(['resolve', 'update']);
    expect(linkActionsFor('resolved')).toEqual([]);
  });

  it('are /ack/{token} URLs signed for the recipient, expiring after the TTL', () => {
    const links = actionLinks({ ...request, status: 'open' }, SECRET);
    expect(links.map((l) => l.action)).toEqual(['acknowledge', 'resolve', 'update']);
    for (const link of links) {
      expect(link.url).toMatch(/^https:\/\/sla\.example\.test\/ack\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      const token = link.url.split('/ack/')[1] ?? '';
      expect(verifyLinkToken(token, SECRET, NOW)).toEqual({
        ok: true,
        claims: { alertId: CLAIMS.alertId, action: link.action, recipient: CLAIMS.recipient, expiresAt: NOW + 3_600_000 },
      });
    }
    expect(actionLinkUrl('https://x.test//', 't.s')).toBe('https://x.test/ack/t.s');
  });
});
