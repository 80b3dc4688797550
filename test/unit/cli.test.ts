import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../infra/cli/command.ts';
import { runCli } from '../../infra/cli/run-cli.ts';
import { TEST_SECRETS, testConfigFile } from '../support/config-fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let defaults: string;
let example: string;
let good: string;
let bad: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sla-watch-cli-'));
  defaults = join(dir, 'defaults.yml');
  await writeFile(defaults, '');
  example = join(dir, 'example.yml');
  await writeFile(
    example,
    [
      'sla:',
      '  business_hours: {timezone: UTC, start_time: "09:00", end_time: "17:00", weekdays: [0, 1, 2, 3, 4], holidays: ["2026-12-25"]}',
      '  calendars:',
      '    new-york:',
      '      timezone: America/New_York',
      '      windows: {mon: ["09:00-12:00", "13:00-17:00"], tue: ["09:00-17:00"], sat: ["10:00-24:00"]}',
      '      holidays: ["2026-11-26"]',
      '  definitions:',
      '    high: {acknowledgment_time: 30m, resolution_time: 4h, calendar: new-york, allowed_breaches: 1}',
    ].join('\n'),
  );
  good = join(dir, 'good.json');
  await writeFile(good, JSON.stringify(testConfigFile()));
  bad = join(dir, 'bad.yml');
  await writeFile(bad, 'sla:\n  monitoring: {warning_threshold: 1}\n  calendars:\n    office: {timezone: Mars/Base, windows: {mon: ["09:00-12:00", "11:00-13:00"]}}\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (text) => (stdout += `${text}\n`), err: (text) => (stderr += `${text}\n`), env: {} };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function spawnCli(cwd: string, ...argv: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'infra/cli/main.ts'), ...argv], { cwd, encoding: 'utf8', env: { ...process.env, SLA_WATCH_CONFIG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sla-watch as a process', () => {
  it('explains with the default policy when the working directory has no sla-watch.yml', () => {
    const { code, stdout } = spawnCli(dir, 'explain', '--priority', 'high', '--created', '2026-11-27T16:00:00Z', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      priority: 'high',
      calendar: 'default',
      createdAt: '2026-11-27T16:00:00.000Z',
      acknowledgment: { atRiskAt: '2026-11-27T16:24:00.000Z', deadline: '2026-11-27T16:30:00.000Z' },
      resolution: { atRiskAt: '2026-11-30T11:12:00.000Z', deadline: '2026-11-30T12:00:00.000Z' },
      reminders: ['2026-11-27T16:15:00.000Z', '2026-11-27T16:25:00.000Z', '2026-11-27T16:35:00.000Z'],
    });
  });

  it('exits 1 and lists every problem of a bad file', () => {
    const { code, stdout, stderr } = spawnCli(dir, 'check-config', bad);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('sla.monitoring.warning_threshold: expected a share strictly between 0 and 1');
    expect(stderr).toContain('sla.calendars.office.timezone: unknown time zone');
    expect(stderr).toContain('sla.calendars.office.windows.mon[1]: overlaps 09:00-12:00');
  });
});

