/**
 * DynamoDB for one machine: dynalite on loopback, persisted with LevelDB under the data
 * directory (in memory without one). It speaks the DynamoDB wire protocol, so the same SDK
 * client and adapter run here as on AWS. It runs in a thread of its own (service-thread.ts).
 *
 * dynalite 4 reads a Query's or Scan's entries through a LevelDB iterator wrapped in a
 * stream whose teardown calls `iterator.return()`, which abstract-level's iterators lack: no
 * iterator was ever closed. Each open iterator holds a LevelDB snapshot, so every query kept
 * its blocks, memtables and table files alive (measured: two iterators per query, about 4,000
 * per 1,000-alert request, the database growing to hundreds of MB on disk and the process's
 * native memory with it). The worker gives the iterators that `return()` before loading
 * dynalite: a stream that ends or is destroyed now closes its iterator.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { localCredentials } from './local-credentials.ts';
import { startEmbeddedService, type EmbeddedService } from './service-thread.ts';

export type EmbeddedDynamoDb = EmbeddedService<DynamoDBClient>;

/**
 * JavaScript run with `iterators` the abstract-level module: gives its iterators the
 * `return()` dynalite's streams call, closing the iterator (a function body, so the worker
 * and a test can both run it).
 */
export const CLOSE_LEVEL_ITERATORS_ON_RETURN = `
for (const Iterator of [iterators.AbstractIterator, iterators.AbstractKeyIterator, iterators.AbstractValueIterator]) {
  if (typeof Iterator.prototype.return !== 'function') {
    Iterator.prototype.return = function () { return this.close().then(() => ({ done: true, value: undefined })); };
  }
}`;

const START_DYNALITE = `new Promise((resolve, reject) => {
  ((iterators) => { ${CLOSE_LEVEL_ITERATORS_ON_RETURN} })(require(workerData.abstractLevel));
  const server = require(workerData.module)({ path: workerData.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  server.once('error', reject);
  server.listen(workerData.port, workerData.host, () => resolve(server));
})`;

/** The abstract-level module dynalite's LevelDB (level → classic-level) and memory store use. */
export function abstractLevelOf(dynalite: string): string {
  const classicLevel = createRequire(createRequire(dynalite).resolve('level')).resolve('classic-level');
  return createRequire(classicLevel).resolve('abstract-level');
}

export async function startEmbeddedDynamoDb(options: { path?: string; host?: string; port?: number }): Promise<EmbeddedDynamoDb> {
  if (options.path) await mkdir(options.path, { recursive: true });
  const module = createRequire(import.meta.url).resolve('dynalite');
  const workerData = { module, abstractLevel: abstractLevelOf(module), path: options.path, host: options.host ?? '127.0.0.1', port: options.port ?? 0 };
  return startEmbeddedService('dynalite', START_DYNALITE, workerData, (endpoint) => new DynamoDBClient({ endpoint, region: 'local', credentials: localCredentials, maxAttempts: 3 }));
}
