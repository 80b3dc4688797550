/**
 * Timers for one machine, kept in the same DynamoDB (dynalite) table as the alerts and fired
 * by TimerLoop. Arming a name that exists is success and changes nothing; cancelling a name
 * that is gone is success: the same idempotence EventBridge Scheduler gives on AWS. Arms and
 * cancels made together are written together (timer-writes.ts).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TimerRequest, Timers } from '../../ports/timers.ts';
import { TimerWrites } from './timer-writes.ts';

export class LocalTimers implements Timers {
  private readonly writes: TimerWrites;

  constructor(options: { client: DynamoDBClient; tableName: string; indexShards?: number }) {
    this.writes = new TimerWrites(options);
  }

  schedule(request: TimerRequest): Promise<void> {
    return this.writes.write({ kind: 'arm', request });
  }

  cancel(name: string): Promise<void> {
    return this.writes.write({ kind: 'cancel', name });
  }
}
