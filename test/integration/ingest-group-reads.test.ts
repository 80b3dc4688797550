/**
 * A webhook group's alerts are read in one round trip: ingest starts the first read of every
 * alert a request names before applying the first event, and the DynamoDB store answers those
 * reads with one BatchGetItem. On AWS that is one call instead of one per alert of an
 * Alertmanager group, before the request can be answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { ingestEvents } from '../../shared/app/ingest-events.ts';
import { parseIntake } from '../../shared/intake/parse-intake.ts';
import { countingClient } from '../support/command-counter.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';
import { amAlert, amGroup } from '../support/payload-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

let dynalite: Dynalite;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

describe('ingesting an Alertmanager group on DynamoDB', () => {
  it('reads all of its alerts in one BatchGetItem, then applies each event in order', async () => {
    const counting = countingClient(dynalite.endpoint);
    const t = testDeps({ now: '2026-03-02T09:00:00Z' });
    const store = new DynamoAlertStore({ client: counting.client, tableName: await dynalite.createTable() });
    const deps = { ...t.deps, store };
    const integration = deps.config.integrations.find((i) => i.id === 'am');
    if (integration === undefined) throw new Error('the test config has no am integration');
    const hosts = Array.from({ length: 20 }, (_, i) => `api-${i}`);
    const alerts = hosts.map((host, i) => amAlert({ fingerprint: `f${String(i).padStart(15, '0')}`, labels: { alertname: 'Down', instance: host, severity: 'critical' } }));
    // The group names the first alert twice: the second is a repeat of what the first created.
    const body = amGroup([...alerts, alerts[0] ?? amAlert()]);

    const results = await ingestEvents(deps, integration, parseIntake('alertmanager', body, { generatedDedupKey: 'unused' }));

    expect(results.map((r) => r.outcome)).toEqual([...hosts.map(() => 'created'), 'merged']);
    const [first, ...later] = counting.batchSizes('BatchGetItem');
    expect(first).toBe(20);
    // Only the repeat is read again (it changed since the request began).
    expect(later).toEqual([1]);
    expect(counting.calls('PutItem')).toBe(21);
    expect((await store.get(results[0]?.alertId ?? ''))?.deliveries).toBe(2);
  });
});
