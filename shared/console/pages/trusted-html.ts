/**
 * The one way raw markup enters a console page. Everything else is a hono/jsx value, escaped
 * when rendered. Reviewed callers only:
 * - the SLA report's card (shared/report/report-html.ts), which escapes every value itself
 *   because it is also the body of the report email: its `<body>` is lifted out of the
 *   document so the console frame can hold it.
 */
import { raw } from 'hono/html';

/** The body of an HTML document we rendered ourselves (never text from a request or a store). */
export function ownDocumentBody(documentHtml: string): ReturnType<typeof raw> {
  const open = documentHtml.indexOf('<body');
  const start = open < 0 ? -1 : documentHtml.indexOf('>', open);
  const end = documentHtml.lastIndexOf('</body>');
  return raw(start < 0 || end < start ? '' : documentHtml.slice(start + 1, end));
}
