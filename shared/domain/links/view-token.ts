/**
 * Signed view links for email: a token lets the person an email was sent to read one alert's
 * page, or one report's page, without signing in, until it expires (like action links). It
 * grants reading only: a page opened by a view token offers no buttons, and a GET never
 * changes anything, so mail scanners that open every link stay harmless.
 *
 * Same token form as action links (link-token.ts), with its own codes (`v` alert, `p`
 * report), so a view token never passes for an action link and an action link never for a view.
 */
import { SECOND_MS, type Instant } from '../instant.ts';
import { MAX_LINK_LIFETIME_MS, openPayload, signPayload, type LinkKeys } from './link-token.ts';

export type ViewSubject = { readonly kind: 'alert'; readonly alertId: string } | { readonly kind: 'report'; readonly period: string };

export interface ViewClaims {
  readonly subject: ViewSubject;
  /** Who the link was sent to (shown on the page, never trusted to act). */
  readonly recipient: string;
  readonly expiresAt: Instant;
}

export type ViewRejection = 'malformed' | 'bad-signature' | 'expired';

export type ViewVerification = { readonly ok: true; readonly claims: ViewClaims } | { readonly ok: false; readonly reason: ViewRejection };

interface WireView {
  readonly a: string;
  readonly x: 'v' | 'p';
  readonly r: string;
  readonly e: number;
}

export function signViewToken(claims: ViewClaims, secret: string | Buffer): string {
  if (!Number.isSafeInteger(claims.expiresAt)) throw new Error('view link expiresAt must be an epoch in ms');
  const { subject } = claims;
  const wire: WireView =
    subject.kind === 'alert'
      ? { a: subject.alertId, x: 'v', r: claims.recipient, e: claims.expiresAt }
      : { a: subject.period, x: 'p', r: claims.recipient, e: claims.expiresAt };
  return signPayload(wire, secret);
}

function parse(payload: Buffer): ViewClaims | null {
  let wire: unknown;
  try {
    wire = JSON.parse(payload.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof wire !== 'object' || wire === null) return null;
  const { a, x, r, e } = wire as Record<string, unknown>;
  if (typeof a !== 'string' || a === '' || typeof r !== 'string' || typeof e !== 'number' || !Number.isSafeInteger(e)) return null;
  if (x === 'v') return { subject: { kind: 'alert', alertId: a }, recipient: r, expiresAt: e };
  if (x === 'p') return { subject: { kind: 'report', period: a }, recipient: r, expiresAt: e };
  return null;
}

/**
 * Shape, signature (constant time, under the current link key or the previous one while it
 * rotates), kind, then expiry (valid strictly before expiresAt; more than a year ahead was
 * not signed by this server's configuration and is refused as malformed, as for action links).
 */
export function verifyViewToken(token: string, secret: LinkKeys, now: Instant): ViewVerification {
  const opened = openPayload(token, secret);
  if (!opened.ok) return opened;
  const claims = parse(opened.payload);
  if (claims === null || claims.expiresAt > now + MAX_LINK_LIFETIME_MS) return { ok: false, reason: 'malformed' };
  if (now >= claims.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/**
 * Where a view token is opened: an alert's page is the console's (`/view/`), a report's page
 * is served where reports are built (`/reports/view/`).
 */
export function viewPath(subject: ViewSubject, token: string): string {
  return subject.kind === 'alert' ? `/view/${token}` : `/reports/view/${token}`;
}

/** The view link of `subject` under `baseUrl`, signed for `recipient`, expiring ttlSeconds after `now`. */
export function viewLinkUrl(
  request: { readonly subject: ViewSubject; readonly recipient: string; readonly baseUrl: string; readonly ttlSeconds: number; readonly now: Instant },
  secret: string | Buffer,
): string {
  const token = signViewToken({ subject: request.subject, recipient: request.recipient, expiresAt: request.now + request.ttlSeconds * SECOND_MS }, secret);
  return `${request.baseUrl.replace(/\/+$/, '')}${viewPath(request.subject, token)}`;
}
