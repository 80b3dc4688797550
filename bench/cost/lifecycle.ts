/**
 * The lifecycle driver: plays a month plan (month-plan.ts) against the metered stack on the
 * manual clock, event by event in time order, the way AWS would run it:
 * - every HTTP interaction goes through the real app with `app.request` and counts as one API
 *   Gateway request and one invocation of an API function: webhook deliveries, the
 *   acknowledgment page and its button (following the link from the email), API responses;
 * - every timer is delivered to `handleTimer` when the clock reaches its instant plus its
 *   delivery delay: one Scheduler invocation and one invocation of a timer function;
 * - the sweeper runs every `monitoring.check_interval`, and the daily report at
 *   `reporting.time`: one Scheduler invocation and one function invocation each run, counted
 *   in their own scope with each run's counts kept, so that what an empty run costs (a fixed
 *   monthly cost) is known apart from what alerts add.
 * At equal instants: planned requests first, then timers, then the sweeper, then the report.
 */
import { handleTimer } from '../../shared/app/handle-timer.ts';
import { sendDailyReport } from '../../shared/app/send-report.ts';
import { sweep, sweepBudgetMs } from '../../shared/app/sweep.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import type { Instant } from '../../shared/domain/instant.ts';
import { nextDailyAt } from '../../shared/domain/schedule/next-daily-at.ts';
import type { TimerRequest } from '../../shared/ports/timers.ts';
import type { MeteredWrite } from './dynamo-meter.ts';
import type { Item } from './item-size.ts';
import { alertmanagerBody } from './alertmanager-body.ts';
import { Meter, type Counts, type Scope } from './counts.ts';
import { startMeteredStack, type MeteredStack } from './metered-stack.ts';
import type { AlertPlan } from './month-plan.ts';

/** Due alerts per sweeper page, as functions/sweeper.ts takes them (page after page, within the same budget). */
const SWEEP_PAGE_SIZE = 100;
const MAX_EVENTS_AT_ONE_INSTANT = 10_000;

export interface LifecycleOptions {
  readonly config: AppConfig;
  readonly plans: readonly AlertPlan[];
  /** Where simulated time starts; the first sweep runs here. */
  readonly startAt: Instant;
  /** Where it stops: after everything planned, with time for what follows to settle. */
  readonly endAt: Instant;
  /** How long after its instant each timer is delivered. */
  readonly timerDelayMs: (request: TimerRequest) => number;
  /** The integration's secret (Bearer) and an API key of the configuration. */
  readonly secrets: { readonly webhook: string; readonly apiKey: string; readonly link: string };
}

export interface RunRecord {
  readonly at: Instant;
  readonly counts: Counts;
  /** Alerts the run handled: examined by a sweep, read by a report. */
  readonly alerts: number;
}

export interface LifecycleResult {
  readonly alerts: number;
  readonly byScope: Readonly<Record<Scope, Counts>>;
  readonly sweeps: readonly RunRecord[];
  readonly reports: readonly RunRecord[];
  /** The alert items as the run left them (all resolved): what the table keeps. */
  readonly alertItems: readonly Item[];
  /** Every item write, in order, with its simulated instant. */
  readonly writes: readonly MeteredWrite[];
  /** The instant each alert was first delivered, by alert id. */
  readonly firstDeliveries: ReadonlyMap<string, Instant>;
  /** Anything that did not go as a healthy deployment would: must be empty. */
  readonly problems: readonly string[];
}

interface Step {
  readonly at: Instant;
  readonly run: () => Promise<void>;
}

export async function runLifecycle(options: LifecycleOptions): Promise<LifecycleResult> {
  const meter = new Meter();
  const stack = await startMeteredStack({ config: options.config, linkSecret: options.secrets.link, meter, startAt: options.startAt, timerDelayMs: options.timerDelayMs });
  try {
    return await drive(stack, meter, options);
  } finally {
    await stack.stop();
  }
}

