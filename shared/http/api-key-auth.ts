/**
 * API-key authentication for the read and response API: `Authorization: Bearer <key>` with a
 * key from `config.apiKeys`. The presented key is hashed and compared, with timingSafeEqual, to
 * the digest of every configured key, all of them every time (no early exit): neither the
 * comparison nor the loop tells an attacker how close a guess was or which key it resembled.
 * The name of the matching key is set on the context for the log and the handler.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ApiKeyConfig } from '../config/app-config.ts';
import { UnauthorizedError } from '../errors.ts';

export interface ApiKeyVariables {
  /** The configured name of the key that authenticated the request. */
  readonly apiKeyName: string;
}

export interface ApiKeyEnv {
  Variables: ApiKeyVariables;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** The name of the key `presented` matches, or null; takes the same time whichever key matches. */
export function matchApiKey(keys: readonly { readonly name: string; readonly digest: Buffer }[], presented: string): string | null {
  const presentedDigest = digest(presented);
  let matched: string | null = null;
  for (const key of keys) {
    // Both digests are 32 bytes, so timingSafeEqual never throws on length.
    if (timingSafeEqual(key.digest, presentedDigest) && matched === null) matched = key.name;
  }
  return matched;
}

/** Middleware: 401 (with WWW-Authenticate: Bearer) unless a configured API key is presented. */
export function apiKeyAuth(apiKeys: readonly ApiKeyConfig[]): MiddlewareHandler<ApiKeyEnv> {
  // Hash once at start: a request costs one hash plus one comparison per key.
  const keys = apiKeys.map((k) => ({ name: k.name, digest: digest(k.key) }));
  return async (c, next) => {
    const header = c.req.header('authorization');
    const presented = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (presented === undefined) throw new UnauthorizedError('an API key is required: Authorization: Bearer <key>');
    const name = matchApiKey(keys, presented);
    if (name === null) throw new UnauthorizedError('invalid API key');
    c.set('apiKeyName', name);
    await next();
  };
}
