/**
 * aws-ses-v2-local started in-process on loopback and a free port, for adapter and end-to-end
 * tests that send real SES requests through the AWS SDK and read the mail back over its HTTP
 * API (`GET /store`, `POST /clear-store`).
 *
 * The emulator keeps its mailbox in module state: two emulators started in one process share
 * one store. Tests therefore `clear()` before they look, and `messages()` filters by the
 * destination when several suites might run in one worker. `stop()` closes the HTTP server and
 * its idle keep-alive connections.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { SESClient } from '@aws-sdk/client-ses';
import sesServer from 'aws-ses-v2-local';

type StartServer = typeof sesServer.default;
// A CommonJS module with `exports.default`: Node's ESM interop (tsx) hands over module.exports, so the
// function is `.default`; vitest's interop already unwraps it.
const startServer: StartServer = typeof sesServer === 'function' ? (sesServer as unknown as StartServer) : sesServer.default;

export interface StoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[]; readonly cc: readonly string[]; readonly bcc: readonly string[] };
  readonly subject: string;
  readonly body: { readonly html?: string; readonly text?: string };
  /** Epoch seconds. */
  readonly at: number;
}

export interface SesEmulator {
  readonly endpoint: string;
  readonly client: SESClient;
  messages(): Promise<StoredEmail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/** Port 0: the OS picks a free port; the server listens on 127.0.0.1 only (its default is every interface). */
export async function startSesEmulator(): Promise<SesEmulator> {
  const server: Server = await startServer({ host: '127.0.0.1', port: 0 });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new SESClient({
    endpoint,
    region: 'us-east-1',
    // The emulator refuses unsigned requests but accepts any credentials.
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return {
    endpoint,
    client,
    async messages() {
      const response = await fetch(`${endpoint}/store`);
      if (!response.ok) throw new Error(`SES emulator /store answered ${response.status}`);
      const body = (await response.json()) as { emails: StoredEmail[] };
      return body.emails;
    },
    async clear() {
      const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
      if (!response.ok) throw new Error(`SES emulator /clear-store answered ${response.status}`);
    },
    async stop() {
      client.destroy();
      await new Promise<void>((resolve, reject) => {
        server.close((error?: Error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
    },
  };
}
