import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../shared/config/environment.ts';
import { ConfigError } from '../../shared/errors.ts';
import { PROJECT_ROOT } from '../../infra/aws/entries.ts';
import { defaultSesIdentity, readStackSettings } from '../../infra/aws/stack-settings.ts';
import { reportCronFields, sweepRateMinutes } from '../../infra/aws/scheduled-jobs.ts';
import { loadSynthConfig } from '../../infra/aws/synth-config.ts';
import { FIXTURE_CONFIG } from './synth-once.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sla-watch-synth-'));
  made.push(dir);
  const file = join(dir, 'sla-watch.yml');
  writeFileSync(file, text);
  return file;
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.details;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('context settings', () => {
  it('default to a synth that needs no context, with documented SES placeholders', () => {
    const settings = readStackSettings(new App().node);
    expect(settings).toEqual({
      stackName: 'sla-watch',
      configPath: undefined,
      sender: undefined,
      sesIdentity: undefined,
      sesConfigurationSet: undefined,
      sesSandbox: false,
      logLevel: 'info',
    });
    expect(defaultSesIdentity('sla-watch@example.com')).toBe('example.com');
    expect(defaultSesIdentity('SLA Watch <alerts@Mail.Example.org>')).toBe('mail.example.org');
  });

  it('list every value that is not acceptable at once', () => {
    const app = new App({ context: { stackName: '9lives', sender: 'not an address', sesIdentity: 'no spaces.com x', logLevel: 'loud', sesSandbox: 'yes' } });
    expect(problemsOf(() => readStackSettings(app.node))).toEqual([
      'context stackName: expected a letter, then up to 39 letters, digits and -, got "9lives"',
      'context sender: expected an email address (or Name <address>), got "not an address"',
      'context sesIdentity: expected a domain or an email address, got "no spaces.com x"',
      'context sesSandbox: expected true or false, got "yes"',
      'context logLevel: expected debug | info | warn | error, got "loud"',
    ]);
  });
});

describe('the configuration file at synth time', () => {
  it('is checked with its secrets named by variable, and tells which keys the secret must hold', async () => {
    const synth = await loadSynthConfig(FIXTURE_CONFIG);
    expect(synth.secretNames).toEqual(['AM_WEBHOOK_SECRET', 'OPS_BOT_KEY', 'PD_ROUTING_KEY']);
    expect(synth.inlineSecretPaths).toEqual([]);
    expect(synth.config.monitoring.checkIntervalSeconds).toBe(300);
    expect(synth.config.reporting).toMatchObject({ time: '07:30', timezone: 'Europe/Berlin' });
    // What is embedded is the file's content, names and all, and nothing the synth made up.
    const embedded = JSON.parse(synth.json) as { integrations: unknown[] };
    expect(embedded.integrations[0]).toEqual({ id: 'prod-am', format: 'alertmanager', secret_env: 'AM_WEBHOOK_SECRET' });
    expect(synth.json).not.toContain('synthPlaceholder');
  });

  it('points out secrets written into the file, which would be embedded in the bundles', async () => {
    const file = configFile('integrations:\n  - {id: am, format: alertmanager, secrets: ["0123456789abcdef0123"]}\nnotifications:\n  slack_webhook_url: https://hooks.slack.com/services/T/B/x\n');
    expect((await loadSynthConfig(file)).inlineSecretPaths).toEqual(['integrations[0].secrets', 'notifications.slack_webhook_url']);
  });

  it('keeps Slack webhooks named by variable out of the bundles and in the secret', async () => {
    const file = configFile('notifications:\n  slack_webhook_url_env: SLACK_DEFAULT\n  slack_webhook_urls_env: {critical: SLACK_CRITICAL}\n');
    const synth = await loadSynthConfig(file);
    expect(synth.secretNames).toEqual(['SLACK_CRITICAL', 'SLACK_DEFAULT']);
    expect(synth.inlineSecretPaths).toEqual([]);
    expect(synth.json).not.toContain('hooks.slack.com');
  });

  it('fails with every problem of a file that is not valid', async () => {
    const file = configFile('sla:\n  monitoring:\n    check_interval: soon\n  reporting:\n    timezone: Mars/Olympus\nintegrations:\n  - {id: am, format: carrier-pigeon, secret_env: AM}\n');
    const error = await loadSynthConfig(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const details = (error as ConfigError).details.join('\n');
    expect(details).toContain('sla.monitoring.check_interval');
    expect(details).toContain('sla.reporting.timezone');
    expect(details).toContain('integrations[0].format');
  });

  it('turns the sweeper interval into whole minutes, at least one, and the report time into cron fields', () => {
    expect([30, 60, 61, 300, 3600].map(sweepRateMinutes)).toEqual([1, 1, 2, 5, 60]);
    expect(reportCronFields('07:30')).toEqual({ hour: '7', minute: '30' });
    expect(reportCronFields('00:05')).toEqual({ hour: '0', minute: '5' });
  });

  it('stops `cdk synth` with the list of problems and a failing exit status', async () => {
    const file = configFile('sla:\n  reporting:\n    time: "25:00"\n');
    const outdir = mkdtempSync(join(tmpdir(), 'sla-watch-cdk-out-'));
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/aws/app.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...readEnvironment().variables, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify({ config: file }) },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    rmSync(outdir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sla-watch: cannot synthesize: invalid configuration:');
    expect(result.stderr).toContain('sla.reporting.time');
  });
});
