/**
 * `sla-watch start` killed with SIGKILL right after it stored claims, before its sender made
 * them: after a restart on the same data every claimed delivery is made, and none twice. The
 * stack runs as its own process (as `npm start` does), sending through `--ses-endpoint` to a
 * fake SES in this test, which counts what it accepted. The fake holds its answers until the
 * process is dead, so the kill falls before any send was accepted (a kill between SES
 * accepting and the mark being written is the one duplicate the guarantee allows).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSes, type FakeSes } from '../support/fake-providers.ts';
import { freePort } from '../support/test-stack.ts';
import { waitFor } from '../support/wait-for.ts';

const SECRET = 'crashTestSecret0123456789abcdefgh';
const RECIPIENTS = ['ana@example.test', 'bo@example.test', 'cy@example.test'];
const ALERTS = 4;
const MAIN = fileURLToPath(new URL('../../infra/cli/main.ts', import.meta.url));

describe('a crash between the claims and the sends', () => {
  let dataDir: string;
  let ses: FakeSes;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-crash-'));
    ses = await startFakeSes({ perSecond: 100, held: true });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await ses.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(port: number, configPath: string): Promise<ChildProcess> {
    const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, 'start', '--port', String(port), '--data-dir', dataDir, '--config', configPath, '--ses-endpoint', ses.endpoint], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    await waitFor('the stack to answer', async () => ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok ? true : undefined), 60_000, 200);
    return proc;
  }

  it('makes every claimed delivery after a restart, none twice', async () => {
    const port = await freePort();
    const configPath = join(dataDir, 'sla-watch.yml');
    await writeFile(
      configPath,
      JSON.stringify({
        integrations: [{ id: 'generic', format: 'generic', secrets: [SECRET] }],
        // Slow enough that the sender is still at its first emails when the process dies.
        notifications: { recipients: { critical: RECIPIENTS }, escalation: { critical: [] }, rates: { email: 1 } },
        links: { base_url: `http://127.0.0.1:${port}` },
        sla: { reporting: { enabled: false } },
      }),
    );
    child = await start(port, configPath);
    const posted = await fetch(`http://127.0.0.1:${port}/webhooks/generic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: ALERTS }, (_, i) => ({ id: `crash-${i}`, title: `Crash test alert ${i}`, severity: 'critical' }))),
    });
    expect(posted.status).toBe(200);
    // The claims are stored when the webhook answers: kill it now, before the sender is done.
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    // Sends the dead process had begun are dropped once the server sees their sockets close.
    await new Promise((resolve) => setTimeout(resolve, 500));
    ses.release();
    expect(ses.accepted).toEqual([]);

    child = await start(port, configPath);
    const expected = ALERTS * RECIPIENTS.length;
    // A delivery leased by the killed process waits for its lease to run out (at most a minute).
    await waitFor('every claimed delivery', async () => (new Set(ses.accepted.map((a) => `${a.to} ${a.subject}`)).size >= expected ? true : undefined), 100_000, 250);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const counts = new Map<string, number>();
    for (const a of ses.accepted) counts.set(`${a.to} ${a.subject}`, (counts.get(`${a.to} ${a.subject}`) ?? 0) + 1);
    expect(counts.size).toBe(expected);
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    for (const recipient of RECIPIENTS) expect(ses.to(recipient)).toHaveLength(ALERTS);
  }, 180_000);
});
