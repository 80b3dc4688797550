/**
 * The frame every HTTP route group is served in: a request id and one access-log line
 * (request-log.ts), `nosniff` on every answer, and one error mapping (error-response.ts) for
 * thrown errors and unknown routes, so every group answers errors in the same JSON shape and
 * no 5xx says anything internal. `mount` adds the routes.
 *
 * app.ts mounts every group (the local server, tests); on AWS each route group's function
 * mounts only its own (functions/api-*.ts), so its bundle carries only its routes.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../app/app-deps.ts';
import { errorResponse, routeNotFound } from './error-response.ts';
import { requestLog, type RequestEnv } from './request-log.ts';

export function createHttpApp(deps: AppDeps, mount: (app: Hono<RequestEnv>) => void): Hono<RequestEnv> {
  const app = new Hono<RequestEnv>();
  app.use('*', requestLog(deps.logger));
  app.use('*', async (c, next) => {
    await next();
    // Every answer is JSON or a page we wrote: never let a browser guess another type.
    c.header('X-Content-Type-Options', 'nosniff');
  });
  mount(app);
  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => routeNotFound(c));
  return app;
}
