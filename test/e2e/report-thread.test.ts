/**
 * Reports on the local stack are built in a worker thread (infra/local/report-thread.ts): the
 * same report, the same errors, read over the worker's own store connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { startTestStack, type TestStack } from '../support/test-stack.ts';
import { threadsNamed } from '../../infra/local/thread-memory.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.stop();
});

function today(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

describe('reports built off the request thread', () => {
  it('count the alerts intake just stored, as JSON and as a page', async () => {
    for (const id of ['thread-a', 'thread-b']) {
      const posted = await fetch(`${stack.url}/webhooks/generic`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_SECRETS.generic}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id, title: `Report thread ${id}`, priority: 'low' }),
      });
      expect(posted.status).toBe(200);
    }
    const date = today(stack.config.reporting.timezone);
    const json = await stack.api(`/reports/daily?date=${date}`);
    expect(json.status).toBe(200);
    const report = (await json.json()) as { date: string; totals: { opened: number } };
    expect(report).toMatchObject({ date, totals: { opened: 2 } });
    const page = await stack.api(`/reports/daily/${date}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(date);
  });

  it('answer a bad date with the use case own 400, naming the field', async () => {
    const response = await stack.api('/reports/daily?date=2026-02-30');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request', details: ['date: "2026-02-30" is not an existing YYYY-MM-DD, e.g. 2026-11-30'] });
  });
});

describe('a report thread that died', () => {
  it('fails only the builds it had, and the next report is built by a new thread', async () => {
    const [worker] = threadsNamed('report');
    expect(worker).toBeDefined();
    // As an out-of-memory end would: the thread is gone between two reports.
    await worker?.terminate();
    const date = today(stack.config.reporting.timezone);
    const response = await stack.api(`/reports/daily?date=${date}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { date: string }).date).toBe(date);
    expect(threadsNamed('report')).toHaveLength(1);
  });
});
