/**
 * The SLA reports over HTTP, behind an API key like the rest of the read API:
 * - `GET /reports/daily?date=YYYY-MM-DD`, `/reports/weekly?week=2026-W49`,
 *   `/reports/monthly?month=2026-12`: the report as JSON (ISO instants, seconds); without the
 *   query, the last complete period in the reporting time zone;
 * - `GET /reports/{interval}/{label}`: the same report as an HTML page for a browser;
 * - `GET /reports/{interval}/{label}.csv`: one row per alert opened in the period.
 * A malformed label or one in the future is a 400 naming the problem.
 *
 * The page also needs `Authorization: Bearer <key>`: a key in the URL would end up in
 * browser history, proxy logs and Referer headers. To read it in a browser, put it behind a
 * trusted proxy that adds the header, or render it locally with `sla-watch report --html`.
 * The page is served with a CSP that allows nothing but its inline styles (its chart is an
 * inline SVG), and never cached.
 */
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import type { AppDeps } from '../app/app-deps.ts';
import { buildReport, LABEL_FIELDS } from '../app/build-report.ts';
import { exportReportCsv } from '../app/export-report-csv.ts';
import type { ReportInterval } from '../domain/report/report-period.ts';
import { InvalidRequestError } from '../errors.ts';
import { renderReportHtml } from '../report/report-html.ts';
import { reportJson } from '../report/report-json.ts';
import type { ReportBuilder } from '../ports/report-builder.ts';
import { apiKeyAuth, type ApiKeyEnv } from './api-key-auth.ts';

/** The page has no scripts, images, frames or forms; only the inline styles mail clients need too. */
export const REPORT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const INTERVALS: readonly ReportInterval[] = ['daily', 'weekly', 'monthly'];

/** The label from the query (`date`, `week`, `month`): at most once; its format is checked by the use case. */
function labelQuery(c: Context, interval: ReportInterval): string | undefined {
  const name = LABEL_FIELDS[interval];
  const values = c.req.queries(name) ?? [];
  if (values.length > 1) throw new InvalidRequestError(`invalid query parameter: ${name}`, [`${name}: give it at most once`]);
  return values[0];
}

/** `build` is where reports are built: the use case in this thread unless the root says otherwise. */
export function reportRoutes(deps: AppDeps, build: ReportBuilder = (request) => buildReport(deps, request)): Hono<ApiKeyEnv> {
  const app = new Hono<ApiKeyEnv>();
  // Scoped to /reports so mounting this group at `/` puts no key requirement on other groups.
  app.use('/reports/*', apiKeyAuth(deps.config.apiKeys));

  for (const interval of INTERVALS) {
    app.get(`/reports/${interval}`, async (c) => {
      const label = labelQuery(c, interval);
      const report = await build(label === undefined ? { interval } : { interval, label });
      c.header('Cache-Control', 'no-store');
      return c.json(reportJson(report));
    });

    const name = LABEL_FIELDS[interval];
    app.get(`/reports/${interval}/:${name}`, async (c) => {
      const param = c.req.param(name) ?? '';
      c.header('Cache-Control', 'no-store');
      if (param.endsWith('.csv')) {
        const rows = exportReportCsv(deps, { interval, label: param.slice(0, -'.csv'.length) });
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="sla-report-${param.replace(/[^A-Za-z0-9.-]/g, '')}"`);
        return stream(c, async (out) => {
          for await (const chunk of rows) await out.write(chunk);
        });
      }
      const report = await build({ interval, label: param });
      c.header('Content-Security-Policy', REPORT_PAGE_CSP);
      c.header('Referrer-Policy', 'no-referrer');
      return c.html(renderReportHtml(report, 'page'));
    });
  }

  return app;
}
