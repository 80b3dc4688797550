/**
 * A real Prometheus scrapes the local stack exactly as `npm start` runs it, with the scrape
 * config `npm start` prints (only the interval shortened to 1 s to keep the test fast), and
 * PromQL through Prometheus's HTTP API sees the open alert a webhook just created. The same
 * Prometheus loads the shipped alerting rules and evaluates them without error, and runs every
 * query of the shipped Grafana dashboard.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryOrSkip } from '../support/binaries.ts';
import { dashboard } from '../support/dashboard.ts';
import { startPrometheus, type RunningPrometheus } from '../support/prometheus.ts';
import { freePort } from '../support/test-stack.ts';
import { waitFor } from '../support/wait-for.ts';

const binary = binaryOrSkip(['prometheus'], 'apt-get install prometheus');
const root = fileURLToPath(new URL('../../', import.meta.url));
const rulesFile = join(root, 'contrib/prometheus/sla-watch-rules.yml');

interface StartedCli {
  readonly url: string;
  readonly banner: string;
  stop(): Promise<void>;
}

/** `sla-watch start` in its own process, as `npm start` runs it; resolves once the banner is printed. */
async function startCli(dataDir: string): Promise<StartedCli> {
  const [port, sesPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['infra/cli/main.ts', 'start', '--port', String(port), '--ses-port', String(sesPort), '--data-dir', dataDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitFor('sla-watch to print its banner', async () => {
      if (child.exitCode !== null) throw new Error(`sla-watch exited: ${out}`);
      return out.includes('Press Ctrl-C to stop.') ? true : undefined;
    }, 45_000, 100);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, banner: out, stop };
}

/** The YAML block printed under "Prometheus scrape config", without its two-space indent. */
function printedScrapeConfig(banner: string): string {
  const lines = banner.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Prometheus scrape config'));
  expect(start).toBeGreaterThan(-1);
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    block.push(line.slice(2));
  }
  return block.join('\n');
}

describe.runIf(binary)('Prometheus scrapes sla-watch, end to end', () => {
  let dataDir: string;
  let cli: StartedCli | undefined;
  let prometheus: RunningPrometheus | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-e2e-prom-'));
    cli = await startCli(dataDir);
  });

  afterAll(async () => {
    await prometheus?.stop();
    await cli?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts the alert a webhook just created, through PromQL', async () => {
    const started = cli as StartedCli;
    const scrape = printedScrapeConfig(started.banner);
    expect(scrape).toContain('credentials_file:');
    // The printed config holds no secret: the token stays in its file.
    const secrets = JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')) as { metricsToken: string; integrations: Record<string, string> };
    expect(started.banner).not.toContain(secrets.metricsToken);

    const genericSecret = secrets.integrations['generic'];
    const posted = await fetch(`${started.url}/webhooks/generic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${genericSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'disk-full-db1', title: 'Disk full on db-1', severity: 'critical' }),
    });
    expect(posted.status).toBe(200);

    const config = `${scrape.replace(/scrape_interval: \d+s/, 'scrape_interval: 1s')}\nrule_files:\n  - ${JSON.stringify(rulesFile)}\n`;
    prometheus = await startPrometheus(binary as string, `global:\n  evaluation_interval: 1s\n${config}`);
    const running = prometheus;

    const up = await waitFor('the first scrape', async () => {
      const result = await running.query('up{job="sla-watch"}');
      return result.data?.result[0]?.value[1];
    }, 20_000, 250);
    expect(up).toBe('1');
    const open = await running.query('sum by (priority) (sla_watch_alerts_open{status="open"})');
    expect(open.status).toBe('success');
    expect(open.data?.result.find((r) => r.metric['priority'] === 'critical')?.value[1]).toBe('1');
    expect(open.data?.result.filter((r) => r.value[1] !== '0').length).toBe(1);
    const today = await running.query('sla_watch_alerts_opened_today{priority="critical"}');
    expect(today.data?.result[0]?.value[1]).toBe('1');

    // The shipped rules load and evaluate; every dashboard query is valid PromQL here.
    const rules = await waitFor('the rules to be evaluated', async () => {
      const loaded = await running.rules();
      return loaded.length === 5 && loaded.every((rule) => rule.health !== 'unknown') ? loaded : undefined;
    }, 20_000, 250);
    expect(rules.filter((rule) => rule.health !== 'ok')).toEqual([]);
    for (const panel of dashboard().panels) {
      for (const target of panel.targets) {
        const result = await running.query(target.expr);
        expect(result.status, `${panel.title}: ${result.error ?? ''}`).toBe('success');
      }
    }
  });
});
