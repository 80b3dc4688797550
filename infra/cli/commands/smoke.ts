/**
 * `sla-watch smoke --url URL --key KEY`: checks that a deployed (or local) stack answers, the way
 * a first request of each kind would, and changes nothing:
 *
 * 1. health: `GET /healthz` answers `{"status":"ok"}` (the Alerts function is up);
 * 2. intake: a test event posted to an integration that cannot exist is refused with 404
 *    (the Intake function is up, routed, and stores nothing it cannot attribute);
 * 3. API read: `GET /alerts?limit=1` with the API key (the key is known, the table answers);
 * 4. report read: `GET /reports/daily` with the API key (the Reports function reads the day index).
 *
 * Each check prints one line; the exit code is 0 only when all pass. The key is sent in a header
 * and never printed.
 */
import { UsageError, type Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

export interface SmokeCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** An integration id no configuration may hold (ids are [a-z0-9-]): the test event is never stored. */
const NO_SUCH_INTEGRATION = 'sla-watch-smoke-test-event';
const TIMEOUT_MS = 15_000;

async function check(name: string, run: () => Promise<string>): Promise<SmokeCheck> {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

async function answer(fetcher: Fetch, url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetcher(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(`no answer from ${new URL(url).origin} (${cause ?? (error instanceof Error ? error.name : 'error')})`);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the message.
  }
  return { status: response.status, body };
}

const expectStatus = (what: string, got: { status: number; body: unknown }, status: number) => {
  if (got.status !== status) {
    const message = (got.body as { message?: unknown } | null)?.message;
    throw new Error(`${what}: expected ${status}, got ${got.status}${typeof message === 'string' ? ` (${message})` : ''}`);
  }
};

/** Runs every check against `baseUrl`; never throws. */
export async function runSmoke(baseUrl: string, key: string, fetcher: Fetch = fetch): Promise<SmokeCheck[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const auth = { authorization: `Bearer ${key}` };
  return [
    await check('health', async () => {
      const got = await answer(fetcher, `${base}/healthz`);
      expectStatus('GET /healthz', got, 200);
      if ((got.body as { status?: unknown } | null)?.status !== 'ok') throw new Error('GET /healthz: not {"status":"ok"}');
      return 'GET /healthz: ok';
    }),
    await check('intake', async () => {
      const got = await answer(fetcher, `${base}/webhooks/${NO_SUCH_INTEGRATION}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'smoke', title: 'sla-watch smoke test', status: 'firing' }),
      });
      expectStatus('POST /webhooks/<test>', got, 404);
      return 'POST /webhooks/<test>: refused with 404 as expected, nothing stored';
    }),
    await check('api read', async () => {
      const got = await answer(fetcher, `${base}/alerts?limit=1`, { headers: auth });
      expectStatus('GET /alerts', got, 200);
      const alerts = (got.body as { alerts?: unknown } | null)?.alerts;
      if (!Array.isArray(alerts)) throw new Error('GET /alerts: no "alerts" list in the answer');
      return `GET /alerts?limit=1: ok (${alerts.length === 0 ? 'no alerts yet' : 'latest alert readable'})`;
    }),
    await check('report read', async () => {
      const got = await answer(fetcher, `${base}/reports/daily`, { headers: auth });
      expectStatus('GET /reports/daily', got, 200);
      return 'GET /reports/daily: ok';
    }),
  ];
}

export const smokeCommand: Command = {
  name: 'smoke',
  summary: 'check that a deployed or local stack answers: health, intake, API and report reads',
  usage: [
    'usage: sla-watch smoke --url URL --key KEY',
    '',
    '  --url URL   the API base URL (the ApiUrl output, or http://127.0.0.1:8080 locally)',
    '  --key KEY   an API key of the configuration (api_keys); sent as a header, never printed',
    '',
    'Changes nothing. Exit code 0 when every check passes, 1 otherwise.',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseOptions(argv, { url: { type: 'string' }, key: { type: 'string' } }, 0);
    if (values.url === undefined || values.key === undefined) throw new UsageError('give --url and --key');
    let url: URL;
    try {
      url = new URL(values.url);
    } catch {
      throw new UsageError(`--url: not a URL: ${JSON.stringify(values.url)}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('--url: expected an http(s) URL');
    const checks = await runSmoke(url.origin + url.pathname, values.key);
    for (const c of checks) (c.ok ? io.out : io.err)(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
    const failed = checks.filter((c) => !c.ok).length;
    io.out(failed === 0 ? `smoke: all ${checks.length} checks passed` : `smoke: ${failed} of ${checks.length} checks failed`);
    return failed === 0 ? 0 : 1;
  },
};
