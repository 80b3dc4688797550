/**
 * The HTTP application: every route group of sla-watch on one hono app, the same object served
 * by `hono/aws-lambda` (`handle(createApp(...))`) on AWS and by `@hono/node-server` locally.
 *
 * Around every route: a request id and one access-log line (request-log.ts), and one error
 * mapping (error-response.ts) for thrown errors and unknown routes, so every group answers
 * errors in the same JSON shape and no 5xx says anything internal.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../app/app-deps.ts';
import { ackRoutes } from './ack-routes.ts';
import { alertRoutes } from './alert-routes.ts';
import { errorResponse, routeNotFound } from './error-response.ts';
import { openApiDocument } from './openapi.ts';
import { reportRoutes } from './report-routes.ts';
import { requestLog, type RequestEnv } from './request-log.ts';
import { webhookRoutes } from './webhook-routes.ts';

export interface AppOptions {
  /** The HMAC secret that signs and verifies acknowledgment links. */
  readonly linkSecret: string | Buffer;
  /** More route groups mounted at `/` after the built-in ones (document them in openapi.ts). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- route groups carry their own Env types
  readonly extraRoutes?: readonly Hono<any, any, any>[];
}

export function createApp(deps: AppDeps, options: AppOptions): Hono<RequestEnv> {
  const app = new Hono<RequestEnv>();
  app.use('*', requestLog(deps.logger));
  app.use('*', async (c, next) => {
    await next();
    // Every answer is JSON or a page we wrote: never let a browser guess another type.
    c.header('X-Content-Type-Options', 'nosniff');
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  const document = openApiDocument();
  app.get('/openapi.json', (c) => c.json(document));

  app.route('/', webhookRoutes(deps));
  app.route('/', ackRoutes(deps, options.linkSecret));
  app.route('/', alertRoutes(deps));
  app.route('/', reportRoutes(deps));
  for (const routes of options.extraRoutes ?? []) app.route('/', routes);

  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => routeNotFound(c));
  return app;
}
