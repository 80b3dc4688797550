/**
 * The pages behind an email's action links: the confirmation page a GET shows (with one form
 * button, as mail scanners open links and a GET must change nothing), the result of the POST,
 * and friendly pages for links that cannot work. Each page is a model in a discriminated
 * union rendered by one exhaustive switch, with its HTTP status; every value from the alert,
 * the token or the form is escaped.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Alert } from '../../domain/alert/alert.ts';
import type { Response } from '../../domain/alert/response.ts';
import type { Instant } from '../../domain/instant.ts';
import type { LinkAction, LinkClaims } from '../../domain/links/link-token.ts';
import { MAX_NOTE_LENGTH } from '../../domain/alert/apply-response.ts';
import { evaluateAlertSla } from '../../domain/sla/alert-sla.ts';
import { instantForPeople } from '../../notify/templates/format-time.ts';
import { clockSummary } from '../../notify/templates/notification-view.ts';
import { escapeHtml } from './escape.ts';
import { htmlPage } from './page.ts';
import { singleLine } from '../../domain/clean-text.ts';

/** What the page knows about the alert and the link, and the zone to show times in. */
export interface AckContext {
  readonly alert: Alert;
  readonly claims: LinkClaims;
  readonly zone: string;
  readonly now: Instant;
}

export type AckPage =
  | { readonly kind: 'confirm'; readonly context: AckContext; readonly note?: string; readonly noteProblem?: string }
  | { readonly kind: 'done'; readonly context: AckContext; readonly response: Response }
  /** The action was already taken (by anyone): nothing changed. */
  | { readonly kind: 'already'; readonly context: AckContext }
  /** The alert is resolved and takes no more responses; `attempted` when a POST was refused. */
  | { readonly kind: 'closed'; readonly context: AckContext; readonly attempted: boolean }
  | { readonly kind: 'invalid-link' }
  | { readonly kind: 'expired-link' }
  | { readonly kind: 'unknown-alert' }
  | { readonly kind: 'bad-request'; readonly status: ContentfulStatusCode; readonly message: string }
  | { readonly kind: 'unavailable'; readonly status: ContentfulStatusCode; readonly requestId: string | null };

export interface RenderedPage {
  readonly status: ContentfulStatusCode;
  readonly html: string;
}

const VERBS: Readonly<Record<LinkAction, { question: string; button: string; done: string; already: string }>> = {
  acknowledge: { question: 'Acknowledge this alert?', button: 'Acknowledge', done: 'Acknowledged', already: 'Already acknowledged' },
  resolve: { question: 'Resolve this alert?', button: 'Resolve', done: 'Resolved', already: 'Already resolved' },
  update: { question: 'Post an update on this alert?', button: 'Post update', done: 'Update posted', already: 'Update posted' },
};

/** Whether the link's action can still do anything: `already` done, `closed` by the resolution, or open. */
export function actionState(alert: Alert, action: LinkAction): 'open' | 'already' | 'closed' {
  switch (action) {
    case 'acknowledge':
      return alert.acknowledgedAt !== null ? 'already' : alert.resolvedAt !== null ? 'closed' : 'open';
    case 'resolve':
      return alert.resolvedAt !== null ? 'already' : 'open';
    case 'update':
      return alert.resolvedAt !== null ? 'closed' : 'open';
  }
}

function when(at: Instant | null, zone: string): string {
  return at === null ? 'an unknown time' : instantForPeople(at, zone);
}

function byAt(who: string | null, at: Instant | null, zone: string): string {
  return `${escapeHtml(singleLine(who ?? 'unknown', 200))} at ${escapeHtml(when(at, zone))}`;
}

function alertSummary({ alert, zone, now }: AckContext): string {
  const sla = evaluateAlertSla(alert, now);
  const businessTime = alert.sla.calendar !== null;
  const rows: [string, string][] = [
    ['Status', escapeHtml(alert.status)],
    ['Received', escapeHtml(when(alert.createdAt, zone))],
    ['Acknowledge by', `${escapeHtml(when(sla.acknowledgment.deadlineAt, zone))} (${escapeHtml(clockSummary(sla.acknowledgment, businessTime))})`],
    ['Resolve by', `${escapeHtml(when(sla.resolution.deadlineAt, zone))} (${escapeHtml(clockSummary(sla.resolution, businessTime))})`],
  ];
  if (alert.acknowledgedAt !== null) rows.push(['Acknowledged', byAt(alert.acknowledgedBy, alert.acknowledgedAt, zone)]);
  if (alert.resolvedAt !== null) rows.push(['Resolved', byAt(alert.resolvedBy, alert.resolvedAt, zone)]);
  return (
    `<p><span class="tag ${escapeHtml(alert.priority)}">${escapeHtml(alert.priority)}</span></p>` +
    `<h2>${escapeHtml(singleLine(alert.title, 300))}</h2>` +
    `<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`
  );
}

