/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The daily report as a console page: the report's own card (the email's HTML, one trusted
 * helper lifts it in) inside the console frame, with previous/next navigation. `GET
 * /reports/daily/:date` serves it to a signed-in browser; API clients keep the JSON and HTML
 * routes of shared/http/report-routes.ts (they send `Authorization`).
 */
import { Hono, type Context } from 'hono';
import { buildDailyReport } from '../../app/build-report.ts';
import type { RequestEnv } from '../../http/request-log.ts';
import { renderReportHtml } from '../../report/report-html.ts';
import type { Viewer } from '../pages/layout.tsx';
import { ownDocumentBody } from '../pages/trusted-html.ts';
import { parsePeriod, periodNav } from '../view/report-nav.ts';
import { consoleContext, signedIn, type ConsoleContext } from './console-context.ts';
import { REPORT_CONSOLE_CSP } from './page-headers.ts';
import { sendPage, sendProblem } from './send-page.tsx';
import { wantsPage } from './wants-page.ts';
import type { AppDeps } from '../../app/app-deps.ts';

export async function reportPageFor(c: Context, ctx: ConsoleContext, periodText: string, viewer: Viewer | null, recipient: string | null): Promise<Response> {
  const { deps } = ctx;
  const zone = deps.config.reporting.timezone;
  const now = deps.clock.now();
  const period = parsePeriod(periodText, zone, now);
  if (period === null) return sendProblem(c, 404, 'No such report', 'Reports are daily, named by an existing date YYYY-MM-DD.', viewer);
  const report = await buildDailyReport(deps, { date: period.date });
  const nav = periodNav(period, zone, now);
  const body = (
    <>
      <nav class="pager" aria-label="Report periods">
        {viewer === null || nav.previous === null ? null : <a href={nav.previous.href}>{nav.previous.text}</a>}
        <h1>{nav.heading}</h1>
        {viewer === null || nav.next === null ? null : <a href={nav.next.href}>{nav.next.text}</a>}
      </nav>
      {recipient === null ? null : <p class="small">Shown to {recipient} by a view link. Sign in to move between days.</p>}
      <div class="paper">{ownDocumentBody(renderReportHtml(report, 'page'))}</div>
    </>
  );
  return sendPage(c, 200, nav.heading, viewer, body, REPORT_CONSOLE_CSP);
}

export function reportConsoleRoutes(deps: AppDeps, linkSecret: string | Buffer): Hono<RequestEnv> {
  const ctx = consoleContext(deps, linkSecret);
  const routes = new Hono<RequestEnv>();
  routes.get('/reports/daily/:date', async (c, next) => {
    if (!wantsPage(c)) return next();
    const who = signedIn(c, ctx);
    if (!who.ok) return who.response;
    return reportPageFor(c, ctx, `daily/${c.req.param('date')}`, who.viewer, null);
  });
  return routes;
}
