import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actionLinks } from '../../shared/domain/links/action-links.ts';
import { signLinkToken, verifyLinkToken, type LinkAction, type LinkClaims } from '../../shared/domain/links/link-token.ts';

const SECRET = 'golden-secret-0123456789abcdefghij';
const EXPIRES_AT = Date.UTC(2026, 11, 7, 12);
const NOW = EXPIRES_AT - 3_600_000;
const claimsFor = (action: LinkAction): LinkClaims => ({ alertId: 'am-3f2a9c-1', action, recipient: 'oncall-high@example.test', expiresAt: EXPIRES_AT });

// Tokens as emails already sent carry them: payload {"a","x","r","e"} with action codes a, r, u.
// A change of the wire format would break every link in every inbox.
const GOLDEN: Record<LinkAction, string> = {
  acknowledge:
    'eyJhIjoiYW0tM2YyYTljLTEiLCJ4IjoiYSIsInIiOiJvbmNhbGwtaGlnaEBleGFtcGxlLnRlc3QiLCJlIjoxNzk2NjQ0ODAwMDAwfQ.eiDTrMNe7GjO9nHHs5S-lH1cVj8huaqkdnzZY-H-cGY',
  resolve:
    'eyJhIjoiYW0tM2YyYTljLTEiLCJ4IjoiciIsInIiOiJvbmNhbGwtaGlnaEBleGFtcGxlLnRlc3QiLCJlIjoxNzk2NjQ0ODAwMDAwfQ.kGiNyvQ_rKE4yy3cXzjEdC971PqjPzqaHpQJrkqVE_c',
  update:
    'eyJhIjoiYW0tM2YyYTljLTEiLCJ4IjoidSIsInIiOiJvbmNhbGwtaGlnaEBleGFtcGxlLnRlc3QiLCJlIjoxNzk2NjQ0ODAwMDAwfQ.yEU8j_g48bUwvV2BZXyzMUczd3j5YuIrYUVLSsPUcNM',
};

/** A token whose payload is exactly `payload`, signed with the server secret (as a future or buggy signer could). */
function signedPayload(payload: string): string {
  const bytes = Buffer.from(payload, 'utf8');
  return `${bytes.toString('base64url')}.${createHmac('sha256', SECRET).update(bytes).digest('base64url')}`;
}

/** A valid token of exactly `length` characters, the recipient padded to fit. */
function tokenOfLength(length: number): string {
  for (let pad = 0; pad < 2 * length; pad += 1) {
    const token = signLinkToken({ ...claimsFor('acknowledge'), recipient: `${'r'.repeat(pad)}@example.test` }, SECRET);
    if (token.length === length) return token;
    if (token.length > length) break;
  }
  throw new Error(`no token of exactly ${length} characters`);
}

describe('link tokens on the wire', () => {
  it.each(Object.entries(GOLDEN) as [LinkAction, string][])('a %s link mailed by an earlier version still works', (action, token) => {
    expect(verifyLinkToken(token, SECRET, NOW)).toEqual({ ok: true, claims: claimsFor(action) });
    expect(verifyLinkToken(token, SECRET, NOW, { alertId: 'am-3f2a9c-1', action })).toEqual({ ok: true, claims: claimsFor(action) });
  });

  it.each(Object.entries(GOLDEN) as [LinkAction, string][])('a %s link signed today is byte for byte the one mailed before', (action, token) => {
    expect(signLinkToken(claimsFor(action), SECRET)).toBe(token);
  });

  it('an email offers these exact links for an open alert', () => {
    const links = actionLinks({ alertId: 'am-3f2a9c-1', status: 'open', recipient: 'oncall-high@example.test', baseUrl: 'https://sla.example.com/', ttlSeconds: 3600, now: NOW }, SECRET);
    expect(links).toEqual([
      { action: 'acknowledge', url: `https://sla.example.com/ack/${GOLDEN.acknowledge}` },
      { action: 'resolve', url: `https://sla.example.com/ack/${GOLDEN.resolve}` },
      { action: 'update', url: `https://sla.example.com/ack/${GOLDEN.update}` },
    ]);
  });

  it('a link with anything appended after a dot is refused', () => {
    for (const suffix of ['.x', '.', '.AAAA', `.${GOLDEN.resolve.split('.')[1]}`]) {
      expect(verifyLinkToken(`${GOLDEN.acknowledge}${suffix}`, SECRET, NOW), suffix).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('a link with its payload or its signature cut off is malformed, not a wrong signature', () => {
    const [payload, signature] = GOLDEN.update.split('.') as [string, string];
    expect(verifyLinkToken(`${payload}.`, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyLinkToken(`.${signature}`, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('a link of 2,048 characters works; a longer one is refused unread', () => {
    const longest = tokenOfLength(2048);
    expect(verifyLinkToken(longest, SECRET, NOW).ok).toBe(true);
    // base64url never has a length of 4k + 1, so the next valid token length is 2,050.
    expect(verifyLinkToken(tokenOfLength(2050), SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('no link is made with an expiry that is not an epoch in milliseconds', () => {
    for (const expiresAt of [Number.NaN, EXPIRES_AT + 0.5, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => signLinkToken({ ...claimsFor('resolve'), expiresAt }, SECRET)).toThrow('link expiresAt must be an epoch in ms');
    }
  });

  const good = { a: 'am-3f2a9c-1', x: 'a', r: 'oncall-high@example.test', e: EXPIRES_AT };
  it.each([
    ['not JSON', 'acknowledge am-3f2a9c-1'],
    ['JSON null', 'null'],
    ['a JSON string', '"am-3f2a9c-1"'],
    ['a JSON number', '1796644800000'],
    ['a list', JSON.stringify(Object.values(good))],
    ['no alert id', JSON.stringify({ ...good, a: undefined })],
    ['an empty alert id', JSON.stringify({ ...good, a: '' })],
    ['a numeric alert id', JSON.stringify({ ...good, a: 42 })],
    ['no recipient', JSON.stringify({ ...good, r: undefined })],
    ['an empty recipient', JSON.stringify({ ...good, r: '' })],
    ['a recipient list', JSON.stringify({ ...good, r: ['oncall-high@example.test'] })],
    ['an unknown action code', JSON.stringify({ ...good, x: 'd' })],
    ['an action written out', JSON.stringify({ ...good, x: 'acknowledge' })],
    ['no action', JSON.stringify({ ...good, x: undefined })],
    ['an expiry as text', JSON.stringify({ ...good, e: String(EXPIRES_AT) })],
    ['a fractional expiry', JSON.stringify({ ...good, e: EXPIRES_AT + 0.5 })],
    ['an expiry past safe integers', JSON.stringify({ ...good, e: 2 ** 60 })],
    ['no expiry (a link that would never expire)', JSON.stringify({ ...good, e: undefined })],
  ])('a correctly signed link holding %s is refused as malformed', (_, payload) => {
    expect(verifyLinkToken(signedPayload(payload), SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('the same payload shape, well formed, is accepted (the cases above differ only where named)', () => {
    expect(verifyLinkToken(signedPayload(JSON.stringify(good)), SECRET, NOW)).toEqual({ ok: true, claims: claimsFor('acknowledge') });
  });
});
