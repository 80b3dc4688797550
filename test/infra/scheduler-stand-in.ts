/**
 * EventBridge Scheduler's CreateSchedule/DeleteSchedule on loopback (REST-JSON:
 * `POST|DELETE /schedules/{name}`), recording every request, so a bundle booted in a test can
 * arm timers and the test can read what it asked Scheduler for. The SDK finds it through
 * `AWS_ENDPOINT_URL_SCHEDULER`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SchedulerRequest {
  readonly method: string;
  readonly name: string;
  readonly groupName: string | null;
  readonly body: Record<string, unknown>;
}

export interface SchedulerStandIn {
  readonly endpoint: string;
  readonly requests: SchedulerRequest[];
  stop(): Promise<void>;
}

export async function startSchedulerStandIn(): Promise<SchedulerStandIn> {
  const requests: SchedulerRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const name = decodeURIComponent(url.pathname.replace(/^\/schedules\//, ''));
      const text = Buffer.concat(chunks).toString('utf8');
      const body = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
      requests.push({ method: request.method ?? '', name, groupName: url.searchParams.get('groupName') ?? (body['GroupName'] as string | undefined) ?? null, body });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(request.method === 'POST' ? JSON.stringify({ ScheduleArn: `arn:aws:scheduler:eu-west-1:123456789012:schedule/stand-in/${name}` }) : '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
