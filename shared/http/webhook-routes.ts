/**
 * The intake over HTTP: `POST /webhooks/:integration` for every configured integration, in its
 * tool's format, and `POST /v2/enqueue` for tools that speak PagerDuty Events v2.
 *
 * Each request: find the integration (404), check its secret (401), read the raw body (415,
 * 413, 400), check a Grafana signature over those raw bytes when configured (401), read the
 * whole body in the integration's format (422, every problem listed), and only then store.
 * Answers 200 `{ results: [{ outcome, alertId, dedupKey }] }` once everything is stored.
 * Errors are thrown typed and mapped by error-response.ts; nothing a sender can get wrong
 * ends in a 5xx (senders retry 5xx, and a body that can never be valid must not be retried).
 *
 * PagerDuty-format requests answer in PagerDuty's words, since its clients read those:
 * `202 {"status":"success","message":"Event processed","dedup_key":...}`, and for a client
 * error `{"status":"invalid event","message":"Event object is invalid","errors":[...]}`
 * (400 for a malformed or invalid event, 413, 415) or `{"status":"unauthorized",...}` (401).
 * The routing key is the credential: on `/v2/enqueue` it alone picks the integration.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from '../app/app-deps.ts';
import { ingestEvents } from '../app/ingest-events.ts';
import type { IntegrationConfig } from '../config/app-config.ts';
import { NotFoundError, SlaWatchError, type ErrorCode } from '../errors.ts';
import { authenticate, authenticateRoutingKey, integrationForRoutingKey } from '../intake/authenticate.ts';
import { isJsonObject } from '../intake/body-reader.ts';
import { verifyGrafanaSignature } from '../intake/grafana-signature.ts';
import type { IntakeEvent } from '../intake/intake-event.ts';
import { parseIntake } from '../intake/parse-intake.ts';
import { errorResponse } from './error-response.ts';
import { countAccepted, countRejections, type IntakeStatsEnv } from './intake-stats-recorder.ts';
import { readJsonBody } from './request-body.ts';

export function webhookRoutes(deps: AppDeps): Hono<IntakeStatsEnv> {
  const app = new Hono<IntakeStatsEnv>();
  app.use('*', countRejections(deps));

  app.post('/webhooks/:integration', async (c) => {
    const integration = deps.config.integrations.find((i) => i.id === c.req.param('integration'));
    if (integration === undefined) throw new NotFoundError('unknown integration');
    c.set('intakeIntegrationId', integration.id);
    if (integration.format === 'pagerduty') {
      return pagerDutyEvent(c, deps, (routingKey) => {
        authenticateRoutingKey(integration, routingKey);
        return integration;
      });
    }
    authenticate(integration, { authorization: c.req.header('authorization') ?? null, queryToken: c.req.query('token') ?? null });
    const body = await readJsonBody(c.req.raw, integration.format === 'uptime-kuma' ? { multipartField: 'data' } : {});
    if (integration.grafanaSignature !== null) {
      verifyGrafanaSignature(integration.grafanaSignature, { header: (name) => c.req.header(name) ?? null, rawBody: body.raw }, deps.clock.now());
    }
    const events = parseIntake(integration.format, body.value, { generatedDedupKey: randomUUID() });
    const [results] = await Promise.all([ingestEvents(deps, integration, events), countAccepted(deps, integration.id)]);
    return c.json({ results }, 200);
  });

  app.post('/v2/enqueue', (c) => pagerDutyEvent(c, deps, (routingKey) => integrationForRoutingKey(deps.config.integrations, routingKey)));

  // The app maps errors the same way; this keeps the group answering alike when served alone.
  app.onError((err, c) => errorResponse(c, err));
  return app;
}

interface AcceptedEvent {
  readonly integration: IntegrationConfig;
  readonly event: IntakeEvent;
}

async function pagerDutyEvent(c: Context<IntakeStatsEnv>, deps: AppDeps, pick: (routingKey: string | null) => IntegrationConfig): Promise<Response> {
  let accepted: AcceptedEvent;
  try {
    accepted = await acceptPagerDutyEvent(c, (routingKey) => {
      const integration = pick(routingKey);
      c.set('intakeIntegrationId', integration.id);
      return integration;
    });
  } catch (error) {
    const answer = error instanceof SlaWatchError ? pagerDutyClientError(error) : null;
    if (answer === null) throw error;
    return c.json(answer.body, answer.status);
  }
  await Promise.all([ingestEvents(deps, accepted.integration, [accepted.event]), countAccepted(deps, accepted.integration.id)]);
  return c.json({ status: 'success', message: 'Event processed', dedup_key: accepted.event.dedupKey }, 202);
}

async function acceptPagerDutyEvent(c: Context, pick: (routingKey: string | null) => IntegrationConfig): Promise<AcceptedEvent> {
  const body = await readJsonBody(c.req.raw);
  const routingKey = isJsonObject(body.value) && typeof body.value['routing_key'] === 'string' ? body.value['routing_key'] : null;
  const integration = pick(routingKey);
  const [event] = parseIntake('pagerduty', body.value, { generatedDedupKey: randomUUID() });
  if (event === undefined) throw new RangeError('a valid PagerDuty body is one event');
  return { integration, event };
}

interface PagerDutyAnswer {
  readonly status: ContentfulStatusCode;
  readonly body: { readonly status: string; readonly message: string; readonly errors: readonly string[] };
}

const PAGERDUTY_STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  invalid_request: 400,
  unprocessable: 400,
  unauthorized: 401,
  payload_too_large: 413,
  unsupported_media_type: 415,
};

/** PagerDuty's answer for a client error; null for anything else (mapped by the app). */
function pagerDutyClientError(error: SlaWatchError): PagerDutyAnswer | null {
  const status = PAGERDUTY_STATUS[error.code];
  if (status === undefined) return null;
  const errors = error.details.length > 0 ? error.details : [error.message];
  if (status === 401) return { status, body: { status: 'unauthorized', message: error.message, errors } };
  return { status, body: { status: 'invalid event', message: 'Event object is invalid', errors } };
}
