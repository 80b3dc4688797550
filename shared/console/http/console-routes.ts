/**
 * The web console, its own route group (`Console`, its own function on AWS, so the API's
 * functions carry none of it): sign-in and out, the board, the alert page and its forms, view links,
 * integrations and what-if pages, the stylesheet and script. A form POST that does not come
 * from a page of this site is refused before anything else runs (shared/http/same-origin.ts,
 * the same check as the acknowledgment pages'); forms also carry a CSRF token.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import type { LinkKeys } from '../../domain/links/link-token.ts';
import type { RequestEnv } from '../../http/request-log.ts';
import { sameOriginForms } from '../../http/same-origin.ts';
import { boardRoutes } from './board-routes.tsx';
import { consoleContext } from './console-context.ts';
import { toolRoutes } from './tool-routes.tsx';
import { signInRoutes } from './sign-in-routes.tsx';

export const CONSOLE_FORM_PATHS = ['/sign-in', '/sign-in/:ticket', '/sign-out', '/alerts/:id/respond'] as const;

export function consoleRoutes(deps: AppDeps, linkKeys: LinkKeys): Hono<RequestEnv> {
  const ctx = consoleContext(deps, linkKeys);
  const routes = new Hono<RequestEnv>();
  // The console may be reached at the public base URL when the function sees another one.
  const ownPagesOnly = sameOriginForms({ trustedOrigins: [deps.config.links.baseUrl] });
  for (const path of CONSOLE_FORM_PATHS) routes.use(path, ownPagesOnly);
  routes.route('/', signInRoutes(ctx));
  routes.route('/', boardRoutes(ctx));
  routes.route('/', toolRoutes(ctx));
  return routes;
}
