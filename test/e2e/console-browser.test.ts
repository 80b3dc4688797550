/**
 * The web console in a real browser, against `sla-watch start` run as a user runs it: sign in
 * with the one-time link it prints, watch an alert posted to a webhook appear on the board
 * and its countdown move, open it, see its SLA timeline, acknowledge it as the signed-in
 * person; move from the board to last week's and last month's reports and page through them;
 * open a view link from the mail viewer without a session, and the report email's own links
 * (sent by `sla-watch report --send`) the same way; see clear pages for a bad report period,
 * a tampered or expired link, a form without its CSRF token and a form another site posts;
 * and axe-core finds no serious or critical violation on any page, in light and dark mode.
 *
 * With SLA_WATCH_SCREENSHOTS=DIR it also saves the README's screenshots there.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signViewToken } from '../../shared/domain/links/view-token.ts';
import { seriousViolations } from '../support/axe.ts';
import { binaryOrSkip } from '../support/binaries.ts';
import { launchChromium } from '../support/chromium.ts';
import { readMailbox } from '../support/ses-emulator.ts';
import { freePort } from '../support/test-stack.ts';
import { waitFor } from '../support/wait-for.ts';

const executable = binaryOrSkip(['chromium', 'chromium-browser'], 'apt-get install chromium');
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = process.env['SLA_WATCH_SCREENSHOTS'];

interface Started {
  log(): string;
  process: ChildProcess;
  url: string;
  sesUrl: string;
  signInUrl: string;
  secrets: { integrations: Record<string, string>; apiKey: string; linkSecret: string };
}

async function startCli(dir: string): Promise<Started> {
  const port = await freePort();
  const sesPort = await freePort();
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'infra/cli/main.ts'), 'start', '--port', String(port), '--ses-port', String(sesPort), '--data-dir', join(dir, 'data')], {
    cwd: dir,
    env: { ...process.env, SLA_WATCH_CONFIG: '', SLA_WATCH_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const signInUrl = await waitFor('the console line of the start banner', async () => /console:\s+(\S+\/sign-in\/\S+)\n/.exec(out)?.[1], 30_000, 100);
  const secrets = JSON.parse(await readFile(join(dir, 'data', 'secrets.json'), 'utf8')) as Started['secrets'];
  return { log: () => out, process: child, url: `http://127.0.0.1:${port}`, sesUrl: `http://127.0.0.1:${sesPort}`, signInUrl, secrets };
}

/** `2026-W49`: the ISO week holding `date` (UTC, the default reporting zone). */
function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const week = Math.ceil(((day.getTime() - Date.UTC(day.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** A page served from another site (`localhost`, where the stack is `127.0.0.1`). */
async function otherSite(body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><html lang="en"><title>Prizes</title><body>${body}</body></html>`));
  await new Promise<void>((done) => server.listen(0, 'localhost', done));
  const { port } = server.address() as { port: number };
  return { url: `http://localhost:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

describe.runIf(executable)('the web console in Chromium', () => {
  let dir: string;
  let stack: Started;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-watch-console-'));
    [stack, chromium] = await Promise.all([startCli(dir), launchChromium(executable as string)]);
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    if (stack?.process.exitCode === null) {
      const exited = new Promise((done) => stack.process.once('exit', done));
      stack.process.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('signs in with the printed link, shows a new alert live, and acknowledges it as the signed-in person', async () => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    const problems: string[] = [];
    const check = async (what: string) => problems.push(...(await seriousViolations(page)).map((v) => `${what}: ${v}`));

    await page.goto(stack.signInUrl);
    await check('one-time sign-in page');
    await page.fill('#name', 'Dana Ops');
    await Promise.all([page.waitForURL(`${stack.url}/`), page.click('button[type=submit]')]);
    expect(await page.textContent('header.top')).toContain('Dana Ops');

    const posted = Date.now();
    const response = await fetch(`${stack.url}/webhooks/generic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.secrets.integrations['generic']}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'checkout-5xx', title: 'Checkout 5xx above 5%', severity: 'critical', labels: { team: 'payments' } }),
    });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { alertId: string }[] };
    const alertId = results[0]?.alertId as string;
    const row = page.locator(`tr[data-alert-id="${alertId}"]`);
    await row.waitFor({ timeout: 2000 });
    expect(Date.now() - posted, 'the alert reached the open board within 2 s').toBeLessThan(2000);

    const countdown = row.locator('[data-remaining-ms]').first();
    const before = await countdown.textContent();
    expect(before).toMatch(/^\d+ m \d{2} s left$/);
    await expect.poll(() => countdown.textContent(), { timeout: 3000 }).not.toBe(before);
    await check('board');
    if (SHOTS) {
      // A fuller board for the README: a few more alerts of other priorities and sources.
      for (const [id, title, severity] of [
        ['db-disk', 'Disk 91% full on db-1', 'warning'],
        ['api-latency', 'API p99 latency above 2 s', 'error'],
        ['cert', 'TLS certificate expires in 10 days', 'info'],
      ] as const) {
        await fetch(`${stack.url}/webhooks/generic`, {
          method: 'POST',
          headers: { authorization: `Bearer ${stack.secrets.integrations['generic']}`, 'content-type': 'application/json' },
          body: JSON.stringify({ id, title, severity, labels: { team: 'platform' } }),
        });
      }
      await page.reload();
      await page.screenshot({ path: join(SHOTS, 'board.png'), fullPage: true });
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await check('board (dark)');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'board-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    await Promise.all([page.waitForURL(`**/alerts/${alertId}`), row.locator('td.title a').click()]);
    expect(await page.locator('figure.timeline svg').count()).toBe(1);
    expect(await page.locator('figure.timeline svg line.m-deadline').count()).toBe(2);
    await check('alert page');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'alert.png'), fullPage: true });

    // A form sent without its CSRF token, with the session cookie a browser would send.
    const cookie = (await chromium.context.cookies(stack.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const forged = await fetch(`${stack.url}/alerts/${alertId}/respond`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: 'action=acknowledge',
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);

    await Promise.all([page.waitForURL('**?done=acknowledge'), page.click('#do-acknowledge')]);
    expect(await page.textContent('#result')).toContain('Acknowledged as Dana Ops.');
    const stored = (await (await fetch(`${stack.url}/alerts/${alertId}`, { headers: { authorization: `Bearer ${stack.secrets.apiKey}` } })).json()) as {
      acknowledgedBy: string;
      responses: { type: string; by: string; via: string }[];
    };
    expect(stored.acknowledgedBy).toBe('Dana Ops');
    expect(stored.responses).toMatchObject([{ type: 'acknowledgment', by: 'Dana Ops', via: 'console' }]);

    await page.goto(`${stack.url}/integrations`);
    expect(await page.locator('#integration-generic .accepted').textContent()).toBe(SHOTS ? '4' : '1');
    await check('integrations');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'integrations.png'), fullPage: true });
    await page.goto(`${stack.url}/explain?priority=high&arrival=2026-12-04T16:30&calendar=policy`);
    expect(await page.locator('figure.timeline svg rect.win').count()).toBeGreaterThan(0);
    await check('what-if');
    await page.goto(`${stack.url}/reports/daily/latest`);
    await check('report');

    // From the board to last week's report, back a week, over to the month holding it.
    await page.goto(`${stack.url}/`);
    await Promise.all([page.waitForURL('**/reports/weekly/latest'), page.click('nav.reports >> text=Last week')]);
    const week = (await page.textContent('h1')) as string;
    expect(week).toMatch(/^Weekly report \d{4}-W\d{2}$/);
    await check('weekly report');
    await Promise.all([page.waitForURL(/\/reports\/weekly\/\d{4}-W\d{2}$/), page.click('a[rel=prev]')]);
    expect(await page.textContent('h1')).not.toBe(week);
    expect(await page.locator('a[rel=next]').count()).toBe(1);
    await Promise.all([page.waitForURL(/\/reports\/monthly\/\d{4}-\d{2}$/), page.click('nav.tabs >> text=Month')]);
    expect(await page.textContent('h1')).toMatch(/^Monthly report \d{4}-\d{2}$/);
    expect(await page.locator('nav.tabs a[aria-current=page]').textContent()).toBe('Month');
    await page.goto(`${stack.url}/reports/monthly/latest`);
    await check('monthly report');
    if (SHOTS) {
      // This week and month, which hold the alerts posted above.
      const now = new Date();
      for (const [path, file] of [[`weekly/${isoWeekOf(now)}`, 'console-report-weekly.png'], [`monthly/${now.toISOString().slice(0, 7)}`, 'console-report-monthly.png']] as const) {
        await page.goto(`${stack.url}/reports/${path}`);
        await page.screenshot({ path: join(SHOTS, file), fullPage: true });
      }
    }
    const badPeriod = await page.goto(`${stack.url}/reports/weekly/2025-W53`);
    expect(badPeriod?.status()).toBe(400);
    expect(await page.textContent('h1')).toBe('No such report period');
    await check('bad report period');

    // A page on another site posting a form to sla-watch: the browser says where it came from.
    const evil = await otherSite(`<form method="post" action="${stack.url}/alerts/${alertId}/respond"><input type="hidden" name="action" value="resolve"><button id="go">Win a prize</button></form>`);
    try {
      await page.goto(evil.url);
      const [refusal] = await Promise.all([page.waitForNavigation(), page.click('#go')]);
      expect(refusal?.status()).toBe(403);
      expect(await page.textContent('h1')).toBe('This form was not sent from a page of sla-watch');
      await check('form refused');
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'form-refused.png'), fullPage: true });
    } finally {
      await evil.close();
    }
    const stillOpen = (await (await fetch(`${stack.url}/alerts/${alertId}`, { headers: { authorization: `Bearer ${stack.secrets.apiKey}` } })).json()) as { status: string };
    expect(stillOpen.status).toBe('acknowledged');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.url}/`);
    await check('board on a phone');

    // View links from the mail viewer open the alert page with no session at all.
    await chromium.context.clearCookies();
    const mail = await waitFor('the new-alert email with a view link', async () =>
      (await readMailbox(stack.sesUrl)).find((m) => m.subject.includes('Checkout 5xx above 5%') && (m.body.html ?? '').includes('/view/')),
    );
    const viewLink = /href="([^"]*\/view\/[^"]+)"/.exec(mail.body.html ?? '')?.[1] as string;
    const viewed = await page.goto(viewLink);
    expect(viewed?.status()).toBe(200);
    expect(await page.textContent('h1')).toContain('Checkout 5xx above 5%');
    expect(await page.locator('form[action$="/respond"]').count()).toBe(0);
    await check('view link page');

    const tampered = await page.goto(`${viewLink.slice(0, -3)}abc`);
    expect(tampered?.status()).toBe(400);
    expect(await page.textContent('h1')).toBe('This link is not valid');
    await check('invalid link page');
    const expiredToken = signViewToken({ subject: { kind: 'alert', alertId }, recipient: 'oncall@example.com', expiresAt: Date.now() - 1000 }, stack.secrets.linkSecret);
    const expired = await page.goto(`${stack.url}/view/${expiredToken}`);
    expect(expired?.status()).toBe(410);
    expect(await page.textContent('h1')).toBe('This link has expired');

    // The week's report mailed by the command line: its links open with no session either.
    await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'infra/cli/main.ts'), 'report', '--send', '--week', isoWeekOf(new Date()), '--data-dir', join(dir, 'data')], {
      cwd: dir,
      env: { ...process.env, SLA_WATCH_CONFIG: '' },
    });
    const reportMail = await waitFor('the weekly report email', async () => (await readMailbox(stack.sesUrl)).find((m) => m.subject.startsWith('SLA report week')));
    const reportLinks = [...(reportMail.body.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));
    const pageLink = reportLinks.find((href) => href.includes('/reports/view/')) as string;
    expect(reportLinks.filter((href) => href.includes('/alerts/'))).toEqual([]);
    expect((await page.goto(pageLink))?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe(`Weekly report ${isoWeekOf(new Date())}`);
    expect(await page.textContent('main')).toContain('Shown to manager@example.com by a view link');
    await check('report by view link');
    const alertLinkInReport = reportLinks.find((href) => /\/view\//.test(href) && !href.includes('/reports/')) as string;
    expect((await page.goto(alertLinkInReport))?.status()).toBe(200);
    expect(await page.textContent('h1')).toContain('Checkout 5xx above 5%');

    await page.goto(`${stack.url}/sign-in`);
    await check('sign-in page');
    expect(problems).toEqual([]);
  }, 180_000);
});
