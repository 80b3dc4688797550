/**
 * Timers for one machine, kept in the same DynamoDB (dynalite) table as the alerts and fired
 * by TimerLoop. Arming is a conditional put (a name that exists is already armed: success),
 * cancelling a delete (a name that is gone is already cancelled: success), the same
 * idempotence EventBridge Scheduler gives on AWS.
 */
import { DeleteItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TimersUnavailableError } from '../../errors.ts';
import type { TimerRequest, Timers } from '../../ports/timers.ts';
import { timerPk } from '../../store/keys.ts';
import { toTimerItem } from './timer-item.ts';

export class LocalTimers implements Timers {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.tableName = options.tableName;
  }

  async schedule(request: TimerRequest): Promise<void> {
    const command = new PutItemCommand({ TableName: this.tableName, Item: toTimerItem(request), ConditionExpression: 'attribute_not_exists(pk)' });
    try {
      await this.client.send(command);
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return;
      throw new TimersUnavailableError(`could not arm local timer ${request.name}`, error);
    }
  }

  async cancel(name: string): Promise<void> {
    try {
      // Deleting a missing item succeeds in DynamoDB: nothing to special-case.
      await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: { pk: { S: timerPk(name) } } }));
    } catch (error) {
      throw new TimersUnavailableError(`could not cancel local timer ${name}`, error);
    }
  }
}
