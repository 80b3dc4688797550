/**
 * A real Prometheus Alertmanager (Debian's `prometheus-alertmanager`) on loopback, with its own
 * storage, no clustering, and one webhook receiver pointed at sla-watch with bearer auth.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './test-stack.ts';
import { waitFor } from './wait-for.ts';

export interface RunningAlertmanager {
  readonly url: string;
  /** Posts alerts to Alertmanager's API (`POST /api/v2/alerts`). */
  postAlerts(alerts: readonly Record<string, unknown>[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startAlertmanager(binary: string, receiver: { url: string; bearer: string }): Promise<RunningAlertmanager> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-watch-am-'));
  const port = await freePort();
  const config = [
    'route:',
    '  receiver: sla-watch',
    '  group_by: [alertname, instance]',
    '  group_wait: 0s',
    '  group_interval: 1s',
    '  repeat_interval: 1h',
    'receivers:',
    '  - name: sla-watch',
    '    webhook_configs:',
    `      - url: ${JSON.stringify(receiver.url)}`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials: ${JSON.stringify(receiver.bearer)}`,
    '',
  ].join('\n');
  await writeFile(join(dir, 'am.yml'), config);
  const child: ChildProcess = spawn(
    binary,
    [
      `--config.file=${join(dir, 'am.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('Alertmanager to be ready', async () => {
      if (child.exitCode !== null) throw new Error(`alertmanager exited: ${stderr}`);
      const response = await fetch(`${url}/-/ready`);
      return response.ok ? true : undefined;
    }, 15_000, 100);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    postAlerts: async (alerts) => {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!response.ok) throw new Error(`Alertmanager refused alerts: ${response.status} ${await response.text()}`);
    },
    stop,
  };
}
