/** Route group `Console`: the web console's pages, forms, view links and assets. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import type { LinkKeys } from '../../domain/links/link-token.ts';
import { consoleRoutes } from '../../console/http/console-routes.ts';
import type { RequestEnv } from '../request-log.ts';

export function mountConsole(app: Hono<RequestEnv>, deps: AppDeps, linkKeys: LinkKeys): void {
  app.route('/', consoleRoutes(deps, linkKeys));
}
