/**
 * The action links of notification emails: `GET /ack/:token` shows what the link would do and
 * changes nothing (mail scanners fetch every link in a message before anyone clicks it);
 * `POST /ack/:token`, sent by the page's one button, records the response in the name of the
 * person the link was sent to, through recordResponse with `via: 'link'`.
 *
 * The token is the only credential, checked on both methods; a POST must also come from this
 * site's own page (same-origin.ts), so another site cannot post the form with a leaked token. Acting twice is harmless: a
 * second acknowledgment or resolution shows who did it first. Every answer is an HTML page,
 * problems included, with the page headers of html/page.ts; unexpected failures are logged
 * by the shared error mapping and shown as a page that says nothing internal.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from '../app/app-deps.ts';
import { recordResponse } from '../app/record-response.ts';
import { MAX_NOTE_LENGTH } from '../domain/alert/apply-response.ts';
import type { ResponseType } from '../domain/alert/response.ts';
import type { LinkAction, LinkClaims, LinkKeys } from '../domain/links/link-token.ts';
import { verifyLinkToken } from '../domain/links/link-token.ts';
import { ConflictError, NotFoundError, PayloadTooLargeError, SlaWatchError, UnprocessableError } from '../errors.ts';
import { displayZone } from '../notify/templates/notification-view.ts';
import { errorResponse } from './error-response.ts';
import { actionState, renderAckPage, type AckContext, type AckPage } from './html/ack-pages.ts';
import { pageResponse } from './html/page.ts';
import { mediaTypeOf, readRawBody } from './request-body.ts';
import { sameOriginForms } from './same-origin.ts';
import type { RequestEnv } from './request-log.ts';

/** The form holds one short note: 16 KB is room to spare, even percent-encoded. */
const MAX_FORM_BYTES = 16 * 1024;

const RESPONSE_TYPE: Readonly<Record<LinkAction, ResponseType>> = { acknowledge: 'acknowledgment', resolve: 'resolution', update: 'update' };

type Verified = { readonly ok: true; readonly claims: LinkClaims } | { readonly ok: false; readonly page: AckPage };

function verify(deps: AppDeps, token: string, linkSecret: LinkKeys): Verified {
  const result = verifyLinkToken(token, linkSecret, deps.clock.now());
  if (result.ok) return result;
  switch (result.reason) {
    case 'expired':
      return { ok: false, page: { kind: 'expired-link' } };
    case 'wrong-alert':
      return { ok: false, page: { kind: 'unknown-alert' } };
    case 'malformed':
    case 'bad-signature':
    case 'wrong-action':
      return { ok: false, page: { kind: 'invalid-link' } };
  }
}

function show(c: Context, page: AckPage): Response {
  const { status, html } = renderAckPage(page);
  return pageResponse(c, status, html);
}

async function contextFor(deps: AppDeps, claims: LinkClaims): Promise<AckContext | null> {
  const alert = await deps.store.get(claims.alertId);
  return alert === null ? null : { alert, claims, zone: displayZone(alert, deps.config), now: deps.clock.now() };
}

type FormNote = { readonly ok: true; readonly note: string } | { readonly ok: false; readonly page: AckPage };

/** The form's `note`, CR/LF normalised as browsers send CRLF; a wrong media type or size is a page. */
async function readNote(c: Context): Promise<FormNote> {
  if (mediaTypeOf(c.req.raw) !== 'application/x-www-form-urlencoded') {
    return { ok: false, page: { kind: 'bad-request', status: 415, message: 'Send the form from the page this link opens.' } };
  }
  const raw = await readRawBody(c.req.raw, MAX_FORM_BYTES);
  const note = new URLSearchParams(Buffer.from(raw).toString('utf8')).get('note') ?? '';
  return { ok: true, note: note.replace(/\r\n?/g, '\n') };
}

