/**
 * The daily SLA report over HTTP, behind an API key like the rest of the read API:
 * - `GET /reports/daily?date=YYYY-MM-DD` the report as JSON (ISO instants, seconds);
 * - `GET /reports/daily/:date` the same report as an HTML page for a browser.
 * Without `date` the JSON route reports yesterday in the reporting time zone.
 *
 * The page also needs `Authorization: Bearer <key>`: a key in the URL would end up in
 * browser history, proxy logs and Referer headers. To read it in a browser, put it behind a
 * trusted proxy that adds the header, or render it locally with `sla-watch report --html`.
 * The page is served with a CSP that allows nothing but its inline styles, and never cached.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app/app-deps.ts';
import { buildDailyReport } from '../app/build-report.ts';
import { InvalidRequestError } from '../errors.ts';
import { renderReportHtml } from '../report/report-html.ts';
import { reportJson } from '../report/report-json.ts';
import type { ReportBuilder } from '../ports/report-builder.ts';
import { apiKeyAuth, type ApiKeyEnv } from './api-key-auth.ts';

/** The page has no scripts, images, frames or forms; only the inline styles mail clients need too. */
export const REPORT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `date` from the query: at most once; its format is checked by the use case. */
function dateQuery(c: Context): string | undefined {
  const values = c.req.queries('date') ?? [];
  if (values.length > 1) throw new InvalidRequestError('invalid query parameter: date', ['date: give it at most once']);
  return values[0];
}

/** `build` is where reports are built: the use case in this thread unless the root says otherwise. */
export function reportRoutes(deps: AppDeps, build: ReportBuilder = (request) => buildDailyReport(deps, request)): Hono<ApiKeyEnv> {
  const app = new Hono<ApiKeyEnv>();
  // Scoped to /reports so mounting this group at `/` puts no key requirement on other groups.
  app.use('/reports/*', apiKeyAuth(deps.config.apiKeys));

  app.get('/reports/daily', async (c) => {
    const date = dateQuery(c);
    const report = await build(date === undefined ? {} : { date });
    c.header('Cache-Control', 'no-store');
    return c.json(reportJson(report));
  });

  app.get('/reports/daily/:date', async (c) => {
    const report = await build({ date: c.req.param('date') });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', REPORT_PAGE_CSP);
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(renderReportHtml(report, 'page'));
  });

  return app;
}
