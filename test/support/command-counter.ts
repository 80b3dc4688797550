/**
 * A DynamoDB client of its own for one test, counting the commands it sends (and the keys or
 * items a batch carries) with an SDK middleware: how a test sees how many round trips an
 * adapter made without replacing anything. Call it inside a test: the client is destroyed when
 * the test ends.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { onTestFinished } from 'vitest';

export interface CountingClient {
  readonly client: DynamoDBClient;
  /** Commands sent, by name without `Command`, e.g. `BatchGetItem`. */
  calls(command: string): number;
  /** For each batch command sent, how many keys or items it carried, in order. */
  batchSizes(command: string): number[];
  /** The input of each command of that name sent, in order. */
  inputs(command: string): unknown[];
}

export function countingClient(endpoint: string): CountingClient {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  onTestFinished(() => client.destroy());
  const sizes = new Map<string, number[]>();
  const inputs = new Map<string, unknown[]>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = (context.commandName ?? '').replace(/Command$/, '');
      const requestItems = (args.input as { RequestItems?: Record<string, unknown[] | { Keys: unknown[] }> }).RequestItems ?? {};
      const carried = Object.values(requestItems).reduce<number>((sum, table) => sum + (Array.isArray(table) ? table.length : table.Keys.length), 0);
      sizes.set(command, [...(sizes.get(command) ?? []), carried]);
      inputs.set(command, [...(inputs.get(command) ?? []), args.input]);
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  return {
    client,
    calls: (command) => sizes.get(command)?.length ?? 0,
    batchSizes: (command) => sizes.get(command) ?? [],
    inputs: (command) => inputs.get(command) ?? [],
  };
}
