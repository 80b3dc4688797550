/**
 * OpenAPI paths of the web console (shared/console): pages for people, answered as HTML.
 * Documented so the whole surface is in one place; they are not an API to script against.
 */
import type { Json } from './schemas.ts';

const page = (description: string): Json => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const asset = (type: string): Json => ({ description: 'The console asset', content: { [type]: { schema: { type: 'string' } } } });
const signInFirst: Json = { description: 'Not signed in: to /sign-in?next=... (See Other)' };
const form: Json = {
  required: true,
  content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', additionalProperties: { type: 'string' } } } },
};
const pathParam = (name: string, description: string): Json => ({ name, in: 'path', required: true, schema: { type: 'string' }, description });

function consolePage(operationId: string, summary: string, extra: Json = {}): Json {
  return { get: { operationId, summary, tags: ['console'], security: [], responses: { '200': page(summary), '303': signInFirst }, ...extra } };
}

export const consolePaths: Readonly<Record<string, Json>> = {
  '/': consolePage('consoleBoard', 'The board: every open alert, the next deadline first (filters: priority, status, integration, label, page)'),
  '/integrations': consolePage('consoleIntegrations', 'Integrations: URLs, snippets, secret names, intake counts and the last rejection'),
  '/console/alerts/{id}': consolePage('consoleAlert', 'An alert: clocks, SLA timeline, responses, notifications, and forms to respond', {
    parameters: [pathParam('id', 'The alert id')],
  }),
  '/explain': consolePage('consoleExplain', 'What if: the SLA timeline of an alert of a priority arriving at an instant on a calendar'),
  '/sign-in': {
    get: { operationId: 'consoleSignInForm', summary: 'The sign-in form', tags: ['console'], security: [], responses: { '200': page('The form') } },
    post: {
      operationId: 'consoleSignIn',
      summary: 'Sign in with a name and an API key or the console password (form token required)',
      tags: ['console'],
      security: [],
      requestBody: form,
      responses: { '303': { description: 'Signed in: the session cookie is set' }, '401': page('Wrong key or password'), '403': page('Form token missing or expired') },
    },
  },
  '/sign-in/{ticket}': {
    get: {
      operationId: 'consoleTicketForm',
      summary: 'The one-time sign-in link printed by `sla-watch start`; changes nothing',
      tags: ['console'],
      security: [],
      parameters: [pathParam('ticket', 'A signed one-time ticket')],
      responses: { '200': page('A button to sign in'), '400': page('Not a valid ticket'), '410': page('Already used or expired') },
    },
    post: {
      operationId: 'consoleTicketSignIn',
      summary: 'Use the one-time link up and sign in',
      tags: ['console'],
      security: [],
      parameters: [pathParam('ticket', 'A signed one-time ticket')],
      requestBody: form,
      responses: { '303': { description: 'Signed in' }, '400': page('Not a valid ticket'), '410': page('Already used or expired') },
    },
  },
  '/sign-out': {
    post: { operationId: 'consoleSignOut', summary: 'End the session (CSRF token required)', tags: ['console'], security: [], requestBody: form, responses: { '303': { description: 'Signed out' }, '403': page('Cross-site or without the CSRF token') } },
  },
  '/alerts/{id}/respond': {
    post: {
      operationId: 'consoleRespond',
      summary: 'Acknowledge, resolve or post an update as the signed-in person (CSRF token required)',
      tags: ['console'],
      security: [],
      parameters: [pathParam('id', 'The alert id')],
      requestBody: form,
      responses: { '303': { description: 'Recorded: back to the alert page' }, '401': page('Not signed in'), '403': page('Cross-site or without the CSRF token'), '404': page('No such alert'), '409': page('Nothing changed (resolved meanwhile)'), '422': page('Not a response the console offers') },
    },
  },
  '/view/{token}': {
    get: {
      operationId: 'consoleViewLink',
      summary: "An alert email's view link: the alert's page, read only, without signing in; changes nothing",
      tags: ['console'],
      security: [],
      parameters: [pathParam('token', 'A signed view token for one recipient, expiring like acknowledgment links')],
      responses: {
        '200': page('The page'),
        '303': { description: "A report's view link: to /reports/view/{token} (See Other)" },
        '400': page('The link is not valid'),
        '404': page('No such alert'),
        '410': page('The link has expired'),
      },
    },
  },
  '/reports/view/{token}': {
    get: {
      operationId: 'consoleReportViewLink',
      summary: "A report email's view link: the report's page (day, week or month), read only, without signing in; changes nothing",
      tags: ['console'],
      security: [],
      parameters: [pathParam('token', 'A signed view token for one recipient and one report period, expiring like acknowledgment links')],
      responses: { '200': page('The report page'), '400': page('The link is not valid'), '410': page('The link has expired') },
    },
  },
  '/console/console.css': { get: { operationId: 'consoleStylesheet', summary: 'The console stylesheet', tags: ['console'], security: [], responses: { '200': asset('text/css') } } },
  '/console/console.js': { get: { operationId: 'consoleScript', summary: 'The console script (times, countdowns, refresh)', tags: ['console'], security: [], responses: { '200': asset('text/javascript') } } },
};
