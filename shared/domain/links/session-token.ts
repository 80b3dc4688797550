/**
 * Console sessions and the tokens around them, all stateless and signed with a key derived
 * from the link secret (so a session cookie can never pass for a link, nor the reverse):
 * - a session names the person signed in, how (API key name or password), a random id, and
 *   when it ends; it lives in an HttpOnly SameSite=Strict cookie;
 * - a form's CSRF token is an HMAC of the session id, so only a page rendered for this
 *   session can post in its name;
 * - a sign-in ticket (the one-time URL `npm start` prints) names a random id the server
 *   accepts once, and expires within minutes.
 * While the link key rotates there are two console keys: tokens are signed with the current
 * one and accepted under either, so sessions and open forms outlive the rotation.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Instant } from '../instant.ts';
import { linkKeyList, openPayload, signPayload, type LinkKeys } from './link-token.ts';

export interface SessionClaims {
  /** The person's name as they gave it at sign-in: responses are recorded in it. */
  readonly person: string;
  /** How they proved it: `api key <name>`, `password`, or `sign-in link`. */
  readonly method: string;
  /** Random id: the CSRF token is derived from it. */
  readonly id: string;
  readonly expiresAt: Instant;
}

export interface TicketClaims {
  readonly id: string;
  readonly expiresAt: Instant;
}

export type TokenCheck<T> = { readonly ok: true; readonly claims: T } | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' | 'expired' };

/** A key of its own for console tokens, derived from the link secret. */
export function consoleKey(linkSecret: string | Buffer): Buffer {
  return createHmac('sha256', linkSecret).update('sla-watch console v1').digest();
}

/** The console key of each link key, in the same order: the first signs, every one verifies. */
export function consoleKeys(linkKeys: LinkKeys): readonly Buffer[] {
  return linkKeyList(linkKeys).map(consoleKey);
}

/** Console keys to verify with: one, or the current and the previous while rotating. */
export type ConsoleKeys = Buffer | readonly Buffer[];

function json(payload: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(payload.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function signSession(claims: SessionClaims, key: Buffer): string {
  return signPayload({ x: 's', p: claims.person, m: claims.method, i: claims.id, e: claims.expiresAt }, key);
}

export function verifySession(token: string, key: ConsoleKeys, now: Instant): TokenCheck<SessionClaims> {
  const opened = openPayload(token, key);
  if (!opened.ok) return opened;
  const w = json(opened.payload);
  if (w === null || w.x !== 's' || typeof w.p !== 'string' || typeof w.m !== 'string' || typeof w.i !== 'string' || typeof w.e !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if (now >= w.e) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { person: w.p, method: w.m, id: w.i, expiresAt: w.e } };
}

export function signTicket(claims: TicketClaims, key: Buffer): string {
  return signPayload({ x: 't', i: claims.id, e: claims.expiresAt }, key);
}

export function verifyTicket(token: string, key: ConsoleKeys, now: Instant): TokenCheck<TicketClaims> {
  const opened = openPayload(token, key);
  if (!opened.ok) return opened;
  const w = json(opened.payload);
  if (w === null || w.x !== 't' || typeof w.i !== 'string' || typeof w.e !== 'number') return { ok: false, reason: 'malformed' };
  if (now >= w.e) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { id: w.i, expiresAt: w.e } };
}

/** The CSRF token of forms rendered for session `sessionId`. */
export function csrfToken(sessionId: string, key: Buffer): string {
  return createHmac('sha256', key).update(`csrf:${sessionId}`).digest('base64url');
}

/** Whether `presented` is the session's CSRF token under any of the keys, compared in constant time. */
export function checkCsrf(presented: string, sessionId: string, key: ConsoleKeys): boolean {
  const given = Buffer.from(presented);
  let matched = false;
  for (const each of Buffer.isBuffer(key) ? [key] : key) {
    const expected = Buffer.from(csrfToken(sessionId, each));
    matched = (given.length === expected.length && timingSafeEqual(given, expected)) || matched;
  }
  return matched;
}