describe('sla-watch explain', () => {
  it('gives a low alert created Friday 16:00 UTC until Wednesday 16:00 to resolve', async () => {
    const { code, stdout } = await cli('explain', '--priority', 'low', '--created', '2026-11-27T16:00:00Z', '--config', defaults, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ calendar: 'default', resolution: { deadline: '2026-12-02T16:00:00.000Z' } });
  });

  it('counts critical alerts around the clock and reads the offset of --created', async () => {
    const { stdout } = await cli('explain', '--priority', 'critical', '--created', '2026-11-27T17:00:00+01:00', '--config', defaults, '--json');
    expect(JSON.parse(stdout)).toMatchObject({ calendar: '24x7', createdAt: '2026-11-27T16:00:00.000Z', resolution: { deadline: '2026-11-27T17:00:00.000Z' } });
  });

  it('counts on a named calendar, skipping its holiday, and shows local times', async () => {
    const json = await cli('explain', '--priority', 'high', '--created', '2026-11-26T16:00:00Z', '--config', example, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ calendar: 'new-york', acknowledgment: { deadline: '2026-11-28T15:30:00.000Z' }, resolution: { deadline: '2026-11-28T19:00:00.000Z' } });
    const text = await cli('explain', '--priority', 'high', '--created', '2026-11-26T16:00:00Z', '--config', example);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('the clock starts 2026-11-28T15:00:00.000Z  (Sat 2026-11-28 10:00:00 EST)');
    expect(text.stdout).toMatch(/deadline\s+2026-11-28T19:00:00.000Z {2}Sat 2026-11-28 14:00:00 EST {2}after 4h of business time/);
  });

  it.each([
    [['--priority', 'urgent', '--created', '2026-11-27T16:00:00Z'], 'unknown priority "urgent" (expected one of: critical, high, medium, low)'],
    [['--priority', 'high', '--created', '2026-11-27T16:00:00'], '--created "2026-11-27T16:00:00" is not an ISO 8601 instant with an offset'],
    [['--priority', 'high', '--created', '2026-02-30T16:00:00Z'], '--created "2026-02-30T16:00:00Z" is not a valid instant'],
    [['--priority', 'high'], '--created is required'],
    [['--priority', 'high', '--created', '2026-11-27T16:00:00Z', '--verbose'], "Unknown option '--verbose'"],
  ])('refuses %j on stderr with exit code 1', async (args, message) => {
    const { code, stdout, stderr } = await cli('explain', ...args, '--config', defaults);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('refuses an invalid configuration with its problems', async () => {
    const { code, stderr } = await cli('explain', '--priority', 'high', '--created', '2026-11-27T16:00:00Z', '--config', bad);
    expect(code).toBe(1);
    expect(stderr).toContain('sla.monitoring.warning_threshold: expected a share strictly between 0 and 1');
  });
});

describe('sla-watch check-config', () => {
  it('summarizes a valid file without showing any secret', async () => {
    const { code, stdout } = await cli('check-config', '--config', good);
    expect(code).toBe(0);
    expect(stdout).toContain(`${good}: valid`);
    expect(stdout).toMatch(/default\s+UTC\s+mon-fri 09:00-17:00\s+0 holidays/);
    expect(stdout).toMatch(/high\s+30m\s+4h\s+business hours \(default\)\s+1\s+after 15m, every 10m, max 3\s+every 30m/);
    expect(stdout).toMatch(/critical\s+5m\s+1h\s+24x7\s+0/);
    expect(stdout).toMatch(/pd\s+pagerduty/);
    expect(stdout).toContain('Report: daily at 08:00 UTC to reports@example.test');
    for (const secret of Object.values(TEST_SECRETS)) expect(stdout).not.toContain(secret);
    expect(stdout).not.toContain('hooks.slack');
  });

  it('lists named calendars with their zone, windows and holidays', async () => {
    const { stdout } = await cli('check-config', example);
    expect(stdout).toMatch(/new-york\s+America\/New_York\s+mon 09:00-12:00, 13:00-17:00; tue 09:00-17:00; sat 10:00-24:00\s+1 holiday/);
    expect(stdout).toMatch(/high\s+30m\s+4h\s+business hours \(new-york\)/);
  });

  it('refuses a file that does not exist', async () => {
    const { code, stderr } = await cli('check-config', join(dir, 'nope.yml'));
    expect(code).toBe(1);
    expect(stderr).toContain('nope.yml: no such file');
  });
});

describe('sla-watch help', () => {
  it('lists the commands, and refuses an unknown one', async () => {
    const help = await cli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/check-config\s+validate a configuration file/);
    expect(help.stdout).toMatch(/explain\s+show the SLA timeline/);
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});
