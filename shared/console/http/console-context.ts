/**
 * What every console route works with: the use-case dependencies, the console key (derived
 * from the link secret) and the sign-in tickets already used. `signedIn` gives the session
 * and the viewer for the layout, or the redirect to the sign-in page.
 */
import type { Context } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import { consoleKey, type SessionClaims } from '../../domain/links/session-token.ts';
import type { Viewer } from '../pages/layout.tsx';
import { currentSession, viewerOf } from './console-session.ts';

export interface ConsoleContext {
  readonly deps: AppDeps;
  readonly linkSecret: string | Buffer;
  readonly key: Buffer;
  /** Ids of one-time sign-in tickets already used (this process; tickets expire within the hour). */
  readonly usedTickets: Set<string>;
}

export function consoleContext(deps: AppDeps, linkSecret: string | Buffer): ConsoleContext {
  return { deps, linkSecret, key: consoleKey(linkSecret), usedTickets: new Set() };
}

export type SignedIn = { readonly ok: true; readonly session: SessionClaims; readonly viewer: Viewer } | { readonly ok: false; readonly response: Response };

export function signedIn(c: Context, ctx: ConsoleContext): SignedIn {
  const session = currentSession(c, ctx.key, ctx.deps.clock.now());
  if (session !== null) return { ok: true, session, viewer: viewerOf(session, ctx.key) };
  const url = new URL(c.req.url);
  const next = `${url.pathname}${url.search}`;
  return { ok: false, response: c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303) };
}
