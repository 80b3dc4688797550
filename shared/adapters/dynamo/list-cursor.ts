/**
 * The opaque cursor of `GET /alerts`: base64url of the JSON `{"shards": [...]}`, one position
 * per shard of the `by-created` index (shard-merge.ts): `null` (from the newest), `"done"`,
 * or the sort key (`<createdAt>#<alertId>`) after which that shard resumes. A cursor is
 * checked before it reaches DynamoDB, so a mangled one, or one made for another shard count,
 * is the client's mistake (400), not a store failure.
 */
import { isAlertId } from '../../domain/alert/alert-id.ts';
import { parseInstantIdKey } from '../../store/shard-keys.ts';
import { invalidCursor } from '../../store/write-rules.ts';
import type { ShardPosition } from './shard-merge.ts';

export function encodeListCursor(positions: readonly ShardPosition[]): string {
  return Buffer.from(JSON.stringify({ shards: positions })).toString('base64url');
}

/** The shard positions a cursor stands for; throws InvalidRequestError when no store of `shards` shards made it. */
export function decodeListCursor(cursor: string, shards: number): ShardPosition[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursor();
  const { shards: positions, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !Array.isArray(positions) || positions.length !== shards) throw invalidCursor();
  return positions.map((position: unknown) => {
    if (position === null || position === 'done') return position;
    if (typeof position !== 'string') throw invalidCursor();
    const key = parseInstantIdKey(position);
    if (key === null || !isAlertId(key.id)) throw invalidCursor();
    return position;
  });
}
