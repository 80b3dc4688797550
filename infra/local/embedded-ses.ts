/**
 * SES for one machine: aws-ses-v2-local on loopback, in a thread of its own
 * (service-thread.ts). It accepts SES v1/v2 SendEmail signed with any credentials, keeps
 * messages in memory and serves a web viewer and `GET /store`.
 *
 * Its mailbox would otherwise grow without end (a 1,000-alert storm is 1,000 emails of about
 * 70 KB of heap each), so only the newest `keepEmails` are
 * kept: older ones are dropped as new ones arrive. The viewer is for looking at what was
 * sent lately, not an archive.
 */
import { SESClient } from '@aws-sdk/client-ses';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { localCredentials } from './local-credentials.ts';
import { startEmbeddedService, type EmbeddedService } from './service-thread.ts';

/** Its endpoint serves the SES API, `GET /store`, and the web viewer at `/`. */
export type EmbeddedSes = EmbeddedService<SESClient>;

/** Emails the local mailbox keeps by default. */
export const DEFAULT_KEPT_EMAILS = 500;

// An email of ours is about 35,000 characters, held as two-byte strings (the text is not
// Latin-1): 500 of them are about 35 MB of the emulator's heap; 2,000 measured 140 MB.
// Its default host listens on every interface: loopback only, always. The emulator's handlers
// call its store module's `saveEmail` through the module's exports, so wrapping that export
// caps every way in (v1, v2, raw, bulk).
const START_SES = `(() => {
  const store = require(workerData.storeModule);
  const save = store.saveEmail;
  store.saveEmail = (email) => {
    save(email);
    const emails = store.getStoreReadonly().emails;
    if (emails.length > workerData.keepEmails) emails.splice(0, emails.length - workerData.keepEmails);
  };
  return require(workerData.module).default({ host: workerData.host, port: workerData.port });
})()`;

export async function startEmbeddedSes(options: { host?: string; port?: number; keepEmails?: number }): Promise<EmbeddedSes> {
  const module = createRequire(import.meta.url).resolve('aws-ses-v2-local');
  const workerData = {
    module,
    storeModule: join(dirname(module), 'store.js'),
    keepEmails: options.keepEmails ?? DEFAULT_KEPT_EMAILS,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
  };
  return startEmbeddedService('aws-ses-v2-local', START_SES, workerData, (endpoint) => new SESClient({ endpoint, region: 'us-east-1', credentials: localCredentials, maxAttempts: 3 }));
}
