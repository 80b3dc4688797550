/**
 * The one same-origin check for every state-changing form POST (the acknowledgment pages and
 * the console's forms): a POST is accepted only when the request shows it was sent by a page
 * of this site, and refused with one page that says what happened before its body is read.
 *
 * - `Sec-Fetch-Site`, when present, decides: only `same-origin` passes (`same-site` is another
 *   host, which may be someone else's; `none` is no page at all).
 * - Otherwise `Origin` must be the request's own origin or one of `trustedOrigins` (the public
 *   base URL, when it differs from the URL the function sees).
 * - A POST carrying neither is refused too. Every browser in use sends `Origin` on a POST, so
 *   only something stripping it or a script sends neither; the forms are for browsers, and
 *   scripts have the JSON API (bearer keys, no cookie, no form: never checked here). A script
 *   that must use a form sends `Origin` naming the site.
 *
 * Every method but GET, HEAD and OPTIONS is checked, whatever its content type: the form
 * routes accept url-encoded forms only, so no legitimate request is lost by checking more.
 * The console's forms also carry a CSRF token and its cookie is SameSite=Strict; this check is
 * the layer that needs no state and also covers the acknowledgment pages, which have no session.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { escapeHtml } from './html/escape.ts';
import { htmlPage, pageResponse } from './html/page.ts';

export interface SameOriginOptions {
  /** Origins (`https://sla.example.com`) trusted besides the request URL's own. */
  readonly trustedOrigins?: readonly string[];
}

/** Where a form POST says it came from: this site's page, another site, or it does not say. */
export type FormSource = 'own-page' | 'other-site' | 'unstated';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function formSource(request: { readonly url: string; readonly headers: Headers }, trustedOrigins: ReadonlySet<string>): FormSource {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' ? 'own-page' : 'other-site';
  const origin = request.headers.get('origin');
  if (origin === null) return 'unstated';
  return origin === new URL(request.url).origin || trustedOrigins.has(origin) ? 'own-page' : 'other-site';
}

export const REFUSED_HEADING = 'This form was not sent from a page of sla-watch';
const REFUSED_TEXT =
  'sla-watch only accepts its buttons from its own pages, so that another site cannot act in your name, and this request ' +
  'did not come from one. Nothing was changed. Go back, reload the page (or open the link from your email again) and ' +
  'press the button there.';
const SCRIPT_TEXT = 'Scripts use the JSON API with an API key instead; a script that must send this form sends an Origin header naming this site.';

/** The refusal page: 403, self-contained (no stylesheet or script to load), never cached. */
export function formRefusedPage(c: Context): Response {
  const body = `<h1>${escapeHtml(REFUSED_HEADING)}</h1><p class="notice error">${escapeHtml(REFUSED_TEXT)}</p><p class="small">${escapeHtml(SCRIPT_TEXT)}</p>`;
  return pageResponse(c, 403, htmlPage(REFUSED_HEADING, body));
}

export function sameOriginForms(options: SameOriginOptions = {}): MiddlewareHandler {
  const trusted = new Set((options.trustedOrigins ?? []).map((origin) => new URL(origin).origin));
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && formSource(c.req.raw, trusted) !== 'own-page') return formRefusedPage(c);
    await next();
    return undefined;
  };
}
