/**
 * The local report thread's store client (infra/local/intake-gate.ts): its requests reach
 * dynalite one at a time, and none while a webhook is being handled (until the wait's bound).
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeGate, yieldToIntake } from '../../infra/local/intake-gate.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';

let dynalite: Dynalite;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

/** A client that yields to `gate`, recording how many of its requests were at dynalite at once. */
function reportClient(gate: IntakeGate, maxWaitMs: number) {
  const client = new DynamoDBClient({ endpoint: dynalite.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  yieldToIntake(client, gate, maxWaitMs);
  const seen = { sent: 0, atOnce: 0, most: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      seen.sent += 1;
      seen.atOnce += 1;
      seen.most = Math.max(seen.most, seen.atOnce);
      try {
        return await next(args);
      } finally {
        seen.atOnce -= 1;
      }
    },
    { step: 'finalizeRequest', name: 'countAtDynalite' },
  );
  return { client, seen };
}

describe("the report thread's reads", () => {
  it('wait while a webhook is handled, then go one at a time', async () => {
    const tableName = await dynalite.createTable();
    const gate = new IntakeGate();
    const { client, seen } = reportClient(gate, 60_000);
    let answer = () => {};
    const webhook = gate.around(() => new Promise<void>((resolve) => (answer = resolve)));
    const reads = Promise.all(Array.from({ length: 6 }, (_, i) => client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: `ALERT#r${i}` } } }))));
    await sleep(50);
    expect(seen.sent).toBe(0);
    answer();
    await webhook;
    await reads;
    expect(seen.sent).toBe(6);
    expect(seen.most).toBe(1);
    client.destroy();
  });

  it('go after the wait bound under a webhook that never ends', async () => {
    const tableName = await dynalite.createTable();
    const gate = new IntakeGate();
    const { client, seen } = reportClient(gate, 20);
    let answer = () => {};
    const webhook = gate.around(() => new Promise<void>((resolve) => (answer = resolve)));
    await Promise.all(Array.from({ length: 3 }, (_, i) => client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: `ALERT#s${i}` } } }))));
    expect(seen.sent).toBe(3);
    answer();
    await webhook;
    client.destroy();
  });
});
