/**
 * Counting deliveries per integration for the console's integrations page, without slowing
 * or failing an intake: an accepted delivery is counted concurrently with storing it (one
 * unconditional UpdateItem beside the intake's own writes), a rejected one after its answer is
 * decided. The counters are a debugging aid: a failure to count is logged and otherwise
 * ignored, never turned into an error for the sender (whose alert is what matters).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app/app-deps.ts';
import { singleLine } from '../domain/clean-text.ts';

export interface IntakeStatsEnv {
  Variables: { intakeIntegrationId?: string };
}

function quietly(deps: AppDeps, write: Promise<void>): Promise<void> {
  return write.catch((error: unknown) => deps.logger.warn('intake stats not recorded', { err: error }));
}

/** Count one accepted delivery; resolves (never rejects) once counted or given up. */
export function countAccepted(deps: AppDeps, integrationId: string): Promise<void> {
  if (deps.intakeStats === undefined) return Promise.resolve();
  return quietly(deps, deps.intakeStats.recordAccepted(integrationId, 1, deps.clock.now()));
}

/** `401: invalid secret`, `422: invalid alert (alerts[0].labels: ...)` from our JSON error bodies. */
async function reasonOf(res: Response): Promise<string> {
  let detail = '';
  try {
    const body = (await res.clone().json()) as { message?: unknown; details?: unknown; errors?: unknown };
    const list = Array.isArray(body.details) ? body.details : Array.isArray(body.errors) ? body.errors : [];
    detail = [typeof body.message === 'string' ? body.message : '', list.filter((d) => typeof d === 'string').slice(0, 3).join('; ')].filter((s) => s !== '').join(': ');
  } catch {
    detail = res.statusText; // not our JSON: the status says enough
  }
  return singleLine(`${res.status}: ${detail}`, 300);
}

/** Middleware: after a 4xx answer to a known integration, count it with its reason. */
export function countRejections(deps: AppDeps): MiddlewareHandler<IntakeStatsEnv> {
  return async (c: Context<IntakeStatsEnv>, next) => {
    await next();
    const integrationId = c.get('intakeIntegrationId');
    if (deps.intakeStats === undefined || integrationId === undefined || c.res.status < 400 || c.res.status >= 500) return;
    await quietly(deps, reasonOf(c.res).then((reason) => deps.intakeStats?.recordRejected(integrationId, reason, deps.clock.now())));
  };
}
