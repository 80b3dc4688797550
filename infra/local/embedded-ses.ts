/**
 * SES for one machine: aws-ses-v2-local in this process on loopback. It accepts SES v1/v2
 * SendEmail signed with any credentials, keeps messages in memory and serves a web viewer.
 */
import { SESClient } from '@aws-sdk/client-ses';
import sesServer from 'aws-ses-v2-local';
import type { AddressInfo } from 'node:net';
import { localCredentials } from './local-credentials.ts';

type StartServer = typeof sesServer.default;

export interface EmbeddedSes {
  /** The emulator's base URL: SES API, `GET /store`, and the web viewer at `/`. */
  readonly endpoint: string;
  readonly client: SESClient;
  close(): Promise<void>;
}

export async function startEmbeddedSes(options: { host?: string; port?: number }): Promise<EmbeddedSes> {
  const host = options.host ?? '127.0.0.1';
  // A CommonJS module with `exports.default`: Node's ESM interop hands over the exports object
  // (function at `.default`), bundlers and vitest hand over the function itself.
  const start: StartServer = typeof sesServer === 'function' ? (sesServer as unknown as StartServer) : sesServer.default;
  const server = await start({ host, port: options.port ?? 0 });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host}:${port}`;
  const client = new SESClient({ endpoint, region: 'us-east-1', credentials: localCredentials, maxAttempts: 3 });
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((resolve, reject) => server.close((error?: Error) => (error ? reject(error) : resolve())));
    },
  };
}
