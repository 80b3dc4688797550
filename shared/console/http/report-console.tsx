/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The SLA reports as console pages: the report's own card (the email's HTML, one trusted
 * helper lifts it in) inside the console frame, with previous/next navigation and a switch
 * between the day, week and month. Served by the Reports route group, where reports are built:
 * - `GET /reports/{daily|weekly|monthly}/{label|latest}` to a signed-in browser (API clients,
 *   which send `Authorization`, keep the JSON, HTML and CSV routes of shared/http/report-routes.ts);
 * - `GET /reports/view/{token}` by a report email's view link, no session needed, read only.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import { LABEL_FIELDS } from '../../app/build-report.ts';
import type { LinkKeys } from '../../domain/links/link-token.ts';
import { verifyViewToken } from '../../domain/links/view-token.ts';
import { REPORT_INTERVALS, reportPeriod } from '../../domain/report/report-period.ts';
import type { ReportBuilder } from '../../ports/report-builder.ts';
import type { RequestEnv } from '../../http/request-log.ts';
import { renderReportHtml } from '../../report/report-html.ts';
import type { Viewer } from '../pages/layout.tsx';
import { ReportFrame } from '../pages/report-frame.tsx';
import { ownDocumentBody } from '../pages/trusted-html.ts';
import { choosePeriod, periodNav } from '../view/report-nav.ts';
import { consoleContext, signedIn, type ConsoleContext } from './console-context.ts';
import { REPORT_CONSOLE_CSP } from './page-headers.ts';
import { sendPage, sendProblem, sendViewLinkProblem } from './send-page.tsx';
import { wantsPage } from './wants-page.ts';

async function reportPage(c: Context, ctx: ConsoleContext, build: ReportBuilder, period: string, viewer: Viewer | null, recipient: string | null): Promise<Response> {
  const { deps } = ctx;
  const zone = deps.config.reporting.timezone;
  const [interval = '', label = ''] = period.split('/');
  const choice = choosePeriod(interval, label, zone, deps.clock.now());
  if (!choice.ok) return sendProblem(c, choice.status, choice.heading, choice.text, viewer);
  const report = await build({ interval: choice.interval, label: choice.label });
  const nav = periodNav(report, reportPeriod(choice.interval, choice.label, zone).dates[0] as string);
  const card = ownDocumentBody(renderReportHtml(report, 'console'));
  return sendPage(c, 200, nav.heading, viewer, <ReportFrame nav={nav} card={card} recipient={recipient} />, REPORT_CONSOLE_CSP);
}

export function reportConsoleRoutes(deps: AppDeps, linkKeys: LinkKeys, build: ReportBuilder): Hono<RequestEnv> {
  const ctx = consoleContext(deps, linkKeys);
  const routes = new Hono<RequestEnv>();

  routes.get('/reports/view/:token', async (c) => {
    const checked = verifyViewToken(c.req.param('token'), ctx.linkKeys, deps.clock.now());
    if (!checked.ok) return sendViewLinkProblem(c, checked.reason);
    const { subject, recipient } = checked.claims;
    // An alert's view link opened here by hand: its page is the console's.
    if (subject.kind === 'alert') return c.redirect(`/view/${c.req.param('token')}`, 303);
    return reportPage(c, ctx, build, subject.period, null, recipient);
  });

  for (const interval of REPORT_INTERVALS) {
    // The API's own path parameter names (date, week, month), so both document as one route.
    const name = LABEL_FIELDS[interval];
    routes.get(`/reports/${interval}/:${name}`, async (c, next) => {
      const label = c.req.param(name) ?? '';
      if (!wantsPage(c) || label.endsWith('.csv')) return next();
      const who = signedIn(c, ctx);
      if (!who.ok) return who.response;
      return reportPage(c, ctx, build, `${interval}/${label}`, who.viewer, null);
    });
  }

  return routes;
}