function confirmForm(page: Extract<AckPage, { kind: 'confirm' }>): string {
  const { claims } = page.context;
  const verb = VERBS[claims.action];
  const problem = page.noteProblem === undefined ? '' : `<p class="notice error" id="note-problem">${escapeHtml(page.noteProblem)}</p>`;
  const note =
    claims.action !== 'update'
      ? ''
      : `${problem}<label for="note">Update (required, at most ${MAX_NOTE_LENGTH} characters)</label>` +
        `<textarea id="note" name="note" required maxlength="${MAX_NOTE_LENGTH}">${escapeHtml(page.note ?? '')}</textarea>`;
  // No action attribute: the form posts back to this very URL, token included.
  return `<form method="post">${note}<button type="submit">${escapeHtml(verb.button)}</button></form>`;
}

function identity({ claims, zone }: AckContext): string {
  return `<p class="small">You are acting as ${escapeHtml(claims.recipient)}. This link works until ${escapeHtml(instantForPeople(claims.expiresAt, zone))}.</p>`;
}

function alreadyText({ alert, claims, zone }: AckContext): string {
  const resolved = alert.resolvedAt === null ? '' : ` It was resolved by ${byAt(alert.resolvedBy, alert.resolvedAt, zone)}.`;
  return claims.action === 'resolve'
    ? `Already resolved by ${byAt(alert.resolvedBy, alert.resolvedAt, zone)}. Nothing changed.`
    : `Already acknowledged by ${byAt(alert.acknowledgedBy, alert.acknowledgedAt, zone)}. Nothing changed.${resolved}`;
}

function problem(status: ContentfulStatusCode, heading: string, text: string): RenderedPage {
  return { status, html: htmlPage(heading, `<h1>${escapeHtml(heading)}</h1><p class="notice error">${escapeHtml(text)}</p>`) };
}

export function renderAckPage(page: AckPage): RenderedPage {
  switch (page.kind) {
    case 'confirm': {
      const verb = VERBS[page.context.claims.action];
      const status = page.noteProblem === undefined ? 200 : 422;
      return { status, html: htmlPage(verb.question, `<h1>${escapeHtml(verb.question)}</h1>${alertSummary(page.context)}${confirmForm(page)}${identity(page.context)}`) };
    }
    case 'done': {
      const { context, response } = page;
      const verb = VERBS[context.claims.action];
      const text = `${verb.done} by ${byAt(response.by, response.at, context.zone)}.`;
      return { status: 200, html: htmlPage(verb.done, `<h1>${escapeHtml(verb.done)}</h1><p class="notice" id="result">${text}</p>${alertSummary(context)}`) };
    }
    case 'already': {
      const verb = VERBS[page.context.claims.action];
      return {
        status: 200,
        html: htmlPage(verb.already, `<h1>${escapeHtml(verb.already)}</h1><p class="notice warn" id="result">${alreadyText(page.context)}</p>${alertSummary(page.context)}`),
      };
    }
    case 'closed': {
      const { alert, zone } = page.context;
      const text = `This alert was resolved by ${byAt(alert.resolvedBy, alert.resolvedAt, zone)}: it takes no more responses.`;
      return {
        status: page.attempted ? 409 : 200,
        html: htmlPage('Alert resolved', `<h1>Alert resolved</h1><p class="notice warn" id="result">${text}</p>${alertSummary(page.context)}`),
      };
    }
    case 'invalid-link':
      return problem(400, 'This link is not valid', 'The link may have been cut short or changed when it was copied. Open it again from the email, or respond through your usual tools.');
    case 'expired-link':
      return problem(410, 'This link has expired', 'Links in alert emails work for a limited time. Use a link from a more recent email about this alert, or respond through your usual tools.');
    case 'unknown-alert':
      return problem(404, 'Alert not found', 'sla-watch has no record of the alert this link is for.');
    case 'bad-request':
      return problem(page.status, 'This request cannot be handled', page.message);
    case 'unavailable': {
      const reference = page.requestId === null ? '' : ` Reference: ${page.requestId}.`;
      return problem(page.status, 'Please try again', `sla-watch could not complete this just now. Please try again in a minute.${reference}`);
    }
  }
}
