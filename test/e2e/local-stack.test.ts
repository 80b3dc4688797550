/**
 * The local stack as `npm start` runs it, over HTTP, with its data on disk: alerts survive a
 * restart, and a timer that fell due while the stack was down fires at the next start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { startTestStack, type TestStack } from '../support/test-stack.ts';
import { waitFor } from '../support/wait-for.ts';

// Seconds instead of minutes, so that the first reminder falls due while the stack is down.
const FAST_CRITICAL = {
  sla: { definitions: { critical: { acknowledgment_time: 60, resolution_time: 600 } } },
  response_tracking: { timeouts: { acknowledgment: { critical: 2 } }, reminders: { interval: { critical: 60 } } },
};

describe('the local stack on disk', () => {
  let dataDir: string;
  let stack: TestStack | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-e2e-'));
  });

  afterAll(async () => {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps alerts across a restart and fires a timer that fell due while it was down', async () => {
    stack = await startTestStack({ dataDir, patch: FAST_CRITICAL });
    const posted = await fetch(`${stack.url}/webhooks/generic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_SECRETS.generic}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'db-down', title: 'Primary database down', severity: 'critical' }),
    });
    expect(posted.status).toBe(200);
    const { results } = (await posted.json()) as { results: { alertId: string }[] };
    const alertId = results[0]?.alertId as string;
    await waitFor('the new-alert email', async () => ((await stack?.emails()) ?? []).find((mail) => mail.subject.includes('new alert')));
    const port = Number(new URL(stack.url).port);
    await stack.stop();
    stack = undefined;

    // Down for longer than the 2 s to the first reminder.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    stack = await startTestStack({ dataDir, patch: FAST_CRITICAL, port });
    const restarted = stack;
    const alert = (await (await restarted.api(`/alerts/${alertId}`)).json()) as { title: string; status: string };
    expect(alert).toMatchObject({ title: 'Primary database down', status: 'open' });

    const reminder = await waitFor('the reminder that fell due while down', async () =>
      (await restarted.emails()).find((mail) => mail.subject.includes('Primary database down') && /remind/i.test(mail.subject)),
    );
    expect(reminder.destination.to).toEqual(['oncall-critical@example.test']);
    const after = (await (await restarted.api(`/alerts/${alertId}`)).json()) as { notified: { remindersSent: number } };
    expect(after.notified.remindersSent).toBe(1);
  });
});
