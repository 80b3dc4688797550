/**
 * What DynamoDB's batch calls leave unprocessed (under throttling, or past an answer's size
 * limit) must be sent again by the caller; the SDK does not. Both batch adapters send it again
 * the same way: a few rounds, pausing longer before each.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export const UNPROCESSED_ROUNDS = 6;
const FIRST_PAUSE_MS = 20;

/** Sends `pending`, then whatever each answer left unprocessed, for up to UNPROCESSED_ROUNDS
 * rounds (pausing 20, 40, 80 ... ms between them); resolves with what is still unprocessed. */
export async function sendUntilProcessed<T>(pending: readonly T[], send: (pending: readonly T[]) => Promise<readonly T[]>): Promise<readonly T[]> {
  let left = pending;
  for (let round = 0; left.length > 0 && round < UNPROCESSED_ROUNDS; round += 1) {
    if (round > 0) await sleep(FIRST_PAUSE_MS * 2 ** (round - 1));
    left = await send(left);
  }
  return left;
}
