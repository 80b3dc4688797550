/**
 * The local stack as `npm start` runs it (LevelDB on disk, SES emulator, report thread), in a
 * child process of the memory benchmark so that its resident memory is measured alone. It
 * reports its URL over IPC and answers `rss` (whole process), `heap` (the main thread's live
 * heap after a full GC), `threads` (every thread's heap, thread-memory.ts) and `stop`.
 *
 * Critical alerts get a day to be acknowledged (business-hours priorities wait for business
 * time anyway), so no timer fires during a run: what is measured is intake and reports, not a
 * timer burst arriving in one phase and not another (bench/timer-burst.bench.ts measures those).
 *
 * Run by bench/memory.bench.ts: tsx bench/memory/memory-server.ts DATA_DIR
 */
import { readFileSync } from 'node:fs';
import { JsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';
import { startLocalStack } from '../../infra/local/local-stack.ts';
import { threadHeaps } from '../../infra/local/thread-memory.ts';
import { MEMORY_SECRET } from './memory-secret.ts';

const dataDir = process.argv[2];
if (dataDir === undefined || process.send === undefined) throw new Error('run by bench/memory.bench.ts with a data directory and IPC');
const send = process.send.bind(process);

const config = parseConfig(
  {
    integrations: [
      { id: 'am', format: 'alertmanager', secrets: [MEMORY_SECRET] },
      { id: 'generic', format: 'generic', secrets: [MEMORY_SECRET] },
    ],
    api_keys: [{ name: 'bench', key: MEMORY_SECRET }],
    notifications: { from: 'sla-watch@example.test', recipients: { critical: ['oncall@example.test'], high: ['oncall@example.test'], medium: ['oncall@example.test'], low: ['oncall@example.test'] } },
    response_tracking: { timeouts: { acknowledgment: { critical: '1d' } } },
    sla: {
      definitions: { critical: { acknowledgment_time: '1d', resolution_time: '2d' } },
      // Sent only when asked: the daily schedule would not fire during a run anyway.
      reporting: { enabled: false, recipients: ['reports@example.test'] },
    },
  },
  {},
);
// Errors only: a 1,000-event request logs three lines per alert at info.
const logger = new JsonLogger({ minLevel: 'error', write: (line) => void process.stderr.write(line) });
const stack = await startLocalStack({ config, linkSecret: 'memory-bench-link-secret-0123456789', logger, dataDir, port: 0, sesPort: 0 });

/**
 * The part of RSS that is the process's own memory (Linux `RssAnon`), in bytes; null elsewhere.
 * The rest is mostly LevelDB's table files, which it maps into memory to read them: those
 * pages are file-backed, counted in RSS while cached, and given back whenever memory is short.
 */
function anonymousRss(): number | null {
  try {
    const match = /^RssAnon:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match === null ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}

// Gone with the benchmark, even if it was killed.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: string) => {
  if (message === 'rss') send({ rss: { total: process.memoryUsage().rss, anonymous: anonymousRss() } });
  if (message === 'heap') {
    // The main thread's live JS heap after a full collection (the benchmark passes --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    send({ heap: process.memoryUsage().heapUsed });
  }
  if (message === 'threads') void threadHeaps().then((heaps) => send({ threads: heaps }));
  if (message === 'stop') void stack.stop().then(() => process.exit(0));
});
send({ url: stack.url });
