/**
 * SES for one machine: aws-ses-v2-local on loopback, in a thread of its own
 * (service-thread.ts). It accepts SES v1/v2 SendEmail signed with any credentials, keeps
 * messages in memory and serves a web viewer and `GET /store`.
 */
import { SESClient } from '@aws-sdk/client-ses';
import { createRequire } from 'node:module';
import { localCredentials } from './local-credentials.ts';
import { startServiceThread } from './service-thread.ts';

export interface EmbeddedSes {
  /** The emulator's base URL: SES API, `GET /store`, and the web viewer at `/`. */
  readonly endpoint: string;
  readonly client: SESClient;
  close(): Promise<void>;
}

// Its default host listens on every interface: loopback only, always.
const START_SES = `require(workerData.module).default({ host: workerData.host, port: workerData.port })`;

export async function startEmbeddedSes(options: { host?: string; port?: number }): Promise<EmbeddedSes> {
  const host = options.host ?? '127.0.0.1';
  const thread = await startServiceThread('aws-ses-v2-local', START_SES, {
    module: createRequire(import.meta.url).resolve('aws-ses-v2-local'),
    host,
    port: options.port ?? 0,
  });
  const endpoint = `http://${host}:${thread.port}`;
  const client = new SESClient({ endpoint, region: 'us-east-1', credentials: localCredentials, maxAttempts: 3 });
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await thread.stop();
    },
  };
}
