/**
 * The day counters and open views on the one table, wired as a pair: `afterWrite` is the hook
 * DynamoAlertStore calls after each alert write, `live` what the metrics read.
 *
 * A counter that could not be updated never fails the write it follows: the alert is stored,
 * the caller was (or is about to be) told so, and a throw would make it retry, or skip a
 * notification it has just claimed, for the sake of a figure. The failure is logged as an
 * error naming the alert; that day's counters stay one write short, and only the metrics'
 * "today" figures read them, until local midnight starts the next day's.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../../domain/alert/alert.ts';
import type { DayCounters, LiveFigures } from '../../ports/live-figures.ts';
import type { Logger } from '../../ports/logger.ts';
import { DynamoDayCounters } from './dynamo-day-counters.ts';
import { DynamoOpenAlertViews } from './dynamo-open-alert-views.ts';

export interface DynamoLiveFiguresOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly indexShards?: number;
  /** The reporting time zone. */
  readonly timezone: string;
  readonly logger: Logger;
}

export function dynamoLiveFigures(options: DynamoLiveFiguresOptions): { live: LiveFigures; afterWrite: (before: Alert | null, after: Alert) => Promise<void> } {
  const shards = options.indexShards === undefined ? {} : { shards: options.indexShards };
  const counters = new DynamoDayCounters({ client: options.client, tableName: options.tableName, timezone: options.timezone, ...shards });
  const openViews = new DynamoOpenAlertViews({ client: options.client, tableName: options.tableName, ...shards });
  return { live: { counters, openViews }, afterWrite: countWrites(counters, options.logger) };
}

export function countWrites(counters: DayCounters, logger: Logger): (before: Alert | null, after: Alert) => Promise<void> {
  return async (before, after) => {
    try {
      await counters.record(before, after);
    } catch (error) {
      logger.error("day counters not updated: today's metrics miss this write until the day ends", {
        alertId: after.id,
        version: after.version,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
}
