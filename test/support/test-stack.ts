/**
 * The local stack as the end-to-end tests use it: the real composition root on free loopback
 * ports, dynalite in memory (or on disk under `dataDir`), the fixture's configuration with
 * links pointing at the stack itself and no Slack (the network is closed).
 */
import { createServer } from 'node:net';
import type { AppConfig } from '../../shared/config/app-config.ts';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.ts';
import { MemoryLogger } from './memory-logger.ts';
import { readMailbox, type StoredEmail } from './ses-emulator.ts';
import { TEST_SECRETS, testConfig } from './config-fixtures.ts';

export const TEST_LINK_SECRET = 'test-link-secret-0123456789abcdef';

export interface TestStack extends LocalStack {
  readonly config: AppConfig;
  readonly logger: MemoryLogger;
  /** Calls the stack's API with the fixture's API key. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Emails the SES emulator holds. */
  emails(): Promise<StoredEmail[]>;
}

export async function startTestStack(options: { patch?: Record<string, unknown>; dataDir?: string; port?: number } = {}): Promise<TestStack> {
  const port = options.port ?? (await freePort());
  const config = testConfig({
    links: { base_url: `http://127.0.0.1:${port}` },
    notifications: { slack_webhook_url: null },
    ...options.patch,
  });
  const logger = new MemoryLogger();
  const stack = await startLocalStack({ config, linkSecret: TEST_LINK_SECRET, logger, port, dataDir: options.dataDir, timerTickMs: 100 });
  return {
    ...stack,
    config,
    logger,
    api: (path, init = {}) =>
      fetch(`${stack.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${TEST_SECRETS.apiKey}`, 'content-type': 'application/json', ...init.headers },
      }),
    emails: () => readMailbox(stack.sesUrl),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
