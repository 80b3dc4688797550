/**
 * DynamoDB for one machine: dynalite on loopback, persisted with LevelDB under the data
 * directory (in memory without one). It speaks the DynamoDB wire protocol, so the same SDK
 * client and adapter run here as on AWS. It runs in a thread of its own (service-thread.ts).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { localCredentials } from './local-credentials.ts';
import { startEmbeddedService, type EmbeddedService } from './service-thread.ts';

export type EmbeddedDynamoDb = EmbeddedService<DynamoDBClient>;

const START_DYNALITE = `new Promise((resolve, reject) => {
  const server = require(workerData.module)({ path: workerData.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  server.once('error', reject);
  server.listen(workerData.port, workerData.host, () => resolve(server));
})`;

export async function startEmbeddedDynamoDb(options: { path?: string; host?: string; port?: number }): Promise<EmbeddedDynamoDb> {
  if (options.path) await mkdir(options.path, { recursive: true });
  const workerData = { module: createRequire(import.meta.url).resolve('dynalite'), path: options.path, host: options.host ?? '127.0.0.1', port: options.port ?? 0 };
  return startEmbeddedService('dynalite', START_DYNALITE, workerData, (endpoint) => new DynamoDBClient({ endpoint, region: 'local', credentials: localCredentials, maxAttempts: 3 }));
}
