/**
 * SES for one machine: aws-ses-v2-local on loopback, in a thread of its own
 * (service-thread.ts). It accepts SES v1/v2 SendEmail signed with any credentials, keeps
 * messages in memory and serves a web viewer and `GET /store`.
 */
import { SESClient } from '@aws-sdk/client-ses';
import { createRequire } from 'node:module';
import { localCredentials } from './local-credentials.ts';
import { startEmbeddedService, type EmbeddedService } from './service-thread.ts';

/** Its endpoint serves the SES API, `GET /store`, and the web viewer at `/`. */
export type EmbeddedSes = EmbeddedService<SESClient>;

// Its default host listens on every interface: loopback only, always.
const START_SES = `require(workerData.module).default({ host: workerData.host, port: workerData.port })`;

export async function startEmbeddedSes(options: { host?: string; port?: number }): Promise<EmbeddedSes> {
  const workerData = { module: createRequire(import.meta.url).resolve('aws-ses-v2-local'), host: options.host ?? '127.0.0.1', port: options.port ?? 0 };
  return startEmbeddedService('aws-ses-v2-local', START_SES, workerData, (endpoint) => new SESClient({ endpoint, region: 'us-east-1', credentials: localCredentials, maxAttempts: 3 }));
}
