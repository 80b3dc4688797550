/**
 * The storm's senders: `senders` concurrent HTTP clients in a worker thread, each posting the
 * next body until none is left, each over its own kept-alive connection (as Alertmanager keeps
 * its connections). A worker, and node:http rather than fetch, because on two cores the
 * senders' own CPU comes out of the server's.
 */
import { Worker } from 'node:worker_threads';

export interface Sent {
  /** Milliseconds from sending each body to the end of its answer, in body order. */
  readonly latencies: Float64Array;
  /** Bodies answered 2xx. */
  readonly answered: number;
  readonly seconds: number;
}

const SENDER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, secret, bodies, senders } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: senders });
const latencies = new Float64Array(bodies.length);
let answered = 0;
let next = 0;
// A request that fails on the wire counts as not answered (status 0), as a sender would see it.
function post(body) {
  return new Promise((resolve) => {
    const request = http.request(url, {
      method: 'POST',
      agent,
      headers: { authorization: 'Bearer ' + secret, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
      response.on('error', () => resolve(0));
    });
    request.on('error', () => resolve(0));
    request.end(body);
  });
}
async function sender() {
  for (let i = next++; i < bodies.length; i = next++) {
    const t0 = performance.now();
    const status = await post(bodies[i]);
    latencies[i] = performance.now() - t0;
    if (status >= 200 && status < 300) answered += 1;
  }
}
const started = performance.now();
Promise.all(Array.from({ length: senders }, sender)).then(() => {
  agent.destroy();
  parentPort.postMessage({ latencies, answered, seconds: (performance.now() - started) / 1000 });
});
`;

export function sendFromWorker(workerData: { url: string; secret: string; bodies: readonly string[]; senders: number }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDER_SOURCE, { eval: true, workerData });
    worker.once('message', (sent: Sent) => {
      resolve(sent);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the senders' worker exited (code ${code}) before reporting`)));
  });
}