async function drive(stack: MeteredStack, meter: Meter, options: LifecycleOptions): Promise<LifecycleResult> {
  const { config, endAt } = options;
  const problems: string[] = [];
  const alertIds = new Map<AlertPlan, string>();
  const http = async (route: string, path: string, init: RequestInit): Promise<Response> => {
    meter.count('http.requests');
    meter.count('lambda.api');
    meter.count(`http.route.${route}`);
    const response = await stack.app.request(path, init);
    const body = await response.text();
    if (!response.ok) problems.push(`${init.method ?? 'GET'} ${route} at ${new Date(stack.clock.now()).toISOString()}: ${response.status} ${body.slice(0, 200)}`);
    return new Response(body === '' ? null : body, { status: response.status, headers: response.headers });
  };
  const steps = options.plans.flatMap((plan) => planSteps(plan, options, http, alertIds, stack, problems)).sort((a, b) => a.at - b.at);

  const sweeps: RunRecord[] = [];
  const reports: RunRecord[] = [];
  let nextSweepAt = options.startAt;
  const { time, timezone } = config.reporting;
  let nextReportAt = config.reporting.enabled ? nextDailyAt(time, timezone, options.startAt - 1) : Number.POSITIVE_INFINITY;
  let nextStep = 0;
  let sameInstant = 0;

  for (;;) {
    const step = steps[nextStep];
    const delivery = stack.timers.next();
    const at = Math.min(step?.at ?? Infinity, delivery?.at ?? Infinity, nextSweepAt, nextReportAt);
    if (at > endAt) break;
    // A notification failing for good would re-arm a timer due at once, forever, with no delay.
    sameInstant = at === stack.clock.now() ? sameInstant + 1 : 0;
    if (sameInstant > MAX_EVENTS_AT_ONE_INSTANT) {
      problems.push(`more than ${MAX_EVENTS_AT_ONE_INSTANT} events at ${new Date(at).toISOString()}: stopped`);
      break;
    }
    stack.clock.set(Math.max(stack.clock.now(), at));
    if (step !== undefined && step.at === at) {
      nextStep += 1;
      await step.run();
    } else if (delivery !== undefined && delivery.at === at) {
      stack.timers.take(delivery);
      meter.count('scheduler.invocations');
      meter.count('lambda.timer');
      meter.count(`timer.fired.${delivery.request.payload.kind}`);
      await handleTimer(stack.deps, delivery.request.payload).catch((error: unknown) => {
        problems.push(`timer ${delivery.request.name}: ${String(error)}`);
      });
    } else if (nextSweepAt === at) {
      const { result, counts } = await meter.measure('sweep', async () => {
        meter.count('scheduler.invocations');
        meter.count('lambda.sweeper');
        return sweep(stack.deps, { pageSize: SWEEP_PAGE_SIZE, budgetMs: sweepBudgetMs(config.monitoring.checkIntervalSeconds) });
      });
      problems.push(...result.failed.map((f) => `sweep: ${f.alertId}: ${f.error}`));
      sweeps.push({ at, counts, alerts: result.examined });
      nextSweepAt += config.monitoring.checkIntervalSeconds * 1000;
    } else {
      const { result, counts } = await meter.measure('report', async () => {
        meter.count('scheduler.invocations');
        meter.count('lambda.report');
        return sendDailyReport(stack.deps, { mailer: stack.mailer }, {});
      });
      reports.push({ at, counts, alerts: result.kind === 'sent' ? result.report.totals.opened : 0 });
      nextReportAt = nextDailyAt(time, timezone, at);
    }
  }

  if (nextStep < steps.length) problems.push(`${steps.length - nextStep} planned requests fall after the end of the run`);
  const alertItems = stack.dynamo.storedItems().filter((item) => item['pk']?.S?.startsWith('ALERT#'));
  const unsettled = alertItems.filter((item) => item['status']?.S !== 'resolved' || item['duePk'] !== undefined);
  if (unsettled.length > 0) problems.push(`${unsettled.length} alerts not resolved, or with a timer left, at the end of the run`);
  if (alertItems.length !== options.plans.length) problems.push(`${alertItems.length} alerts stored for ${options.plans.length} planned`);
  problems.push(...stack.problems);
  return {
    alerts: options.plans.length,
    byScope: { alerts: meter.total('alerts'), sweep: meter.total('sweep'), report: meter.total('report') },
    sweeps,
    reports,
    alertItems,
    writes: stack.dynamo.writes,
    firstDeliveries: new Map([...alertIds].map(([plan, id]) => [id, plan.firstAt])),
    problems,
  };
}

type Http = (route: string, path: string, init: RequestInit) => Promise<Response>;

/** The requests one alert's plan makes, each at its instant. */
function planSteps(plan: AlertPlan, options: LifecycleOptions, http: Http, alertIds: Map<AlertPlan, string>, stack: MeteredStack, problems: string[]): Step[] {
  const { webhook, apiKey } = options.secrets;
  const integration = options.config.integrations[0]?.id ?? 'am';
  const deliver = (status: 'firing' | 'resolved', endsAt: Instant | null) =>
    http('webhook', `/webhooks/${integration}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${webhook}`, 'content-type': 'application/json' },
      body: alertmanagerBody(plan, status, endsAt),
    });
  const id = (): string => alertIds.get(plan) ?? '';
  const respond = (type: 'acknowledgment' | 'update', by: string, note: string | null) =>
    http('responses', `/alerts/${id()}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type, by, note }),
    });
  const steps: Step[] = [
    {
      at: plan.firstAt,
      run: async () => {
        const answer = (await (await deliver('firing', null)).json()) as { results?: { alertId?: string }[] };
        const alertId = answer.results?.[0]?.alertId;
        if (alertId === undefined) problems.push(`alert ${plan.fingerprint} was not stored`);
        else alertIds.set(plan, alertId);
      },
    },
    { at: plan.repeatAt, run: async () => void (await deliver('firing', null)) },
    { at: plan.resolveAt, run: async () => void (await deliver('resolved', plan.resolveAt)) },
  ];
  const { ack } = plan;
  if (ack?.via === 'api') steps.push({ at: ack.at, run: async () => void (await respond('acknowledgment', 'ops-bot', null)) });
  if (ack?.via === 'link') {
    const link = (): string => {
      const token = stack.links.token(id(), 'acknowledge');
      if (token === undefined) problems.push(`no acknowledgment link was mailed for ${id()}`);
      return `/ack/${token ?? 'missing'}`;
    };
    steps.push(
      { at: ack.openAt, run: async () => void (await http('ack-page', link(), { method: 'GET' })) },
      {
        at: ack.at,
        run: async () =>
          void (await http('ack-button', link(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' }, body: 'note=' })),
      },
    );
  }
  if (plan.updateAt !== null) steps.push({ at: plan.updateAt, run: async () => void (await respond('update', 'dana', 'Rolled back the last deploy; watching the error rate.')) });
  return steps;
}
