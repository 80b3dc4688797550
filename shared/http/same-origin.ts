/**
 * A same-origin check for every state-changing form POST (the acknowledgment pages, and any
 * page with a form mounted later): the browser's `Sec-Fetch-Site` must say `same-origin`, or
 * its `Origin` must be the request's own origin or one of `trustedOrigins` (the public base
 * URL when it differs from the URL the function sees). A form another site posts, even one
 * carrying a valid link token, is refused with a page that says what happened.
 *
 * The decision is hono's own CSRF middleware (hono/csrf: only unsafe methods with a form or
 * text media type are checked; JSON APIs behind keys are untouched); this wrapper only turns
 * its bare 403 into a page. A scripted client without either header must send `Origin`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { escapeHtml } from './html/escape.ts';
import { htmlPage, pageResponse } from './html/page.ts';

export interface SameOriginOptions {
  /** Origins (`https://sla.example.com`) trusted besides the request URL's own. */
  readonly trustedOrigins?: readonly string[];
}

const HEADING = 'This form was sent from another site';
const TEXT =
  'sla-watch only accepts this button from its own page, so that another site cannot act in your name. ' +
  'Open the link from your email again and press the button on the page it shows.';

export function crossSitePage(c: Context): Response {
  return pageResponse(c, 403, htmlPage(HEADING, `<h1>${escapeHtml(HEADING)}</h1><p class="notice error">${escapeHtml(TEXT)}</p>`));
}

export function sameOriginForms(options: SameOriginOptions = {}): MiddlewareHandler {
  const trusted = new Set((options.trustedOrigins ?? []).map((origin) => new URL(origin).origin));
  const check = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || trusted.has(origin) });
  return async (c, next) => {
    let allowed = false;
    try {
      // A no-op `next`: a 403 thrown later by the route itself must not read as a cross-site form.
      await check(c, async () => {
        allowed = true;
      });
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403) return crossSitePage(c);
      throw error;
    }
    if (allowed) await next();
    return undefined;
  };
}
