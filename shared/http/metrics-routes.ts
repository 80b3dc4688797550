/**
 * `GET /metrics`: the SLA figures in the Prometheus text format, for Prometheus to scrape.
 * It takes its own bearer tokens (`metrics_tokens`), not API keys: a scraper's credential sits
 * in a Prometheus configuration and should let it read figures, never act on alerts. Tokens are
 * compared the way API keys are (api-key-auth.ts: digests, constant time, every token every
 * time). Figures are computed from the store (collect-metrics.ts) and cached per instance for
 * a few seconds (metrics-cache.ts).
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppDeps } from '../app/app-deps.ts';
import { collectMetrics } from '../app/collect-metrics.ts';
import { UnauthorizedError } from '../errors.ts';
import { MetricsCache } from '../metrics/metrics-cache.ts';
import { renderExposition } from '../metrics/prometheus-exposition.ts';
import { matchApiKey } from './api-key-auth.ts';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export function metricsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const tokens = deps.config.metricsTokens.map((t) => ({ name: t.name, digest: createHash('sha256').update(t.token, 'utf8').digest() }));
  const cache = new MetricsCache(async () => renderExposition(await collectMetrics(deps)), deps.clock);

  app.get('/metrics', async (c) => {
    const header = c.req.header('authorization');
    const presented = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (presented === undefined) throw new UnauthorizedError('a metrics token is required: Authorization: Bearer <token> (metrics_tokens)');
    if (matchApiKey(tokens, presented) === null) throw new UnauthorizedError('invalid metrics token');
    const exposition = await cache.get();
    c.header('Cache-Control', 'no-store');
    return c.body(exposition.text, 200, { 'Content-Type': exposition.contentType });
  });

  return app;
}
