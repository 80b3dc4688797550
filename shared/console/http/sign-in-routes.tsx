/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * Signing in and out of the console:
 * - `GET/POST /sign-in`: a name and an API key (any configured key) or the console password,
 *   compared in constant time; the form carries a signed, short-lived form token;
 * - `GET/POST /sign-in/:ticket`: the one-time link `npm start` prints; the GET only shows a
 *   button, the POST uses the ticket up;
 * - `POST /sign-out` (with the CSRF token) clears the cookie.
 * A success sets the session cookie and sends the browser on with 303.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { singleLine } from '../../domain/clean-text.ts';
import { SECOND_MS } from '../../domain/instant.ts';
import { signTicket, verifyTicket } from '../../domain/links/session-token.ts';
import { matchApiKey } from '../../http/api-key-auth.ts';
import type { RequestEnv } from '../../http/request-log.ts';
import { SignInPage, TicketPage } from '../pages/sign-in-page.tsx';
import { signedIn, type ConsoleContext } from './console-context.ts';
import { endSession, formCsrfOk, readForm, safeNext, startSession } from './console-session.ts';
import { sendPage, sendProblem } from './send-page.tsx';

/** How long the one-time link printed at start works. */
export const TICKET_TTL_MS = 60 * 60 * SECOND_MS;
const FORM_TOKEN_TTL_MS = 30 * 60 * SECOND_MS;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** A one-time sign-in URL for `baseUrl` (what `npm start` prints). */
export function signInTicketUrl(baseUrl: string, key: Buffer, now: number): string {
  const ticket = signTicket({ id: randomBytes(16).toString('base64url'), expiresAt: now + TICKET_TTL_MS }, key);
  return `${baseUrl.replace(/\/+$/, '')}/sign-in/${ticket}`;
}

function personFrom(form: URLSearchParams): string | null {
  const name = singleLine(form.get('name') ?? '', 200).trim();
  return name === '' ? null : name;
}

export function signInRoutes(ctx: ConsoleContext): Hono<RequestEnv> {
  const routes = new Hono<RequestEnv>();
  const { deps, key } = ctx;
  const apiKeys = deps.config.apiKeys.map((k) => ({ name: k.name, digest: digest(k.key) }));
  const password = deps.config.console.password === null ? null : digest(deps.config.console.password);
  const sessionMs = deps.config.console.sessionTtlSeconds * SECOND_MS;

  const form = (c: Context, status: 200 | 401 | 403 | 422, next: string, problem: string | null, name = '') => {
    const formToken = signTicket({ id: `form:${randomBytes(9).toString('base64url')}`, expiresAt: deps.clock.now() + FORM_TOKEN_TTL_MS }, key);
    return sendPage(c, status, 'Sign in', null, <SignInPage next={next} formToken={formToken} problem={problem} name={name} passwordEnabled={password !== null} />);
  };

  routes.get('/sign-in', (c) => form(c, 200, safeNext(c.req.query('next')), null));

  routes.post('/sign-in', async (c) => {
    const fields = await readForm(c);
    if (fields === null) return sendProblem(c, 415, 'This request cannot be handled', 'Send the sign-in form from the sign-in page.');
    const next = safeNext(fields.get('next'));
    const now = deps.clock.now();
    if (!verifyTicket(fields.get('csrf') ?? '', ctx.keys, now).ok) return form(c, 403, next, 'The sign-in form had expired. Please try again.');
    const person = personFrom(fields);
    if (person === null) return form(c, 422, next, 'Give your name: responses you make are recorded in it.');
    const secret = fields.get('secret') ?? '';
    const keyName = matchApiKey(apiKeys, secret);
    const passwordOk = password !== null && timingSafeEqual(digest(secret), password);
    if (keyName === null && !passwordOk) {
      deps.logger.warn('console sign-in refused', { person });
      return form(c, 401, next, 'That API key or password is not right.', person);
    }
    const method = keyName !== null ? `API key ${keyName}` : 'password';
    startSession(c, { person, method, id: randomBytes(16).toString('base64url'), expiresAt: now + sessionMs }, key, now);
    deps.logger.info('console sign-in', { person, method });
    return c.redirect(next, 303);
  });

  routes.get('/sign-in/:ticket', (c) => {
    const checked = verifyTicket(c.req.param('ticket'), ctx.keys, deps.clock.now());
    if (!checked.ok || checked.claims.id.startsWith('form:') || ctx.usedTickets.has(checked.claims.id)) {
      return sendProblem(c, checked.ok ? 410 : 400, 'This sign-in link cannot be used', 'It was already used, has expired or is not complete. Restart sla-watch for a new one, or sign in with an API key.');
    }
    return sendPage(c, 200, 'Sign in', null, <TicketPage problem={null} />);
  });

  routes.post('/sign-in/:ticket', async (c) => {
    const now = deps.clock.now();
    const checked = verifyTicket(c.req.param('ticket'), ctx.keys, now);
    if (!checked.ok || checked.claims.id.startsWith('form:') || ctx.usedTickets.has(checked.claims.id)) {
      return sendProblem(c, checked.ok ? 410 : 400, 'This sign-in link cannot be used', 'It was already used, has expired or is not complete. Restart sla-watch for a new one, or sign in with an API key.');
    }
    const fields = await readForm(c);
    const person = fields === null ? null : personFrom(fields);
    if (person === null) return sendPage(c, 422, 'Sign in', null, <TicketPage problem="Give your name: responses you make are recorded in it." />);
    ctx.usedTickets.add(checked.claims.id);
    startSession(c, { person, method: 'sign-in link', id: randomBytes(16).toString('base64url'), expiresAt: now + sessionMs }, key, now);
    deps.logger.info('console sign-in', { person, method: 'sign-in link' });
    return c.redirect('/', 303);
  });

  routes.post('/sign-out', async (c) => {
    const who = signedIn(c, ctx);
    if (!who.ok) return c.redirect('/sign-in', 303);
    const fields = await readForm(c);
    if (fields === null || !formCsrfOk(fields, who.session, ctx.keys)) return sendProblem(c, 403, 'This request was refused', 'The form was not sent from this console. Reload the page and try again.', who.viewer);
    endSession(c);
    return c.redirect('/sign-in', 303);
  });

  return routes;
}
