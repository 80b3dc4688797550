/**
 * The console's session cookie and form checks. The cookie holds a signed session
 * (session-token.ts): HttpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), Secure when the console is served over https, and it expires with the session.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Instant } from '../../domain/instant.ts';
import { checkCsrf, csrfToken, signSession, verifySession, type ConsoleKeys, type SessionClaims } from '../../domain/links/session-token.ts';
import { readRawBody } from '../../http/request-body.ts';
import type { Viewer } from '../pages/layout.tsx';

export const SESSION_COOKIE = 'sla_watch_session';
/** Console forms hold a name, a secret or a short note: 32 KB is room to spare. */
const MAX_FORM_BYTES = 32 * 1024;

function isHttps(c: Context): boolean {
  // Behind API Gateway the app sees the https URL the client used.
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function currentSession(c: Context, keys: ConsoleKeys, now: Instant): SessionClaims | null {
  const token = getCookie(c, SESSION_COOKIE);
  if (token === undefined) return null;
  const checked = verifySession(token, keys, now);
  return checked.ok ? checked.claims : null;
}

export function viewerOf(session: SessionClaims, key: Buffer): Viewer {
  return { person: session.person, method: session.method, csrf: csrfToken(session.id, key) };
}

export function startSession(c: Context, claims: SessionClaims, key: Buffer, now: Instant): void {
  setCookie(c, SESSION_COOKIE, signSession(claims, key), {
    httpOnly: true,
    secure: isHttps(c),
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.max(1, Math.floor((claims.expiresAt - now) / 1000)),
  });
}

export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Strict' });
}

/** The fields of an urlencoded form, or null when the body is not one. */
export async function readForm(c: Context): Promise<URLSearchParams | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  const raw = await readRawBody(c.req.raw, MAX_FORM_BYTES);
  return new URLSearchParams(Buffer.from(raw).toString('utf8'));
}

/** Forms rendered before the link key rotated still carry a token of the previous key: accepted. */
export function formCsrfOk(form: URLSearchParams, session: SessionClaims, keys: ConsoleKeys): boolean {
  return checkCsrf(form.get('csrf') ?? '', session.id, keys);
}

/** A path on this site to return to after sign-in; anything else goes to the board. */
export function safeNext(next: string | null | undefined): string {
  if (next === null || next === undefined || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return next.slice(0, 500);
}
