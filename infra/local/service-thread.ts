/**
 * Runs an emulator's HTTP server (dynalite, the SES emulator) in a worker thread of its own, so
 * its work takes the machine's other core instead of the local stack's event loop. Clients
 * reach it over loopback exactly as they would the real service.
 */
import { Worker } from 'node:worker_threads';
import { ANSWER_HEAP_QUESTIONS_SOURCE, trackThread } from './thread-memory.ts';

export interface ServiceThread {
  readonly port: number;
  stop(): Promise<void>;
}

/** An emulator on its thread and the SDK client that talks to it. */
export interface EmbeddedService<C> {
  /** The emulator's base URL on loopback. */
  readonly endpoint: string;
  readonly client: C;
  /** Closes the client, then stops the emulator. */
  close(): Promise<void>;
}

/** `startServiceThread` plus a client made for its endpoint (`workerData` gets `host`). */
export async function startEmbeddedService<C extends { destroy(): void }>(
  name: string,
  startSource: string,
  workerData: Record<string, unknown> & { readonly host: string },
  makeClient: (endpoint: string) => C,
): Promise<EmbeddedService<C>> {
  const thread = await startServiceThread(name, startSource, workerData);
  const endpoint = `http://${workerData.host}:${thread.port}`;
  const client = makeClient(endpoint);
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await thread.stop();
    },
  };
}

/**
 * `startSource` is CommonJS run in the worker with `workerData` in scope; it must evaluate to
 * a promise of a listening `http.Server`.
 */
export async function startServiceThread(name: string, startSource: string, workerData: Record<string, unknown>): Promise<ServiceThread> {
  const source = `
const { parentPort, workerData } = require('node:worker_threads');
Promise.resolve()
  .then(() => ${startSource})
  .then((server) => {
    parentPort.postMessage({ port: server.address().port });
    ${ANSWER_HEAP_QUESTIONS_SOURCE}
    parentPort.on('message', (message) => {
      if (message !== 'stop') return;
      if (server.closeAllConnections) server.closeAllConnections();
      server.close((error) => parentPort.postMessage({ stopped: true, error: error ? error.message : undefined }));
    });
  })
  .catch((error) => parentPort.postMessage({ error: String(error && error.message || error) }));
`;
  const worker = new Worker(source, { eval: true, workerData });
  trackThread(name, worker);
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { port?: number; error?: string }) =>
      message.port === undefined ? reject(new Error(`${name} did not start: ${message.error}`)) : resolve(message.port),
    );
    worker.once('error', reject);
  });
  return {
    port,
    stop: async () => {
      const stopped = new Promise<{ error?: string }>((resolve) => {
        const onMessage = (message: { stopped?: boolean; error?: string }) => {
          if (message.stopped !== true) return;
          worker.off('message', onMessage);
          resolve(message);
        };
        worker.on('message', onMessage);
      });
      worker.postMessage('stop');
      const { error } = await stopped;
      await worker.terminate();
      if (error) throw new Error(`${name} did not stop cleanly: ${error}`);
    },
  };
}
