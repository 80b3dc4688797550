/**
 * The memory benchmark's side of the server process (memory-server.ts): starting it, asking it
 * for its memory, and the requests the benchmark sends it (Alertmanager groups, reports).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ThreadHeap } from '../../infra/local/thread-memory.ts';
import { MEMORY_SECRET } from './memory-secret.ts';

const MB = 1024 * 1024;

/** The server's memory after a full GC of every thread, in MB. */
export interface MemorySample {
  readonly total: number;
  /** Without file-backed pages (LevelDB's mapped table files); NaN where unknown. */
  readonly anonymous: number;
  /** Each thread's V8 heap: committed (taken from the system) and used (live). */
  readonly threads: Readonly<Record<string, { committed: number; used: number }>>;
}

export interface MemoryServer {
  readonly url: string;
  sample(): Promise<MemorySample>;
  stop(): Promise<void>;
}

export async function startMemoryServer(dataDir: string): Promise<MemoryServer> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child: ChildProcess = fork(join(dirname(fileURLToPath(import.meta.url)), 'memory-server.ts'), [dataDir], {
    execArgv: ['--import', tsx, '--expose-gc'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`memory server exited (${code})`));
      const onMessage = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message[key] as T);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (key !== 'url') child.send(key);
    });
  const url = await ask<string>('url');
  return {
    url,
    sample: async () => {
      // Every thread collects its garbage first, so what remains is what it keeps.
      const threads = await ask<Record<string, ThreadHeap>>('threads');
      const rss = await ask<{ total: number; anonymous: number | null }>('rss');
      return {
        total: rss.total / MB,
        anonymous: rss.anonymous === null ? Number.NaN : rss.anonymous / MB,
        threads: Object.fromEntries(Object.entries(threads).map(([name, heap]) => [name, { committed: heap.committedBytes / MB, used: heap.usedBytes / MB }])),
      };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/** One Alertmanager group of `count` firing alerts, unique by `batch`. */
export function groupBody(batch: number, count: number): string {
  const startsAt = new Date().toISOString();
  const alerts = Array.from({ length: count }, (_, i) => ({
    status: 'firing',
    labels: { alertname: 'DiskFull', instance: `host-${batch}-${i}:9100`, job: 'node', severity: ['critical', 'error', 'warning', 'info'][i % 4] },
    annotations: { summary: `Disk almost full on host-${batch}-${i}`, description: 'The /var filesystem is above 95% on this host.', runbook_url: 'https://runbooks.example.com/disk' },
    startsAt,
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.example.com:9090/graph',
    fingerprint: `${batch.toString(16).padStart(4, '0')}${i.toString(16).padStart(12, '0')}`,
  }));
  return JSON.stringify({ version: '4', status: 'firing', receiver: 'sla-watch', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am', alerts });
}

export async function post(url: string, body: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${MEMORY_SECRET}`, 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`intake answered ${response.status}`);
}

/** Builds the daily report of `date` over HTTP; returns how many alerts it counted. */
export async function buildReport(url: string, date: string): Promise<number> {
  const response = await fetch(`${url}/reports/daily?date=${date}`, { headers: { authorization: `Bearer ${MEMORY_SECRET}` } });
  const report = (await response.json()) as { totals?: { opened: number } };
  if (response.status !== 200) throw new Error(`report answered ${response.status}`);
  if (report.totals === undefined) throw new Error('report without totals');
  return report.totals.opened;
}
