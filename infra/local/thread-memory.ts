/**
 * What each JavaScript thread of the local stack holds. The stack is one process of several
 * threads (the HTTP app, dynalite, the SES emulator, the report thread), each with its own V8
 * heap, and the process's resident memory is their sum plus native memory: to tell which part
 * grows, each worker answers HEAP_QUESTION with its own heap statistics (after a full
 * collection when the process runs with --expose-gc, as the memory benchmark runs it).
 *
 * Workers register themselves here as they start and leave as they exit; nothing is kept
 * about a thread that is gone.
 */
import { getHeapStatistics } from 'node:v8';
import type { Worker } from 'node:worker_threads';

/** The message a worker answers with `{ [HEAP_ANSWER]: ThreadHeap }`. */
export const HEAP_QUESTION = 'sla-watch:heap-statistics';
export const HEAP_ANSWER = 'heapStatistics';

export interface ThreadHeap {
  /** Live objects (after a full collection when gc is exposed). */
  readonly usedBytes: number;
  /** What the heap has taken from the system for itself. */
  readonly committedBytes: number;
  /** Memory outside the heap that its objects hold (ArrayBuffers, Buffers). */
  readonly externalBytes: number;
}

const threads = new Map<Worker, string>();

export function trackThread(name: string, worker: Worker): void {
  threads.set(worker, name);
  worker.once('exit', () => threads.delete(worker));
}

/** The live threads registered under `name` (a test stops one as a crash would). */
export function threadsNamed(name: string): Worker[] {
  return [...threads].filter(([, named]) => named === name).map(([worker]) => worker);
}

/**
 * The statistics of the calling thread, after a full collection where gc is exposed. Used on
 * both sides: a worker answers with it, and the main thread reads its own.
 */
export function ownHeap(): ThreadHeap {
  (globalThis as { gc?: () => void }).gc?.();
  const heap = getHeapStatistics();
  return { usedBytes: heap.used_heap_size, committedBytes: heap.total_physical_size, externalBytes: heap.external_memory };
}

/** The source a CommonJS worker evaluates to answer the question on `parentPort`. */
export const ANSWER_HEAP_QUESTIONS_SOURCE = `parentPort.on('message', (message) => {
  if (message !== ${JSON.stringify(HEAP_QUESTION)}) return;
  if (globalThis.gc) globalThis.gc();
  const heap = require('node:v8').getHeapStatistics();
  parentPort.postMessage({ ${HEAP_ANSWER}: { usedBytes: heap.used_heap_size, committedBytes: heap.total_physical_size, externalBytes: heap.external_memory } });
});`;

/** Every thread's heap, by name ("main" for the calling thread); a thread that does not answer within `timeoutMs` is left out. */
export async function threadHeaps(timeoutMs = 10_000): Promise<Record<string, ThreadHeap>> {
  const asked = [...threads].map(
    ([worker, name]) =>
      new Promise<[string, ThreadHeap] | null>((resolve) => {
        const timer = setTimeout(() => done(null), timeoutMs);
        const onMessage = (message: unknown) => {
          if (typeof message === 'object' && message !== null && HEAP_ANSWER in message) done([name, (message as Record<string, ThreadHeap>)[HEAP_ANSWER] as ThreadHeap]);
        };
        const done = (answer: [string, ThreadHeap] | null) => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          resolve(answer);
        };
        worker.on('message', onMessage);
        worker.postMessage(HEAP_QUESTION);
      }),
  );
  const answers = (await Promise.all(asked)).filter((answer) => answer !== null);
  return Object.fromEntries([['main', ownHeap()], ...answers]);
}
