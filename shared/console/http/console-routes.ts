/**
 * The web console, its own route group (`Console`, its own function on AWS, so the API's
 * functions carry none of it): sign-in and out, the board, the alert page and its forms, view links,
 * integrations and what-if pages, the stylesheet and script. Cross-site form POSTs are refused
 * before anything else runs (same-origin.ts); forms also carry a CSRF token.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import type { RequestEnv } from '../../http/request-log.ts';
import { boardRoutes } from './board-routes.tsx';
import { consoleContext } from './console-context.ts';
import { toolRoutes } from './tool-routes.tsx';
import { sameOriginPosts } from './same-origin.ts';
import { sendProblem } from './send-page.tsx';
import { signInRoutes } from './sign-in-routes.tsx';

export const CONSOLE_FORM_PATHS = ['/sign-in', '/sign-in/:ticket', '/sign-out', '/alerts/:id/respond'] as const;

export function consoleRoutes(deps: AppDeps, linkSecret: string | Buffer): Hono<RequestEnv> {
  const ctx = consoleContext(deps, linkSecret);
  const routes = new Hono<RequestEnv>();
  const refuse = sameOriginPosts((c) => sendProblem(c, 403, 'This request was refused', 'Forms of this console can only be sent from its own pages.'));
  for (const path of CONSOLE_FORM_PATHS) routes.use(path, refuse);
  routes.route('/', signInRoutes(ctx));
  routes.route('/', boardRoutes(ctx));
  routes.route('/', toolRoutes(ctx));
  return routes;
}
