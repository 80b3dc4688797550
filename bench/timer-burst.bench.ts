/**
 * A burst of timers: 3,000 critical alerts stored through the local stack (as `npm start` runs
 * it, LevelDB on disk), then the stack's clock jumps just past their at-risk instant, so every
 * alert's timer falls due at once, as four minutes after a storm. Prints how long the local
 * timer loop took to deliver them all, the rate, and how many alerts got their at-risk
 * notification (each delivery re-reads the alert, claims, emails through the SES emulator
 * and arms the next timer).
 *
 * Run alone: npx tsx bench/timer-burst.bench.ts [alerts]
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JsonLogger } from '../shared/adapters/log/json-logger.ts';
import { parseConfig } from '../shared/config/parse-config.ts';
import { MINUTE_MS } from '../shared/domain/instant.ts';
import type { Clock } from '../shared/ports/clock.ts';
import { localCredentials } from '../infra/local/local-credentials.ts';
import { startLocalStack } from '../infra/local/local-stack.ts';
import { alertmanagerBody } from './cost/alertmanager-body.ts';
import type { BenchResult } from './bench-result.ts';
import { printResults } from './bench-result.ts';
import { countTimers } from './storm/count-timers.ts';
import { sendFromWorker } from './storm/senders.ts';

const SECRET = 'benchSecret0123456789abcdefghijk';
/** Critical alerts are at risk 4 minutes in (80% of 5): just past that, nothing else is due yet
 * (the breach comes at 5 minutes), so each delivery sends the one at-risk email. */
const JUMP_MS = 4 * MINUTE_MS + 5_000;
const GIVE_UP_MS = 5 * MINUTE_MS;

export async function benchTimerBurst(alerts = 3_000): Promise<BenchResult[]> {
  const config = parseConfig({ integrations: [{ id: 'am', format: 'alertmanager', secrets: [SECRET] }], sla: { reporting: { enabled: false } } }, {});
  const logger = new JsonLogger({ minLevel: 'error', write: (line) => process.stderr.write(line) });
  let offsetMs = 0;
  const clock: Clock = { now: () => Date.now() + offsetMs };
  const dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-burst-'));
  const stack = await startLocalStack({ config, linkSecret: SECRET, logger, dataDir, port: 0, clock });
  const client = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: localCredentials });
  try {
    const run = Date.now();
    const bodies = Array.from({ length: alerts }, (_, i) =>
      alertmanagerBody({ fingerprint: `${run.toString(16)}${i.toString(16).padStart(8, '0')}`, priority: 'critical', firstAt: run }, 'firing', null),
    );
    const sent = await sendFromWorker({ url: `${stack.url}/webhooks/am`, secret: SECRET, bodies, senders: 32 });
    if (sent.answered !== alerts) throw new Error(`only ${sent.answered} of ${alerts} alerts were stored`);

    offsetMs = JUMP_MS;
    const jumpedAt = Date.now();
    let seconds = Number.NaN;
    while (Date.now() - jumpedAt < GIVE_UP_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      // The loop deletes each timer once delivered.
      if ((await countTimers(client, clock.now())) === 0) {
        seconds = (Date.now() - jumpedAt) / 1000;
        break;
      }
    }
    let notified = 0;
    let breached = 0;
    for await (const page of stack.deps.store.listCreatedBetween(run - MINUTE_MS, clock.now(), 500)) {
      notified += page.filter((alert) => alert.notified.acknowledgmentAtRiskAt !== null).length;
      breached += page.filter((alert) => alert.notified.acknowledgmentBreachAt !== null).length;
    }
    return [
      { name: 'timer burst: all delivered in', value: seconds, unit: 's', detail: `${alerts} timers due at once` },
      { name: 'timer burst: timers per second', value: alerts / seconds, unit: 'timers/s', detail: 'each re-reads, claims, emails, arms the next' },
      { name: 'timer burst: at-risk notified', value: notified, unit: 'alerts', detail: notified === alerts ? 'every alert' : `MISSING ${alerts - notified}` },
      { name: 'timer burst: breach notified', value: breached, unit: 'alerts', detail: 'none is due yet' },
    ];
  } finally {
    client.destroy();
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [alerts] = process.argv.slice(2).map(Number);
  printResults(await benchTimerBurst(alerts || undefined));
}
