/**
 * A stand-in for Secrets Manager's `GetSecretValue` on loopback, so a Lambda bundle can be
 * booted outside AWS (the bundle benchmark, the bundle tests): the composition root reads its
 * secret at import, as on Lambda, and gets this one. It speaks the service's JSON protocol
 * (`X-Amz-Target: secretsmanager.GetSecretValue`), which is all the SDK client needs; the SDK
 * finds it through `AWS_ENDPOINT_URL_SECRETS_MANAGER`. Not for production use: no auth.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretsStandIn {
  /** `http://127.0.0.1:<port>`, for AWS_ENDPOINT_URL_SECRETS_MANAGER. */
  readonly endpoint: string;
  /** How many GetSecretValue requests were answered. */
  requests(): number;
  stop(): Promise<void>;
}

const JSON_1_1 = 'application/x-amz-json-1.1';

/** Serves `secrets` (SecretId -> SecretString); any other id answers ResourceNotFoundException. */
export async function startSecretsStandIn(secrets: Readonly<Record<string, string>>): Promise<SecretsStandIn> {
  let answered = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = request.headers['x-amz-target'];
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { SecretId?: string };
      const secret = body.SecretId === undefined ? undefined : secrets[body.SecretId];
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': JSON_1_1 });
        response.end(JSON.stringify(payload));
      };
      if (target !== 'secretsmanager.GetSecretValue') return send(400, { __type: 'UnknownOperationException', message: `unsupported ${String(target)}` });
      if (secret === undefined) return send(400, { __type: 'ResourceNotFoundException', message: 'Secrets Manager can’t find the specified secret.' });
      answered += 1;
      send(200, { ARN: body.SecretId, Name: 'sla-watch', SecretString: secret, VersionId: 'stand-in', VersionStages: ['AWSCURRENT'], CreatedDate: 0 });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => answered,
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
