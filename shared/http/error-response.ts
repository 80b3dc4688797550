/**
 * The one place where errors become HTTP responses. A typed error (shared/errors.ts) maps by its
 * code to a status and a body `{ error, message, details }` that tells the client what to fix.
 * Anything else, and every 5xx, answers a body that says nothing internal (a code, a fixed
 * message and the request id to quote) and is logged here with its cause, so the operator sees
 * what the client cannot.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SlaWatchError, type ErrorCode } from '../errors.ts';
import { routeOf, type RequestEnv } from './request-log.ts';

export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details?: readonly string[];
  readonly requestId?: string;
}

type Mapping = { readonly kind: 'client'; readonly status: ContentfulStatusCode } | { readonly kind: 'unavailable' } | { readonly kind: 'internal' };

function mappingFor(code: ErrorCode): Mapping {
  switch (code) {
    case 'invalid_request':
      return { kind: 'client', status: 400 };
    case 'unauthorized':
      return { kind: 'client', status: 401 };
    case 'not_found':
      return { kind: 'client', status: 404 };
    case 'conflict':
      return { kind: 'client', status: 409 };
    case 'payload_too_large':
      return { kind: 'client', status: 413 };
    case 'unsupported_media_type':
      return { kind: 'client', status: 415 };
    case 'unprocessable':
      return { kind: 'client', status: 422 };
    // A write that kept losing races is the server's trouble, not the client's: senders retry a 503.
    case 'version_conflict':
    case 'store_unavailable':
    case 'timers_unavailable':
    case 'queue_unavailable':
    case 'mail_failed':
      return { kind: 'unavailable' };
    // Reaching the edge with one of these is a bug or a broken deployment, not the client's doing.
    case 'already_exists':
    case 'chat_failed':
    case 'config_invalid':
      return { kind: 'internal' };
  }
}

/** Codes for the 4xx statuses hono's own HTTPException may carry (e.g. from a body limit). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
};

/** Senders (Alertmanager, Grafana...) retry 5xx; a short hint spaces their retries out. */
const RETRY_AFTER_SECONDS = '5';

export function errorResponse(c: Context, err: unknown): Response {
  const ctx = c as Context<RequestEnv>;
  const requestId = ctx.get('requestId');
  if (err instanceof SlaWatchError) {
    const mapping = mappingFor(err.code);
    switch (mapping.kind) {
      case 'client':
        if (mapping.status === 401) c.header('WWW-Authenticate', 'Bearer');
        return c.json(clientBody(err.code, err.message, err.details), mapping.status);
      case 'unavailable':
        logFailure(ctx, 'request failed: dependency unavailable', err, 'warn');
        c.header('Retry-After', RETRY_AFTER_SECONDS);
        return c.json(withRequestId({ error: 'unavailable', message: 'service temporarily unavailable, retry later' }, requestId), 503);
      case 'internal':
        break;
    }
  } else if (err instanceof HTTPException && err.status >= 400 && err.status < 500) {
    const code = CODE_BY_STATUS[err.status] ?? 'invalid_request';
    return c.json(clientBody(code, err.message === '' ? code.replaceAll('_', ' ') : err.message, []), err.status);
  }
  logFailure(ctx, 'request failed: internal error', err, 'error');
  return c.json(withRequestId({ error: 'internal', message: 'internal error' }, requestId), 500);
}

function clientBody(code: string, message: string, details: readonly string[]): ErrorBody {
  return { error: code, message, details };
}

function withRequestId(body: ErrorBody, requestId: string | undefined): ErrorBody {
  return requestId === undefined ? body : { ...body, requestId };
}

function logFailure(c: Context<RequestEnv>, message: string, err: unknown, level: 'warn' | 'error'): void {
  const logger = c.get('logger');
  if (logger === undefined) return;
  // The route pattern, never the path: /ack/:token carries a secret in the path.
  logger[level](message, { requestId: c.get('requestId'), method: c.req.method, route: routeOf(c), err });
}

/** The app's notFound handler: a JSON 404 that names what was asked for (method and path). */
export function routeNotFound(c: Context): Response {
  // The path is echoed to the caller who sent it only; it is capped, and it is not logged.
  const path = c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}...` : c.req.path;
  return c.json(clientBody('not_found', `no route for ${c.req.method} ${path}`, []), 404);
}
