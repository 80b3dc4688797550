/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The console's alert pages:
 * - `GET /` the board (signed in);
 * - `GET /console/alerts/:id` the alert page (a browser asking for `/alerts/:id` is sent
 *   here by alert-page-redirect.ts);
 * - `POST /alerts/:id/respond` acknowledge, resolve or post an update as the signed-in
 *   person (CSRF token required), then back to the page (303);
 * - `GET /view/:token` an alert page by an email's view link, no session needed, never
 *   changing anything (a report's view link is opened by the Reports group, report-console.tsx);
 * - `/console/console.css|js` the stylesheet and script.
 */
import { Hono, type Context } from 'hono';
import type { Alert } from '../../domain/alert/alert.ts';
import { isAlertId } from '../../domain/alert/alert-id.ts';
import { MAX_NOTE_LENGTH } from '../../domain/alert/apply-response.ts';
import type { ResponseType } from '../../domain/alert/response.ts';
import { verifyViewToken, viewPath } from '../../domain/links/view-token.ts';
import { isPriority } from '../../domain/sla/priority.ts';
import { recordResponse } from '../../app/record-response.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.ts';
import type { RequestEnv } from '../../http/request-log.ts';
import { displayZone } from '../../notify/templates/notification-view.ts';
import { CONSOLE_CSS } from '../assets/console-css.ts';
import { CONSOLE_JS } from '../assets/console-js.ts';
import { AlertPage } from '../pages/alert-page.tsx';
import { BoardPage } from '../pages/board-page.tsx';
import { alertPageView } from '../view/alert-page-view.ts';
import { BOARD_STATUSES, buildBoardView, type BoardFilters, type BoardStatus } from '../view/board-view.ts';
import { signedIn, type ConsoleContext } from './console-context.ts';
import { formCsrfOk, readForm } from './console-session.ts';
import { sendPage, sendProblem, sendViewLinkProblem } from './send-page.tsx';

const RESPONSE_OF: Readonly<Record<string, ResponseType>> = { acknowledge: 'acknowledgment', resolve: 'resolution', update: 'update' };
const DONE_WORDS: Readonly<Record<string, string>> = { acknowledge: 'Acknowledged', resolve: 'Resolved', update: 'Update posted' };
const OPEN_PAGE_SIZE = 500;

/** Filters from the query; a value the board cannot have is ignored, like an empty select. */
export function boardFilters(query: (name: string) => string | undefined): BoardFilters {
  const priority = query('priority');
  const status = query('status');
  const integration = query('integration');
  const label = query('label')?.trim();
  const page = Number(query('page') ?? '1');
  return {
    priority: priority !== undefined && isPriority(priority) ? priority : null,
    status: status !== undefined && (BOARD_STATUSES as readonly string[]).includes(status) ? (status as BoardStatus) : null,
    integration: integration !== undefined && /^[a-z0-9-]{1,64}$/.test(integration) ? integration : null,
    label: label === undefined || label === '' ? null : label.slice(0, 300),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export async function readOpenAlerts(ctx: ConsoleContext): Promise<Alert[]> {
  const open: Alert[] = [];
  for await (const page of ctx.deps.store.listOpen(OPEN_PAGE_SIZE)) open.push(...page);
  return open;
}

export function boardRoutes(ctx: ConsoleContext): Hono<RequestEnv> {
  const routes = new Hono<RequestEnv>();
  const { deps } = ctx;
  const zoneOf = (alert: Alert) => displayZone(alert, deps.config);
  const asset = (c: Context, body: string, type: string) =>
    c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' });

  routes.get('/console/console.css', (c) => asset(c, CONSOLE_CSS, 'text/css; charset=utf-8'));
  routes.get('/console/console.js', (c) => asset(c, CONSOLE_JS, 'text/javascript; charset=utf-8'));

  routes.get('/', async (c) => {
    const who = signedIn(c, ctx);
    if (!who.ok) return who.response;
    const view = buildBoardView(await readOpenAlerts(ctx), boardFilters((name) => c.req.query(name)), zoneOf, deps.clock.now());
    return sendPage(c, 200, 'Open alerts', who.viewer, <BoardPage view={view} />);
  });

  routes.get('/console/alerts/:id', async (c) => {
    const who = signedIn(c, ctx);
    if (!who.ok) return who.response;
    const id = c.req.param('id');
    const alert = isAlertId(id) ? await deps.store.get(id) : null;
    if (alert === null) return sendProblem(c, 404, 'Alert not found', 'sla-watch has no record of this alert.', who.viewer);
    const done = c.req.query('done');
    const notice = done !== undefined && DONE_WORDS[done] !== undefined ? `${DONE_WORDS[done]} as ${who.session.person}.` : null;
    const view = alertPageView(alert, zoneOf(alert), deps.clock.now());
    return sendPage(c, 200, view.title, who.viewer, <AlertPage view={view} csrf={who.viewer.csrf} notice={notice} readOnlyFor={null} />);
  });

  routes.post('/alerts/:id/respond', async (c) => {
    const who = signedIn(c, ctx);
    if (!who.ok) return sendProblem(c, 401, 'Please sign in', 'Your session has ended. Sign in again, then repeat what you did.');
    const fields = await readForm(c);
    if (fields === null || !formCsrfOk(fields, who.session, ctx.keys)) {
      return sendProblem(c, 403, 'This request was refused', 'The form was not sent from this console (its CSRF token is missing or wrong). Reload the page and try again.', who.viewer);
    }
    const id = c.req.param('id');
    const action = fields.get('action') ?? '';
    const type = RESPONSE_OF[action];
    if (!isAlertId(id)) return sendProblem(c, 404, 'Alert not found', 'sla-watch has no record of this alert.', who.viewer);
    if (type === undefined) return sendProblem(c, 422, 'This request cannot be handled', 'Choose acknowledge, resolve or update.', who.viewer);
    const note = type === 'update' ? (fields.get('note') ?? '').replace(/\r\n?/g, '\n') : null;
    if (note !== null && (note.trim() === '' || note.length > MAX_NOTE_LENGTH)) {
      return sendProblem(c, 422, 'The update was not posted', `Write an update of 1 to ${MAX_NOTE_LENGTH} characters.`, who.viewer);
    }
    try {
      await recordResponse(deps, { alertId: id, type, by: who.session.person, note, via: 'console' });
    } catch (error) {
      if (error instanceof NotFoundError) return sendProblem(c, 404, 'Alert not found', 'sla-watch has no record of this alert.', who.viewer);
      if (error instanceof ConflictError || error instanceof UnprocessableError) return sendProblem(c, 409, 'Nothing changed', error.message, who.viewer);
      throw error;
    }
    return c.redirect(`/console/alerts/${encodeURIComponent(id)}?done=${action}`, 303);
  });

  routes.get('/view/:token', async (c) => {
    const token = c.req.param('token');
    const checked = verifyViewToken(token, ctx.linkKeys, deps.clock.now());
    if (!checked.ok) return sendViewLinkProblem(c, checked.reason);
    const { subject, recipient } = checked.claims;
    // Reports are built by the Reports group: this function carries no report code.
    if (subject.kind === 'report') return c.redirect(viewPath(subject, token), 303);
    const alert = await deps.store.get(subject.alertId);
    if (alert === null) return sendProblem(c, 404, 'Alert not found', 'sla-watch has no record of the alert this link is for.');
    const view = alertPageView(alert, zoneOf(alert), deps.clock.now());
    return sendPage(c, 200, view.title, null, <AlertPage view={view} csrf={null} notice={null} readOnlyFor={recipient} />);
  });

  return routes;
}
