/**
 * The local stack's alert store (and report rollups) for a command that runs beside it (`sla-watch report`): the
 * running stack's DynamoDB when there is one, else dynalite opened on the data directory.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { join } from 'node:path';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { ensureTable } from '../../shared/adapters/dynamo/create-table.ts';
import { readTableMeta } from '../../shared/adapters/dynamo/table-meta.ts';
import { INDEX_SHARDS } from '../../shared/store/table-definition.ts';
import type { AlertStore } from '../../shared/ports/alert-store.ts';
import type { ReportRollups } from '../../shared/ports/report-rollups.ts';
import { DynamoReportRollups } from '../../shared/adapters/dynamo/dynamo-report-rollups.ts';
import { startEmbeddedDynamoDb } from './embedded-dynamodb.ts';
import { localCredentials } from './local-credentials.ts';
import { LOCAL_TABLE_NAME, OLDER_LOCAL_TABLE_NAMES } from './local-table.ts';
import { readRunningStackNote } from './running-stack.ts';

export async function openLocalStore(options: { dataDir: string }): Promise<{ store: AlertStore; rollups: ReportRollups; close(): Promise<void> }> {
  const running = await readRunningStackNote(options.dataDir);
  if (running) {
    const client = new DynamoDBClient({ endpoint: running.dynamoEndpoint, region: 'local', credentials: localCredentials });
    try {
      // The running stack settled the table at its start: read the shard count it recorded.
      const meta = await readTableMeta(client, LOCAL_TABLE_NAME);
      const indexShards = meta?.indexShards ?? INDEX_SHARDS;
      const tables = { client, tableName: LOCAL_TABLE_NAME };
      return { store: new DynamoAlertStore({ ...tables, indexShards }), rollups: new DynamoReportRollups(tables), close: async () => client.destroy() };
    } catch (error) {
      client.destroy();
      throw error;
    }
  }
  const dynamo = await startEmbeddedDynamoDb({ path: join(options.dataDir, 'dynamodb') });
  try {
    const { indexShards } = await ensureTable(dynamo.client, LOCAL_TABLE_NAME, { migrateFrom: OLDER_LOCAL_TABLE_NAMES });
    const tables = { client: dynamo.client, tableName: LOCAL_TABLE_NAME };
    return { store: new DynamoAlertStore({ ...tables, indexShards }), rollups: new DynamoReportRollups(tables), close: () => dynamo.close() };
  } catch (error) {
    await dynamo.close();
    throw error;
  }
}
