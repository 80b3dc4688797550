import type { SESClient } from '@aws-sdk/client-ses';
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
import { startEmbeddedSes } from '../../infra/local/embedded-ses.ts';

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

/** The local stack's embedded SES on a free loopback port, with helpers to read the mailbox. */
export async function startSesEmulator(): Promise<SesEmulator> {
  const ses = await startEmbeddedSes({ host: '127.0.0.1', port: 0 });
  return {
    endpoint: ses.endpoint,
    client: ses.client,
    messages: () => readMailbox(ses.endpoint),
    async clear() {
      const response = await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
      if (!response.ok) throw new Error(`SES emulator /clear-store answered ${response.status}`);
    },
    stop: () => ses.close(),
  };
}

/** Every email the emulator at `endpoint` holds (`GET /store`). */
export async function readMailbox(endpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  if (!response.ok) throw new Error(`SES emulator /store answered ${response.status}`);
  const body = (await response.json()) as { emails: StoredEmail[] };
  return body.emails;
}
