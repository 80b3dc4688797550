/**
 * `GET /alerts/:id` asked for by a browser (HTML, no API key), as the links in older emails
 * and reports do: sent on to the console's alert page (`/console/alerts/:id`, served by the
 * console's own function). API clients fall through to the JSON route. Kept this small so
 * the API's function carries none of the console.
 */
import { Hono } from 'hono';
import type { RequestEnv } from '../../http/request-log.ts';
import { wantsPage } from './wants-page.ts';

export function alertPageRedirect(): Hono<RequestEnv> {
  const routes = new Hono<RequestEnv>();
  routes.get('/alerts/:id', async (c, next) => {
    if (!wantsPage(c)) return next();
    return c.redirect(`/console/alerts/${encodeURIComponent(c.req.param('id'))}`, 303);
  });
  return routes;
}
