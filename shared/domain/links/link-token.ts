/**
 * Signed action links for email: a token names one alert, one action (acknowledge, resolve or
 * post an update), the person the email was sent to, and when it stops working. Whoever holds
 * the token may perform that action in that person's name until it expires, so the token is
 * a capability: it is signed with a server secret and checked in constant time.
 *
 * Format: `base64url(payload) "." base64url(HMAC-SHA256(secret, payload bytes))`, the payload
 * being compact JSON with short keys. Both parts must be canonical base64url (no padding, no
 * stray bits), so changing any character of a token makes it invalid rather than decoding to
 * the same bytes. The secret never appears in the token; the payload is signed, not
 * encrypted (it holds nothing a recipient does not already know from the email).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Instant } from '../instant.ts';

export type LinkAction = 'acknowledge' | 'resolve' | 'update';
export const LINK_ACTIONS: readonly LinkAction[] = ['acknowledge', 'resolve', 'update'];

export interface LinkClaims {
  readonly alertId: string;
  readonly action: LinkAction;
  /** Who the link was sent to: the response is recorded in their name. */
  readonly recipient: string;
  /** The first instant at which the token no longer works. */
  readonly expiresAt: Instant;
}

export type LinkRejection = 'malformed' | 'bad-signature' | 'expired' | 'wrong-alert' | 'wrong-action';

export type LinkVerification =
  | { readonly ok: true; readonly claims: LinkClaims }
  | { readonly ok: false; readonly reason: LinkRejection };

export interface LinkExpectation {
  readonly alertId?: string;
  readonly action?: LinkAction;
}

/** Links stay valid this long unless configured otherwise (links.ttlSeconds). */
export const DEFAULT_LINK_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * No link lives longer than a year: a signed expiry further from now than that was not made
 * by this server's configuration (its ttl is capped to match) and is refused as malformed, so
 * no instant outside what pages can show (JavaScript dates end in the year 275760) gets in.
 */
export const MAX_LINK_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/** Longer tokens are refused before any decoding or HMAC work. */
const MAX_TOKEN_LENGTH = 2048;
const MAC_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Wire form of the claims: short keys keep URLs short in email clients that wrap them. */
interface WirePayload {
  readonly a: string;
  readonly x: 'a' | 'r' | 'u';
  readonly r: string;
  readonly e: number;
}

const ACTION_CODES: Readonly<Record<LinkAction, WirePayload['x']>> = { acknowledge: 'a', resolve: 'r', update: 'u' };

function actionFromCode(code: unknown): LinkAction | null {
  return LINK_ACTIONS.find((action) => ACTION_CODES[action] === code) ?? null;
}

function mac(secret: string | Buffer, payload: Buffer): Buffer {
  if (secret.length === 0) throw new Error('link secret must not be empty');
  return createHmac('sha256', secret).update(payload).digest();
}

/** Decodes canonical base64url only: re-encoding must give back the same text. */
function decodeCanonical(part: string): Buffer | null {
  if (!BASE64URL.test(part)) return null;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : null;
}

/**
 * `base64url(JSON) "." base64url(HMAC)`: the token form shared by action links, view links
 * (view-token.ts) and console sessions (session-token.ts). Each kind carries its own `x` code,
 * so a token of one kind never passes for another.
 */
export function signPayload(wire: object, secret: string | Buffer): string {
  const payload = Buffer.from(JSON.stringify(wire), 'utf8');
  return `${payload.toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The signed payload's bytes once shape and signature check out (constant time), else why not. */
export function openPayload(
  token: string,
  secret: string | Buffer | readonly (string | Buffer)[],
): { ok: true; payload: Buffer } | { ok: false; reason: 'malformed' | 'bad-signature' } {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'malformed' };
  const payload = decodeCanonical(parts[0] ?? '');
  const signature = decodeCanonical(parts[1] ?? '');
  if (payload === null || signature === null) return { ok: false, reason: 'malformed' };
  const keys = typeof secret === 'string' || Buffer.isBuffer(secret) ? [secret] : secret;
  if (keys.length === 0) throw new Error('no link key');
  // Every key, every time (no early exit): the time taken says nothing about which key matched.
  let signed = false;
  for (const key of keys) {
    const matches = signature.length === MAC_BYTES && timingSafeEqual(signature, mac(key, payload));
    signed = signed || matches;
  }
  if (!signed) return { ok: false, reason: 'bad-signature' };
  return { ok: true, payload };
}

export function signLinkToken(claims: LinkClaims, secret: string | Buffer): string {
  if (!Number.isSafeInteger(claims.expiresAt)) throw new Error('link expiresAt must be an epoch in ms');
  const wire: WirePayload = { a: claims.alertId, x: ACTION_CODES[claims.action], r: claims.recipient, e: claims.expiresAt };
  return signPayload(wire, secret);
}

function parseClaims(payload: Buffer): LinkClaims | null {
  let wire: unknown;
  try {
    wire = JSON.parse(payload.toString('utf8'));
  } catch {
    return null; // a correctly signed token always holds JSON; anything else is not ours
  }
  if (typeof wire !== 'object' || wire === null) return null;
  const { a, x, r, e } = wire as Record<string, unknown>;
  const action = actionFromCode(x);
  if (typeof a !== 'string' || a === '' || typeof r !== 'string' || r === '' || action === null) return null;
  if (typeof e !== 'number' || !Number.isSafeInteger(e)) return null;
  return { alertId: a, action, recipient: r, expiresAt: e };
}

/**
 * The key, or the keys, a token may be signed with. Two while the key rotates: links are signed
 * with the first (the current key) and accepted under either, so links already in mailboxes
 * keep working until they expire.
 */
export type LinkKeys = string | Buffer | readonly (string | Buffer)[];

/** The keys as a list, the signing (current) key first. */
export function linkKeyList(keys: LinkKeys): readonly (string | Buffer)[] {
  const list = typeof keys === 'string' || Buffer.isBuffer(keys) ? [keys] : keys;
  if (list.length === 0) throw new Error('no link key');
  return list;
}

/**
 * Checks a token: shape, then signature (constant time, against every key, with no early exit),
 * then expiry (at most a year after `now`, else malformed; valid strictly before `expiresAt`),
 * then what the caller expects. The signature is checked before the payload is trusted, so a
 * forged payload never reaches the JSON parser's output.
 */
export function verifyLinkToken(
  token: string,
  secret: LinkKeys,
  now: Instant,
  expected: LinkExpectation = {},
): LinkVerification {
  const opened = openPayload(token, secret);
  if (!opened.ok) return opened;
  const claims = parseClaims(opened.payload);
  if (claims === null) return { ok: false, reason: 'malformed' };
  if (claims.expiresAt > now + MAX_LINK_LIFETIME_MS) return { ok: false, reason: 'malformed' };
  if (now >= claims.expiresAt) return { ok: false, reason: 'expired' };
  if (expected.alertId !== undefined && expected.alertId !== claims.alertId) return { ok: false, reason: 'wrong-alert' };
  if (expected.action !== undefined && expected.action !== claims.action) return { ok: false, reason: 'wrong-action' };
  return { ok: true, claims };
}
