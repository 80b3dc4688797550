/**
 * What every console route works with: the use-case dependencies, the link keys and the
 * console keys derived from them (the current key first: it signs; while the link key rotates
 * the previous one still verifies, so links already mailed and sessions already open keep
 * working), and the sign-in tickets already used. `signedIn` gives the session and the
 * viewer for the layout, or the redirect to the sign-in page.
 */
import type { Context } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import { linkKeyList, type LinkKeys } from '../../domain/links/link-token.ts';
import { consoleKeys, type SessionClaims } from '../../domain/links/session-token.ts';
import type { Viewer } from '../pages/layout.tsx';
import { currentSession, viewerOf } from './console-session.ts';

export interface ConsoleContext {
  readonly deps: AppDeps;
  /** Every link key, the current one first (view links are verified against each). */
  readonly linkKeys: readonly (string | Buffer)[];
  /** The console key that signs sessions, tickets and CSRF tokens (from the current link key). */
  readonly key: Buffer;
  /** Every console key a session, ticket or CSRF token may have been signed with. */
  readonly keys: readonly Buffer[];
  /** Ids of one-time sign-in tickets already used (this process; tickets expire within the hour). */
  readonly usedTickets: Set<string>;
}

export function consoleContext(deps: AppDeps, linkKeys: LinkKeys): ConsoleContext {
  const keys = consoleKeys(linkKeys);
  return { deps, linkKeys: linkKeyList(linkKeys), key: keys[0] as Buffer, keys, usedTickets: new Set() };
}

export type SignedIn = { readonly ok: true; readonly session: SessionClaims; readonly viewer: Viewer } | { readonly ok: false; readonly response: Response };

export function signedIn(c: Context, ctx: ConsoleContext): SignedIn {
  const session = currentSession(c, ctx.keys, ctx.deps.clock.now());
  if (session !== null) return { ok: true, session, viewer: viewerOf(session, ctx.key) };
  const url = new URL(c.req.url);
  const next = `${url.pathname}${url.search}`;
  return { ok: false, response: c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303) };
}
