/**
 * Request context and the access log. Every request gets an id (the caller's `x-request-id`
 * when it is a plain token, else API Gateway's request id on Lambda, else a fresh UUID), echoed in the response so a caller can quote
 * it, and one log line when it is done: method, route, status, duration (and the name of the
 * API key, where one was required).
 *
 * The line names the route pattern (`/ack/:token`), never the path or the query: a link token
 * travels in the path and `?token=` carries a webhook secret. Headers are never logged, so
 * neither is Authorization.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../ports/logger.ts';

export interface RequestVariables {
  readonly requestId: string;
  readonly logger: Logger;
  /** Set by api-key-auth.ts on the routes it guards: which key (by name) made the request. */
  readonly apiKeyName?: string;
}

export interface RequestEnv {
  Variables: RequestVariables;
}

export const REQUEST_ID_HEADER = 'x-request-id';

/** What we accept from a caller as a request id: short, no spaces, no CR/LF, nothing to inject. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

/** The first plain candidate (the caller's header, then API Gateway's id), else a fresh UUID. */
export function requestIdOf(...candidates: readonly unknown[]): string {
  const plain = candidates.find((v): v is string => typeof v === 'string' && CALLER_REQUEST_ID.test(v));
  return plain ?? randomUUID();
}

/** On Lambda, hono's adapter puts the API Gateway event in `c.env`: its id matches API Gateway's logs. */
function apiGatewayRequestId(c: Context): unknown {
  const env = c.env as { event?: { requestContext?: { requestId?: unknown } } } | undefined;
  return env?.event?.requestContext?.requestId;
}

/**
 * The pattern of the route that handled the request (`/alerts/:id`), or null when none matched.
 * Middleware is registered with method ALL; the first route with a real method is the endpoint.
 */
export function routeOf(c: Context): string | null {
  return matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? null;
}

export function requestLog(logger: Logger): MiddlewareHandler<RequestEnv> {
  return async (c, next) => {
    const startedAt = performance.now();
    const requestId = requestIdOf(c.req.header(REQUEST_ID_HEADER), apiGatewayRequestId(c));
    c.set('requestId', requestId);
    c.set('logger', logger);
    // Errors are turned into responses by app.onError inside next(), so c.res is final here.
    await next();
    c.header(REQUEST_ID_HEADER, requestId);
    const status = c.res.status;
    const fields = {
      requestId,
      method: c.req.method,
      route: routeOf(c),
      status,
      ms: Math.round((performance.now() - startedAt) * 10) / 10,
      ...(c.get('apiKeyName') === undefined ? {} : { apiKeyName: c.get('apiKeyName') }),
    };
    if (status >= 500) logger.warn('request', fields);
    else logger.info('request', fields);
  };
}