function noteProblem(note: string): string | undefined {
  if (note.trim() === '') return 'Write a short update before posting it.';
  if (note.length > MAX_NOTE_LENGTH) return `The update is ${note.length} characters long; the limit is ${MAX_NOTE_LENGTH}.`;
  return undefined;
}

async function act(deps: AppDeps, context: AckContext, note: string | null): Promise<AckPage> {
  const { claims } = context;
  try {
    const outcome = await recordResponse(deps, { alertId: claims.alertId, type: RESPONSE_TYPE[claims.action], by: claims.recipient, note, via: 'link' });
    const after = { ...context, alert: outcome.alert, now: deps.clock.now() };
    return outcome.kind === 'recorded' ? { kind: 'done', context: after, response: outcome.response } : { kind: 'already', context: after };
  } catch (error) {
    if (error instanceof NotFoundError) return { kind: 'unknown-alert' };
    if (error instanceof UnprocessableError) return { kind: 'bad-request', status: 422, message: error.details.join('; ') || error.message };
    if (!(error instanceof ConflictError)) throw error;
    // Resolved meanwhile (or at the response cap): show the alert as it is now.
    const now = await contextFor(deps, claims);
    if (now !== null && now.alert.resolvedAt !== null) return { kind: 'closed', context: now, attempted: true };
    return { kind: 'bad-request', status: 409, message: error.message };
  }
}

export function ackRoutes(deps: AppDeps, linkSecret: LinkKeys): Hono<RequestEnv> {
  const routes = new Hono<RequestEnv>();
  // Links may point at a public base URL other than the one this function sees (a custom domain).
  routes.use('/ack/*', sameOriginForms({ trustedOrigins: [deps.config.links.baseUrl] }));

  routes.get('/ack/:token', async (c) => {
    const verified = verify(deps, c.req.param('token'), linkSecret);
    if (!verified.ok) return show(c, verified.page);
    const context = await contextFor(deps, verified.claims);
    if (context === null) return show(c, { kind: 'unknown-alert' });
    const state = actionState(context.alert, verified.claims.action);
    switch (state) {
      case 'open':
        return show(c, { kind: 'confirm', context });
      case 'already':
        return show(c, { kind: 'already', context });
      case 'closed':
        return show(c, { kind: 'closed', context, attempted: false });
    }
  });

  routes.post('/ack/:token', async (c) => {
    const verified = verify(deps, c.req.param('token'), linkSecret);
    if (!verified.ok) return show(c, verified.page);
    const form = await readNote(c);
    if (!form.ok) return show(c, form.page);
    const context = await contextFor(deps, verified.claims);
    if (context === null) return show(c, { kind: 'unknown-alert' });
    if (verified.claims.action !== 'update') return show(c, await act(deps, context, null));
    const problem = actionState(context.alert, 'update') === 'open' ? noteProblem(form.note) : undefined;
    if (problem !== undefined) return show(c, { kind: 'confirm', context, note: form.note.slice(0, MAX_NOTE_LENGTH * 2), noteProblem: problem });
    return show(c, await act(deps, context, form.note));
  });

  routes.onError((error, c) => {
    if (error instanceof PayloadTooLargeError) return show(c, { kind: 'bad-request', status: 413, message: 'The update is too long.' });
    // The shared mapping logs the failure (with the route pattern, never the token) and picks the status.
    const mapped = errorResponse(c, error);
    const requestId = c.get('requestId') ?? null;
    if (mapped.status < 500) {
      const message = error instanceof SlaWatchError ? error.message : 'This request cannot be handled.';
      return show(c, { kind: 'bad-request', status: mapped.status as ContentfulStatusCode, message });
    }
    const retryAfter = mapped.headers.get('Retry-After');
    const { status, html } = renderAckPage({ kind: 'unavailable', status: mapped.status === 503 ? 503 : 500, requestId });
    return pageResponse(c, status, html, retryAfter === null ? {} : { 'Retry-After': retryAfter });
  });

  return routes;
}
