/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** A console page as a response: the layout around `body`, with the console's headers. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout, Problem, renderDocument, type Viewer } from '../pages/layout.tsx';
import { CONSOLE_CSP, pageHeaders } from './page-headers.ts';

export function sendPage(c: Context, status: ContentfulStatusCode, title: string, viewer: Viewer | null, body: Child, csp: string = CONSOLE_CSP): Response {
  const html = renderDocument(
    <Layout title={title} viewer={viewer}>
      {body}
    </Layout>,
  );
  return c.body(html, status, pageHeaders(csp));
}

export function sendProblem(c: Context, status: ContentfulStatusCode, heading: string, text: string, viewer: Viewer | null = null): Response {
  return sendPage(c, status, heading, viewer, <Problem heading={heading} text={text} />);
}

/** A view link that cannot open its page: expired (410), or cut short or changed (400). */
export function sendViewLinkProblem(c: Context, reason: 'malformed' | 'bad-signature' | 'expired'): Response {
  return reason === 'expired'
    ? sendProblem(c, 410, 'This link has expired', 'Links in sla-watch emails work for a limited time. Open a link from a more recent email, or sign in to the console.')
    : sendProblem(c, 400, 'This link is not valid', 'The link may have been cut short or changed when it was copied. Open it again from the email, or sign in to the console.');
}
