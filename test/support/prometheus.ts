/**
 * A real Prometheus (Debian's `prometheus`) on loopback with its own storage in a temporary
 * directory, started from a given configuration, queried through its HTTP API.
 */
import { join } from 'node:path';
import { startLoopbackDaemon } from './loopback-daemon.ts';

export interface QueryResult {
  readonly status: string;
  readonly error?: string;
  readonly data?: { readonly resultType: string; readonly result: readonly { metric: Record<string, string>; value: [number, string] }[] };
}

export interface RunningPrometheus {
  readonly url: string;
  /** An instant query through `/api/v1/query`. */
  query(promql: string): Promise<QueryResult>;
  /** `/api/v1/rules`: the rule groups loaded and each rule's health. */
  rules(): Promise<{ name: string; health: string; lastError?: string }[]>;
  stop(): Promise<void>;
}

export async function startPrometheus(binary: string, configYaml: string): Promise<RunningPrometheus> {
  const { url, stop } = await startLoopbackDaemon({
    name: 'Prometheus',
    binary,
    configFile: 'prometheus.yml',
    config: configYaml,
    args: (dir, port) => [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    readyTimeoutMs: 20_000,
  });
  return {
    url,
    query: async (promql) => (await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`)).json()) as QueryResult,
    rules: async () => {
      const body = (await (await fetch(`${url}/api/v1/rules`)).json()) as { data: { groups: { rules: { name: string; health: string; lastError?: string }[] }[] } };
      return body.data.groups.flatMap((group) => group.rules);
    },
    stop,
  };
}
