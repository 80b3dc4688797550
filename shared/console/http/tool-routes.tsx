/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** `GET /integrations` and `GET /explain` (a GET form: working it out changes nothing). */
import { Hono } from 'hono';
import type { RequestEnv } from '../../http/request-log.ts';
import { ExplainPage, IntegrationsPage } from '../pages/tool-pages.tsx';
import { explainView } from '../view/explain-view.ts';
import { integrationsView } from '../view/integrations-view.ts';
import { signedIn, type ConsoleContext } from './console-context.ts';
import { sendPage } from './send-page.tsx';

export function toolRoutes(ctx: ConsoleContext): Hono<RequestEnv> {
  const routes = new Hono<RequestEnv>();
  const { deps } = ctx;

  routes.get('/integrations', async (c) => {
    const who = signedIn(c, ctx);
    if (!who.ok) return who.response;
    const integrations = deps.config.integrations;
    const stats = deps.intakeStats === undefined ? null : await deps.intakeStats.read(integrations.map((i) => i.id));
    const rows = integrationsView(integrations, deps.config.links.baseUrl, stats, deps.clock.now());
    return sendPage(c, 200, 'Integrations', who.viewer, <IntegrationsPage rows={rows} />);
  });

  routes.get('/explain', (c) => {
    const who = signedIn(c, ctx);
    if (!who.ok) return who.response;
    const q = (name: string) => (c.req.query(name) ?? '').slice(0, 100);
    const form = c.req.query('priority') === undefined ? null : { priority: q('priority'), arrival: q('arrival'), calendar: q('calendar') };
    const view = explainView(deps.config, form, deps.clock.now());
    return sendPage(c, view.problems.length === 0 ? 200 : 422, 'What if', who.viewer, <ExplainPage view={view} />);
  });

  return routes;
}
