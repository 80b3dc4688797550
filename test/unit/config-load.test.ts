import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../shared/config/environment.ts';
import { loadConfig } from '../../shared/config/load-config.ts';
import { ConfigError } from '../../shared/errors.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sla-watch-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function refusal(promise: Promise<unknown>): Promise<readonly string[]> {
  const error = await promise.then(
    () => new Error('expected a ConfigError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).details;
}

describe('loading the configuration file', () => {
  it('reads YAML, with unquoted times and dates as text', async () => {
    const path = await file('ok.yml', 'sla:\n  business_hours:\n    start_time: 08:00\n    holidays: [2026-12-25]\n  definitions:\n    high: {resolution_time: 2h}\n');
    const { config, source } = await loadConfig({ path, env: {} });
    expect(source).toBe(path);
    expect(config.calendars['default']?.windows.mon).toEqual([{ start: '08:00', end: '17:00' }]);
    expect(config.calendars['default']?.holidays).toEqual(['2026-12-25']);
    expect(config.policies.high.resolutionSeconds).toBe(7200);
  });

  it('reads JSON, and the file named by SLA_WATCH_CONFIG when no path is given', async () => {
    const path = await file('ok.json', JSON.stringify({ sla: { monitoring: { check_interval: '2m' } } }));
    const { config, source } = await loadConfig({ env: { SLA_WATCH_CONFIG: path } });
    expect(source).toBe(path);
    expect(config.monitoring.checkIntervalSeconds).toBe(120);
  });

  it('applies every default for an empty file', async () => {
    const { config } = await loadConfig({ path: await file('empty.yml', '# nothing configured\n'), env: {} });
    expect(config.policies.low.resolutionSeconds).toBe(86_400);
  });

  it('refuses a file named explicitly that does not exist', async () => {
    const missing = join(dir, 'missing.yml');
    expect(await refusal(loadConfig({ path: missing, env: {} }))).toEqual([`${missing}: no such file`]);
    expect(await refusal(loadConfig({ env: { SLA_WATCH_CONFIG: missing } }))).toEqual([`${missing}: no such file`]);
  });

  it('names the line of a YAML syntax error and of a duplicate key', async () => {
    const broken = await file('broken.yml', 'sla:\n  monitoring:\n    check_interval: [60\n');
    expect((await refusal(loadConfig({ path: broken, env: {} })))[0]).toMatch(new RegExp(`^${broken} \\(line \\d\\): not valid YAML`));
    const duplicate = await file('duplicate.yml', 'sla:\n  monitoring: {}\n  monitoring: {}\n');
    expect((await refusal(loadConfig({ path: duplicate, env: {} })))[0]).toMatch(/\(line 3\): not valid YAML: Map keys must be unique/);
  });

  it('names the line of a JSON syntax error', async () => {
    const broken = await file('broken.json', '{\n  "sla": {\n    "monitoring": }\n}\n');
    expect((await refusal(loadConfig({ path: broken, env: {} })))[0]).toMatch(new RegExp(`^${broken} \\(line 3\\): not valid JSON`));
  });

  it('reports problems of the file with their paths', async () => {
    const path = await file('bad.yml', 'sla:\n  monitoring:\n    warning_threshold: 1\n');
    expect(await refusal(loadConfig({ path, env: {} }))).toEqual(['sla.monitoring.warning_threshold: expected a share strictly between 0 and 1, such as 0.8']);
  });
});

describe('the environment', () => {
  it('names the configuration file and the log level, falling back to info', () => {
    expect(readEnvironment({ SLA_WATCH_CONFIG: '/etc/sla.yml', LOG_LEVEL: 'DEBUG' })).toMatchObject({ configPath: '/etc/sla.yml', logLevel: 'debug' });
    expect(readEnvironment({ SLA_WATCH_CONFIG: '', LOG_LEVEL: 'loud' })).toMatchObject({ configPath: undefined, logLevel: 'info' });
  });
});
