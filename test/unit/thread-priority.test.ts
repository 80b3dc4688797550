/**
 * The report thread runs at a low CPU priority (nice 10) so that intake keeps the CPU while a
 * report builds (infra/local/thread-priority.ts): the thread that asks is lowered, and the
 * process's other threads (intake's among them) keep theirs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/** The calling thread's nice value (field 19 of its stat; the name in field 2 has no spaces here). */
const NICE_SOURCE = `Number(require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ')[16])`;
const ownNice = () => Number(readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ')[16]);

describe.runIf(process.platform === 'linux')('lowerThreadPriority', () => {
  it('lowers the calling worker thread to nice 10 and leaves the main thread as it was', async () => {
    const before = ownNice();
    const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const module = new URL('../../infra/local/thread-priority.ts', import.meta.url).href;
    const source = `const { parentPort } = require('node:worker_threads');
import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(module)}); })
  .then(({ lowerThreadPriority }) => { const lowered = lowerThreadPriority(); parentPort.postMessage({ lowered, nice: ${NICE_SOURCE} }); });`;
    const answer = await new Promise<{ lowered: boolean; nice: number }>((resolve, reject) => {
      const worker = new Worker(source, { eval: true });
      worker.once('message', (message: { lowered: boolean; nice: number }) => {
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
    expect(answer).toEqual({ lowered: true, nice: 10 });
    expect(ownNice()).toBe(before);
  });
});
