/**
 * The response and read API, every route behind an API key:
 * - `POST /alerts/:id/responses` records an acknowledgment, update, resolution or escalation;
 * - `GET /alerts/:id` shows one alert with its SLA evaluated now;
 * - `GET /alerts` lists alerts newest first, filtered by status and priority, page by page.
 *
 * Handlers only parse, call one use case (or the store for reads) and map the result; every
 * problem with a request is reported at once (422 for the body, 400 for the query), each naming
 * its field.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/app-deps.ts';
import { recordResponse } from '../app/record-response.ts';
import { isAlertId } from '../domain/alert/alert-id.ts';
import { ALERT_STATUSES, type AlertStatus } from '../domain/alert/alert.ts';
import { MAX_NOTE_LENGTH, MAX_RESPONDER_LENGTH } from '../domain/alert/apply-response.ts';
import { RESPONSE_TYPES, type ResponseType } from '../domain/alert/response.ts';
import { PRIORITIES, type Priority } from '../domain/sla/priority.ts';
import { InvalidRequestError, NotFoundError, UnprocessableError } from '../errors.ts';
import type { AlertListQuery } from '../ports/alert-store.ts';
import { alertSummaryView, alertView, responseView } from './alert-view.ts';
import { apiKeyAuth, type ApiKeyEnv } from './api-key-auth.ts';
import { readJsonBody } from './request-body.ts';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** A response body is a type, a name and a short note: 16 KB is room to spare. */
const MAX_RESPONSE_BODY_BYTES = 16 * 1024;
/** Store cursors are short base64 text; anything longer was not made by a store. */
const MAX_CURSOR_LENGTH = 2048;

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const responseBodySchema = z.strictObject({
  type: z.enum(RESPONSE_TYPES as [ResponseType, ...ResponseType[]], { error: `must be one of ${RESPONSE_TYPES.join(', ')}` }),
  by: z.string({ error: `required: a string of 1 to ${MAX_RESPONDER_LENGTH} characters` }).check(
    z.trim(),
    z.minLength(1, { error: `required: a string of 1 to ${MAX_RESPONDER_LENGTH} characters` }),
    z.maxLength(MAX_RESPONDER_LENGTH, { error: `must be at most ${MAX_RESPONDER_LENGTH} characters` }),
    // `by` ends up in email subjects and chat messages: one plain line.
    z.refine((v) => !CONTROL_CHARACTERS.test(v), { error: 'must not contain control characters' }),
  ),
  note: z.optional(
    z.nullable(
      z.string({ error: `must be a string of at most ${MAX_NOTE_LENGTH} characters` }).check(
        z.maxLength(MAX_NOTE_LENGTH, { error: `must be at most ${MAX_NOTE_LENGTH} characters` }),
      ),
    ),
  ),
});

type ResponseBody = z.infer<typeof responseBodySchema>;

/** Every problem zod found, as `field: what is wrong` (one line per unknown field). */
function problemsOf(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${key}: unknown field`);
    const path = issue.path.map(String).join('.');
    if (path === '') return [`body: must be a JSON object with type and by`];
    return [`${path}: ${issue.message}`];
  });
}

async function readResponseBody(c: Context): Promise<ResponseBody> {
  // 415 for another media type, 413 past the limit, 400 for bytes that are not JSON.
  const { value } = await readJsonBody(c.req.raw, { limitBytes: MAX_RESPONSE_BODY_BYTES });
  const parsed = responseBodySchema.safeParse(value);
  if (!parsed.success) throw new UnprocessableError('invalid response', problemsOf(parsed.error.issues));
  return parsed.data;
}

function oneQueryValue(c: Context, name: string, problems: string[]): string | undefined {
  const values = c.req.queries(name);
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) problems.push(`${name}: give it at most once`);
  return values[0];
}

/** The list query, or InvalidRequestError naming every bad parameter. */
export function parseListQuery(c: Context): AlertListQuery {
  const problems: string[] = [];
  const status = oneQueryValue(c, 'status', problems);
  const priority = oneQueryValue(c, 'priority', problems);
  const limitText = oneQueryValue(c, 'limit', problems);
  const cursor = oneQueryValue(c, 'cursor', problems);

  if (status !== undefined && !(ALERT_STATUSES as readonly string[]).includes(status)) {
    problems.push(`status: must be one of ${ALERT_STATUSES.join(', ')}`);
  }
  if (priority !== undefined && !(PRIORITIES as readonly string[]).includes(priority)) {
    problems.push(`priority: must be one of ${PRIORITIES.join(', ')}`);
  }
  const limit = limitText === undefined ? DEFAULT_PAGE_SIZE : /^[0-9]{1,3}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) problems.push(`limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  if (cursor !== undefined && (cursor === '' || cursor.length > MAX_CURSOR_LENGTH)) {
    problems.push('cursor: pass back the nextCursor of the previous page');
  }
  if (problems.length > 0) {
    const names = problems.map((p) => p.slice(0, p.indexOf(':')));
    throw new InvalidRequestError(`invalid query parameter: ${[...new Set(names)].join(', ')}`, problems);
  }
  return {
    limit,
    ...(status === undefined ? {} : { status: status as AlertStatus }),
    ...(priority === undefined ? {} : { priority: priority as Priority }),
    ...(cursor === undefined ? {} : { cursor }),
  };
}

/** The alert id from the path; an id no alert can have is simply not found (no store read). */
function alertIdParam(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!isAlertId(id)) throw new NotFoundError(`no alert ${id.slice(0, 64)}`);
  return id;
}

export function alertRoutes(deps: AppDeps): Hono<ApiKeyEnv> {
  const app = new Hono<ApiKeyEnv>();
  // `/alerts/*` also matches `/alerts`. Scoped to /alerts so mounting this group at `/` puts
  // no key requirement on the other groups.
  app.use('/alerts/*', apiKeyAuth(deps.config.apiKeys));

  app.post('/alerts/:id/responses', async (c) => {
    const alertId = alertIdParam(c);
    const body = await readResponseBody(c);
    const outcome = await recordResponse(deps, { alertId, type: body.type, by: body.by, note: body.note ?? null, via: 'api' });
    const alert = alertView(outcome.alert, deps.clock.now());
    switch (outcome.kind) {
      case 'recorded':
        c.header('Location', `/alerts/${alertId}`);
        return c.json({ response: responseView(outcome.response), alert }, 201);
      case 'already':
        // Only link and webhook repeats are folded into the first answer; kept for exhaustiveness.
        return c.json({ response: null, alert }, 200);
    }
  });

  app.get('/alerts/:id', async (c) => {
    const id = alertIdParam(c);
    const alert = await deps.store.get(id);
    if (alert === null) throw new NotFoundError(`no alert ${id}`);
    return c.json(alertView(alert, deps.clock.now()));
  });

  app.get('/alerts', async (c) => {
    const query = parseListQuery(c);
    const page = await deps.store.list(query);
    const now = deps.clock.now();
    return c.json({ alerts: page.alerts.map((a) => alertSummaryView(a, now)), nextCursor: page.nextCursor });
  });

  return app;
}
