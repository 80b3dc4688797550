/**
 * The two ports the local stack listens on, and one clear line when one is taken: the HTTP
 * port (`--port`) and the mail viewer's (`--ses-port`, by default the port after --port, so
 * two stacks started on different --port values never collide on the viewer).
 */
import { createServer } from 'node:net';

/** The mail viewer's port when --ses-port is not given: --port + 1 (0 stays 0: any free port). */
export function defaultSesPort(port: number): number {
  return port === 0 ? 0 : port === 65535 ? 65534 : port + 1;
}

/** Whether `port` on `host` can be listened on now (0 always can). */
export function portFree(host: string, port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** One line per taken port, naming the flag that picks another; empty when both are free. */
export async function takenPorts(input: { host: string; port: number; sesPort: number | null }): Promise<string[]> {
  const problems: string[] = [];
  if (!(await portFree(input.host, input.port))) {
    problems.push(`port ${input.port} on ${input.host} is already in use (another sla-watch?): choose another with --port`);
  }
  // null: no mail viewer of our own (--ses-endpoint points elsewhere).
  if (input.sesPort !== null && !(await portFree('127.0.0.1', input.sesPort))) {
    problems.push(`the mail viewer's port ${input.sesPort} is already in use: choose another with --ses-port`);
  }
  return problems;
}

/** Whether an error is a listen on a taken port (a race after the check above). */
export function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}
