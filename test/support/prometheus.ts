/**
 * A real Prometheus (Debian's `prometheus`) on loopback with its own storage in a temporary
 * directory, started from a given configuration, queried through its HTTP API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './test-stack.ts';
import { waitFor } from './wait-for.ts';

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
  const dir = await mkdtemp(join(tmpdir(), 'sla-watch-prom-'));
  const port = await freePort();
  await writeFile(join(dir, 'prometheus.yml'), configYaml);
  const child: ChildProcess = spawn(
    binary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
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
    await waitFor('Prometheus to be ready', async () => {
      if (child.exitCode !== null) throw new Error(`prometheus exited: ${stderr}`);
      const response = await fetch(`${url}/-/ready`);
      return response.ok ? true : undefined;
    }, 20_000, 100);
  } catch (error) {
    await stop();
    throw error;
  }
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
