/**
 * A real Prometheus Alertmanager (Debian's `prometheus-alertmanager`) on loopback, with its own
 * storage, no clustering, and one webhook receiver pointed at sla-watch with bearer auth.
 */
import { join } from 'node:path';
import { startLoopbackDaemon } from './loopback-daemon.ts';

export interface RunningAlertmanager {
  readonly url: string;
  /** Posts alerts to Alertmanager's API (`POST /api/v2/alerts`). */
  postAlerts(alerts: readonly Record<string, unknown>[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startAlertmanager(binary: string, receiver: { url: string; bearer: string }): Promise<RunningAlertmanager> {
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
  const { url, stop } = await startLoopbackDaemon({
    name: 'Alertmanager',
    binary,
    configFile: 'am.yml',
    config,
    args: (dir, port) => [
      `--config.file=${join(dir, 'am.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    readyTimeoutMs: 15_000,
  });
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
