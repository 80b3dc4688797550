import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localReportWiring, makeReportCommand, type ReportCommandWiring } from '../../infra/cli/commands/report.ts';
import { runCli } from '../../infra/cli/run-cli.ts';
import type { EmailMessage } from '../../shared/ports/mailer.ts';
import { testConfig } from '../support/config-fixtures.ts';
import { InMemoryAlertStore } from '../support/in-memory-alert-store.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { REPORT_NOW, reportDayAlerts } from '../support/report-fixtures.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function fakeWiring(options: { running?: boolean; recipients?: string[] } = {}) {
  const store = new InMemoryAlertStore();
  for (const alert of reportDayAlerts()) await store.create(alert);
  const sent: { sesUrl: string; message: EmailMessage }[] = [];
  let storeClosed = false;
  const wiring: ReportCommandWiring = {
    findRunningStack: async () => (options.running === true ? { url: 'http://127.0.0.1:9999', sesUrl: 'http://127.0.0.1:9005' } : null),
    loadConfig: async () => testConfig({ sla: { reporting: { recipients: options.recipients ?? ['reports@example.test'] } } }),
    openStore: async () => ({ store, close: async () => void (storeClosed = true) }),
    openMailer: (sesUrl) => ({
      mailer: { send: async (message) => (sent.push({ sesUrl, message }), { messageId: 'local-1' }) },
      close: () => {},
    }),
    clock: new ManualClock(REPORT_NOW),
  };
  return { wiring, sent, storeClosed: () => storeClosed };
}

async function run(wiring: ReportCommandWiring, argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), env: {} };
  const command = makeReportCommand(wiring);
  const code = await runCli(['report', ...argv], io, [{ name: command.name, summary: command.summary, load: async () => command }]);
  return { code, out, err };
}

describe('sla-watch report', () => {
  it('prints yesterday\'s report as text and closes the store', async () => {
    const fake = await fakeWiring();
    const result = await run(fake.wiring, []);
    expect(result.code).toBe(0);
    expect(result.out).toContain('SLA report: Monday 30 November 2026');
    expect(result.out).toContain('Open now: 3, of which 2 breached and 1 at risk.');
    expect(fake.storeClosed()).toBe(true);
  });

  it('prints JSON with --json and the HTML page with --html', async () => {
    const fake = await fakeWiring();
    const json = await run(fake.wiring, ['--date', '2026-11-30', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ date: '2026-11-30', totals: { opened: 6 } });
    const html = await run(fake.wiring, ['--date', '2026-11-29', '--html']);
    expect(html.out).toMatch(/^<!DOCTYPE html>/);
    expect(html.out).toContain('SLA report: Sunday 29 November 2026');
  });

  it('mails it with --send through the running stack\'s SES', async () => {
    const fake = await fakeWiring({ running: true });
    const result = await run(fake.wiring, ['--date', '2026-11-30', '--send']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('sent the daily report for 2026-11-30 to 1 recipient(s), message id local-1');
    expect(fake.sent.map((s) => [s.sesUrl, s.message.to])).toEqual([['http://127.0.0.1:9005', ['reports@example.test']]]);
  });

  it('explains what --send needs when no stack runs and no --ses-url is given', async () => {
    const fake = await fakeWiring();
    const result = await run(fake.wiring, ['--send']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('--send needs an SES endpoint');
  });

  it('fails with exit code 1 when there is nobody to send to', async () => {
    const fake = await fakeWiring({ running: true, recipients: [] });
    const result = await run(fake.wiring, ['--send']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('sla.reporting.recipients is empty');
  });

  it.each([
    [['--date', '2026-02-30'], '--date: "2026-02-30" is not an existing YYYY-MM-DD, e.g. 2026-11-30'],
    [['--date', '2026-12-02'], '--date: 2026-12-02 is in the future (today is 2026-12-01 in UTC)'],
    [['--week', '2026-W60'], '--week: "2026-W60" is not an existing YYYY-Www (an ISO week), e.g. 2026-W49'],
    [['--month', '2027-01'], '--month: 2027-01 is in the future (today is 2026-12-01 in UTC)'],
    [['--week', '2026-W48', '--month', '2026-11'], 'choose one of --date, --week and --month'],
    [['--json', '--html'], 'choose one of --json, --html, --csv and --send'],
    [['--colour'], "Unknown option '--colour'"],
  ])('refuses %j with a usage message', async (argv, message) => {
    const fake = await fakeWiring();
    const result = await run(fake.wiring, argv);
    expect(result.code).toBe(1);
    expect(result.err).toContain(message);
    expect(result.err).toContain('usage: sla-watch report');
  });

  it('reads the data directory of a stopped local stack', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-report-'));
    try {
      const result = await run(localReportWiring, ['--data-dir', dataDir, '--date', '2026-11-30', '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toMatchObject({ date: '2026-11-30', totals: { opened: 0, breaches: 0 } });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
