/**
 * A state-changing form POST must come from a page of this very site: browsers say where a
 * request comes from in `Sec-Fetch-Site` (modern) and `Origin` (older); either one naming
 * another site refuses the request with 403 before anything is read. Requests that carry
 * neither (curl, API clients) are left to their own credentials: the console's forms also
 * carry a CSRF token, and its cookie is SameSite=Strict.
 */
import type { Context, MiddlewareHandler } from 'hono';

export type OriginVerdict = 'same' | 'cross' | 'unknown';

export function requestOrigin(request: { url: string; headers: Headers }): OriginVerdict {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none' ? 'same' : 'cross';
  const origin = request.headers.get('origin');
  if (origin === null) return 'unknown';
  return origin === new URL(request.url).origin ? 'same' : 'cross';
}

/** Refuses cross-site POSTs with `refuse(c)` (a page or JSON, as the route group answers). */
export function sameOriginPosts(refuse: (c: Context) => Response): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'POST' && requestOrigin(c.req.raw) === 'cross') return refuse(c);
    await next();
  };
}
