import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../shared/adapters/dynamo/create-table.ts';
import { DynamoIntakeStats } from '../../shared/adapters/dynamo/dynamo-intake-stats.ts';
import { StoreUnavailableError } from '../../shared/errors.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';

let dynalite: Dynalite;
beforeAll(async () => {
  dynalite = await startDynalite();
  await ensureTable(dynalite.client, 'stats');
});
afterAll(async () => {
  await dynalite.stop();
});

describe('DynamoIntakeStats on dynalite', () => {
  it('counts concurrent deliveries without losing one, keeps the last rejection, and reads zeros for an unseen integration', async () => {
    const stats = new DynamoIntakeStats({ client: dynalite.client, tableName: 'stats' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => stats.recordAccepted('am', 1, 1000 + i)));
    await stats.recordRejected('am', '401: invalid secret', 5000);
    await stats.recordRejected('am', '422: invalid alert: alerts[0].labels: expected an object', 6000);
    const [am, none] = await stats.read(['am', 'never-seen']);
    expect(am).toMatchObject({ integrationId: 'am', accepted: 20, rejected: 2, lastRejectedAt: 6000, lastRejection: '422: invalid alert: alerts[0].labels: expected an object' });
    expect(am?.lastAcceptedAt).toBeGreaterThanOrEqual(1000);
    expect(none).toEqual({ integrationId: 'never-seen', accepted: 0, rejected: 0, lastAcceptedAt: null, lastRejectedAt: null, lastRejection: null });
  });

  it('reports an unreachable table as StoreUnavailableError', async () => {
    const stats = new DynamoIntakeStats({ client: dynalite.client, tableName: 'missing-table' });
    await expect(stats.recordAccepted('am', 1, 1)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
