/**
 * ReportRollups on the one DynamoDB table: one item per zone and local date, `ROLLUP#<zone>#
 * <date>`, holding the rollup as a JSON string `doc` (a few KB: counts and sparse histograms).
 * It carries none of the index attributes, so no index sees it. Read with BatchGetItem (a
 * month is one call), eventually consistent: a rollup only saves work.
 */
import { BatchGetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DayRollup } from '../../domain/report/day-rollup.ts';
import { ROLLUP_VERSION } from '../../domain/report/day-rollup.ts';
import { StoreUnavailableError } from '../../errors.ts';
import type { ReportRollups } from '../../ports/report-rollups.ts';
import { rollupPk } from '../../store/keys.ts';

const MAX_KEYS_PER_BATCH = 100;

export class DynamoReportRollups implements ReportRollups {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.tableName = options.tableName;
  }

  async get(timezone: string, dates: readonly string[]): Promise<ReadonlyMap<string, DayRollup>> {
    const found = new Map<string, DayRollup>();
    for (let start = 0; start < dates.length; start += MAX_KEYS_PER_BATCH) {
      let keys: Record<string, AttributeValue>[] = dates.slice(start, start + MAX_KEYS_PER_BATCH).map((date) => ({ pk: { S: rollupPk(timezone, date) } }));
      // Unprocessed keys (throttling) are asked again a few times; a rollup not read is rebuilt.
      for (let round = 0; round < 3 && keys.length > 0; round += 1) {
        const out = await this.call(() => this.client.send(new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: keys } } })));
        for (const item of out.Responses?.[this.tableName] ?? []) {
          const rollup = parse(item['doc']?.S);
          if (rollup !== null && rollup.timezone === timezone) found.set(rollup.date, rollup);
        }
        keys = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, AttributeValue>[];
      }
    }
    return found;
  }

  async put(rollup: DayRollup): Promise<void> {
    await this.call(() =>
      this.client.send(
        new PutItemCommand({ TableName: this.tableName, Item: { pk: { S: rollupPk(rollup.timezone, rollup.date) }, doc: { S: JSON.stringify(rollup) } } }),
      ),
    );
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StoreUnavailableError(`DynamoDB report rollups on ${this.tableName} failed`, error);
    }
  }
}

/** A stored rollup, or null when it is of another shape (it is then rebuilt). */
function parse(doc: string | undefined): DayRollup | null {
  if (doc === undefined) return null;
  const value = JSON.parse(doc) as Partial<DayRollup>;
  return value.version === ROLLUP_VERSION ? (value as DayRollup) : null;
}
