/**
 * A Prometheus-family daemon (Prometheus, Alertmanager) run for a test: its configuration
 * written into a temporary directory it also keeps its storage in, listening on a free
 * loopback port, ready once `/-/ready` answers. Stopping it ends the process and removes the
 * directory; a daemon that fails to become ready is stopped and its stderr reported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './test-stack.ts';
import { waitFor } from './wait-for.ts';

export interface LoopbackDaemonOptions {
  /** For messages: `Prometheus`, `Alertmanager`. */
  readonly name: string;
  readonly binary: string;
  readonly configFile: string;
  readonly config: string;
  /** The daemon's arguments, given its temporary directory and port. */
  args(dir: string, port: number): string[];
  readonly readyTimeoutMs: number;
}

export interface LoopbackDaemon {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startLoopbackDaemon(options: LoopbackDaemonOptions): Promise<LoopbackDaemon> {
  const dir = await mkdtemp(join(tmpdir(), `sla-watch-${options.name.toLowerCase()}-`));
  const port = await freePort();
  await writeFile(join(dir, options.configFile), options.config);
  const child: ChildProcess = spawn(options.binary, options.args(dir, port), { stdio: ['ignore', 'ignore', 'pipe'] });
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
    await waitFor(
      `${options.name} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${options.name.toLowerCase()} exited: ${stderr}`);
        const response = await fetch(`${url}/-/ready`);
        return response.ok ? true : undefined;
      },
      options.readyTimeoutMs,
      100,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
