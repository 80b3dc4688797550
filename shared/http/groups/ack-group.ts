/** Route group `Ack`: the pages behind the signed links in email. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import type { LinkKeys } from '../../domain/links/link-token.ts';
import { ackRoutes } from '../ack-routes.ts';
import type { RequestEnv } from '../request-log.ts';

export function mountAck(app: Hono<RequestEnv>, deps: AppDeps, linkSecret: LinkKeys): void {
  app.route('/', ackRoutes(deps, linkSecret));
}
